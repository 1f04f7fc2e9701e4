import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatDuration, QUIZ_STATUS_LABELS } from '@linli/shared-types';
import { listQuizzes } from '@/api';
import { ListStatus } from '@/components/ListStatus';
import { NoHouseholdPage } from '@/components/NoHousehold';
import { useHouseholdData } from '@/hooks/useHouseholdData';
import { formatTime } from '@/utils/format';
import '../quizzes.css';
import { usePageClass } from '@/hooks/useElderly';

/** 知识竞答: the community's quizzes, open ones first, with my best score. */
export default function QuizzesPage() {
  const pageClass = usePageClass();
  const { data: quizzes, noHousehold } = useHouseholdData(listQuizzes);
  if (noHousehold) return <NoHouseholdPage />;

  const order = { OPEN: 0, UPCOMING: 1, CLOSED: 2 } as const;
  const sorted = [...(quizzes ?? [])].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <View className={pageClass}>
      <ListStatus items={quizzes} empty="现在没有竞答活动" emptyId="quizzes-empty" />
      {sorted.map((q) => (
        <View
          key={q.id}
          id={`quiz-${q.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/activities/quiz/index?id=${q.id}` })}
        >
          <View className={`quiz-status quiz-status--${q.status}`}>{QUIZ_STATUS_LABELS[q.status]}</View>
          <View className="card-title">{q.title}</View>
          <View className="muted">
            {q.questionCount} 道题 · 限时 {formatDuration(q.timeLimitSeconds * 1000)} · {formatTime(q.opensAt)} 至 {formatTime(q.closesAt)}
          </View>
          {q.best ? (
            <View className="big-text gap-top" id={`quiz-${q.id}-best`}>
              我的最好成绩：{q.best.score}/{q.best.total} 分
            </View>
          ) : null}
          <View className="entry__arrow">查看 ›</View>
        </View>
      ))}
    </View>
  );
}
