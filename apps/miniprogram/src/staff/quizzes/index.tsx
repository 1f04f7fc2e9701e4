import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatDuration, QUIZ_STATUS_LABELS, type StaffQuizView } from '@linli/shared-types';
import { listStaffQuizzes, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { usePageClass } from '@/hooks/useElderly';

/** 竞答管理: the community's quizzes with how many took part; the question bank; a new quiz. */
export default function StaffQuizzesPage() {
  const pageClass = usePageClass();
  const [quizzes, setQuizzes] = useState<StaffQuizView[] | null>(null);

  useRefresh(async () => {
    try {
      setQuizzes(await listStaffQuizzes());
    } catch (error) {
      showApiError(error);
    }
  });

  return (
    <View className={pageClass}>
      <View className="button-row">
        <Button id="quiz-bank" size="large" fill="outline" onClick={() => void Taro.navigateTo({ url: '/staff/quiz-bank/index' })}>
          题库
        </Button>
        <Button id="quiz-new" type="primary" size="large" onClick={() => void Taro.navigateTo({ url: '/staff/quiz-edit/index' })}>
          新建竞答
        </Button>
      </View>
      <View className="gap-top" />
      <ListStatus items={quizzes} empty="还没有竞答" emptyId="staff-quizzes-empty" />
      {(quizzes ?? []).map((q) => (
        <View
          key={q.id}
          id={`staff-quiz-${q.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/staff/quiz-edit/index?id=${q.id}` })}
        >
          <View className="muted">
            {QUIZ_STATUS_LABELS[q.status]} · {formatTime(q.opensAt)} 至 {formatTime(q.closesAt)}
          </View>
          <View className="card-title">{q.title}</View>
          <View className="muted">
            每次 {q.questionCount} 题（可抽 {q.available} 题）· 限时 {formatDuration(q.timeLimitSeconds * 1000)} · 每人 {q.attemptsAllowed}{' '}
            次
          </View>
          <View className="big-text gap-top" id={`staff-quiz-${q.id}-figures`}>
            {q.people} 人参加，共 {q.attempts} 次
          </View>
        </View>
      ))}
    </View>
  );
}
