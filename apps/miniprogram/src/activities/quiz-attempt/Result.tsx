import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { formatDuration, type AttemptView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { letter } from './countdown';
import '../quizzes.css';
import { usePageClass } from '@/hooks/useElderly';

/** After submitting: the score, the time taken, then every question with the right answer, mine, and why. */
export function Result({ attempt }: { attempt: AttemptView }) {
  const pageClass = usePageClass();
  const result = attempt.result;
  if (!result) return null;
  return (
    <View className={pageClass}>
      <View className="card" id="quiz-result">
        <View className="card-title">{attempt.quizTitle}</View>
        <View className="quiz-score" id="quiz-score">
          {result.score}/{result.total} 分
        </View>
        <View className="big-text" id="quiz-time-taken">
          答对 {result.score} 题 · 用时 {formatDuration(result.timeTakenMs)}
        </View>
        {result.late ? (
          <View className="quiz-rule" id="quiz-result-late">
            答题时间已到，超时后的作答不计分。
          </View>
        ) : null}
        <View className="gap-top">
          <Button
            id="quiz-see-board"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.redirectTo({ url: `/activities/quiz/index?id=${attempt.quizId}` })}
          >
            查看排行榜
          </Button>
        </View>
      </View>
      {result.review.map((r) => {
        const q = attempt.questions[r.position];
        if (!q) return null;
        return (
          <View key={r.position} id={`review-${r.position}`} className={`card quiz-review--${r.right ? 'right' : 'wrong'}`}>
            <View className="card-title">
              第 {r.position + 1} 题 {r.right ? '✓ 答对了' : r.late ? '✗ 超时未计分' : r.chosen ? '✗ 答错了' : '✗ 未作答'}
            </View>
            <View className="text">{q.text}</View>
            {q.options.map((o, i) => {
              const right = r.correct.includes(i);
              const mine = r.chosen?.includes(i) ?? false;
              return (
                <View key={i} className={`quiz-option${right ? ' quiz-option--right' : mine ? ' quiz-option--wrong' : ''}`}>
                  <View className="quiz-option__letter">{letter(i)}</View>
                  <View>
                    {o}
                    {right ? '（正确答案）' : ''}
                    {mine && !right ? '（我的选择）' : ''}
                  </View>
                </View>
              );
            })}
            <View className="quiz-explanation" id={`review-${r.position}-explanation`}>
              解析：{r.explanation}
            </View>
          </View>
        );
      })}
    </View>
  );
}
