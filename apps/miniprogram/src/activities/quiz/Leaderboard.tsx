import { View } from '@tarojs/components';
import { formatDuration, type LeaderboardEntry, type QuizLeaderboard } from '@linli/shared-types';
import '../quizzes.css';

function Row({ entry, id }: { entry: LeaderboardEntry; id: string }) {
  return (
    <View id={id} className={entry.mine ? 'board-row board-row--mine' : 'board-row'}>
      <View className="board-row__rank">第{entry.rank}名</View>
      <View className="board-row__door">
        {entry.door}
        {entry.mine ? '（我）' : ''}
      </View>
      <View>
        {entry.score}/{entry.total} 分 · {formatDuration(entry.timeTakenMs)}
      </View>
    </View>
  );
}

/** 排行榜: each person's best, doors masked, my own place below when I am not in the list. */
export function Leaderboard({ board }: { board: QuizLeaderboard }) {
  const mineShown = board.entries.some((e) => e.mine);
  return (
    <View className="card" id="leaderboard">
      <View className="card-title">排行榜（{board.people} 人参加）</View>
      <View className="muted">{board.rankRule}</View>
      {board.entries.length === 0 ? (
        <View className="empty" id="leaderboard-empty">
          还没有人交卷
        </View>
      ) : null}
      {board.entries.map((e) => (
        <Row key={e.rank} entry={e} id={`board-${e.rank}`} />
      ))}
      {board.mine && !mineShown ? (
        <>
          <View className="muted gap-top">我的名次</View>
          <Row entry={board.mine} id="board-mine" />
        </>
      ) : null}
      {board.mine ? (
        <View className="big-text gap-top" id="board-my-rank">
          我排第 {board.mine.rank} 名
        </View>
      ) : null}
    </View>
  );
}
