import { useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatDuration, QUIZ_STATUS_LABELS, type QuizLeaderboard, type QuizView } from '@linli/shared-types';
import { askSubscribe, getLeaderboard, getQuiz, prepareSubscribe, showApiError, startAttempt } from '@/api';
import { Button } from '@/components/nutui';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { Leaderboard } from './Leaderboard';
import '../quizzes.css';
import { usePageClass } from '@/hooks/useElderly';

/** A quiz's intro: what it is, its time limit and late rule, start (or continue), my best, the leaderboard. */
export default function QuizPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [quiz, setQuiz] = useState<QuizView | null>(null);
  const [board, setBoard] = useState<QuizLeaderboard | null>(null);

  useLoad(() => prepareSubscribe('activity'));
  useRefresh(async () => {
    try {
      const [q, b] = await Promise.all([getQuiz(id), getLeaderboard(id)]);
      setQuiz(q);
      setBoard(b);
    } catch (error) {
      showApiError(error);
    }
  });

  const start = useAction(async (_: null, key: string) => {
    const attempt = await startAttempt(id, key);
    await Taro.navigateTo({ url: `/activities/quiz-attempt/index?id=${attempt.id}` });
    return attempt;
  });

  if (!quiz) return <View className="loading">正在加载…</View>;

  const left = quiz.attemptsAllowed - quiz.attemptsUsed;
  const onStart = () => {
    if (quiz.openAttemptId) {
      void Taro.navigateTo({ url: `/activities/quiz-attempt/index?id=${quiz.openAttemptId}` });
      return;
    }
    askSubscribe('activity');
    void start.run(null);
  };
  return (
    <View className={pageClass}>
      <View className="card" id="quiz-intro">
        <View className={`quiz-status quiz-status--${quiz.status}`} id="quiz-status">
          {QUIZ_STATUS_LABELS[quiz.status]}
        </View>
        <View className="card-title" id="quiz-title">
          {quiz.title}
        </View>
        {quiz.intro ? <View className="text">{quiz.intro}</View> : null}
        <View className="big-text gap-top" id="quiz-facts">
          共 {quiz.questionCount} 道题 · 限时 {formatDuration(quiz.timeLimitSeconds * 1000)}
        </View>
        <View className="muted">
          {formatTime(quiz.opensAt)} 开始，{formatTime(quiz.closesAt)} 结束 · 每人可答 {quiz.attemptsAllowed} 次，已答 {quiz.attemptsUsed}{' '}
          次
        </View>
        <View className="quiz-rule" id="quiz-late-rule">
          {quiz.lateRule}
        </View>
        <View className="muted gap-top">排名规则：{quiz.rankRule}</View>
        {quiz.best ? (
          <View
            className="big-text gap-top"
            id="quiz-best"
            onClick={() => void Taro.navigateTo({ url: `/activities/quiz-attempt/index?id=${quiz.best?.attemptId}` })}
          >
            我的最好成绩：{quiz.best.score}/{quiz.best.total} 分 · {formatDuration(quiz.best.timeTakenMs)} ›
          </View>
        ) : null}
        <View className="gap-top">
          {quiz.status === 'OPEN' && (quiz.openAttemptId || left > 0) ? (
            <Button id="quiz-start" type="primary" size="large" block loading={start.busy} onClick={onStart}>
              {quiz.openAttemptId ? '继续答题' : quiz.attemptsUsed > 0 ? '再答一次' : '开始答题'}
            </Button>
          ) : (
            <View className="empty" id="quiz-cannot-start">
              {quiz.status === 'UPCOMING' ? '竞答还没有开始' : quiz.status === 'CLOSED' ? '竞答已经结束了' : '您的答题次数已经用完了'}
            </View>
          )}
        </View>
      </View>
      {board ? <Leaderboard board={board} /> : null}
    </View>
  );
}
