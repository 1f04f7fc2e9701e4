import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ContestDetailView } from '@linli/shared-types';
import { getContest, showApiError, voteForEntry } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { contestPeriods, contestTag, figureOf } from '../contest-texts';
import { EntryCard } from './EntryCard';
import '../contests.css';
import { usePageClass } from '@/hooks/useElderly';

/** A contest: rules and periods, my household's entries (审核中 / 未通过 / 已通过), the approved entries to vote on, the results. */
export default function ContestPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [detail, setDetail] = useState<ContestDetailView | null>(null);
  const load = async () => {
    try {
      setDetail(await getContest(id));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const vote = useAction(async (entryId: number, key: string) => {
    const done = await voteForEntry(entryId, key);
    await Taro.showToast({ title: '投票成功', icon: 'success' });
    await load();
    return done;
  });

  if (!detail) return <View className="loading">正在加载…</View>;
  const { contest, myEntries, entries, votesLeftToday, canEnter, results } = detail;
  const periods = contestPeriods(contest);
  const voting = contest.phase === 'voting';

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="contest-phase">{contestTag(contest)}</View>
        <View id="contest-title" className="card-title">
          {contest.title}
        </View>
        <View id="contest-rules" className="contest-rules">
          {contest.rules}
        </View>
        <LabelValue label="征集时间">{periods.entries}</LabelValue>
        <LabelValue label={contest.mode === 'vote' ? '投票时间' : '评审时间'}>{periods.votes}</LabelValue>
        <LabelValue label="每户作品">{`最多 ${contest.entriesPerHousehold} 件`}</LabelValue>
        {contest.mode === 'vote' ? <LabelValue label="每人每天">{`最多 ${contest.votesPerDay} 票`}</LabelValue> : null}
      </View>

      {results ? (
        <View id="contest-results" className="card">
          <View className="card-title">比赛结果</View>
          {results.ranking.map((r) => (
            <View key={r.entryId} id={`rank-${r.rank}`} className="contest-rank">
              <View>
                第 {r.rank} 名 《{r.title}》
              </View>
              <View>
                {r.door} · {figureOf(results.mode, r.votes, r.averageScore)}
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {canEnter ? (
        <Button
          id="contest-enter"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: `/activities/contest-entry/index?id=${contest.id}&kind=${contest.kind}` })}
        >
          我要参赛
        </Button>
      ) : null}

      {myEntries.length > 0 ? <View className="section-title">我家的作品</View> : null}
      {myEntries.map((e) => (
        <EntryCard key={e.id} entry={e} mode={contest.mode} idPrefix={`my-entry-${e.id}`} />
      ))}

      <View className="section-title">参赛作品{voting ? ` · 今天还能投 ${votesLeftToday} 票` : ''}</View>
      {entries.length === 0 ? (
        <View id="contest-no-entries" className="muted">
          还没有通过审核的作品
        </View>
      ) : null}
      {entries.map((e) => (
        <EntryCard key={e.id} entry={e} mode={contest.mode} idPrefix={`entry-${e.id}`}>
          {voting && !e.mine ? (
            <Button
              id={`entry-${e.id}-vote`}
              type="primary"
              size="large"
              block
              disabled={e.votedByMe || votesLeftToday === 0}
              loading={vote.busy}
              onClick={() => void vote.run(e.id)}
            >
              {e.votedByMe ? '已投票' : '投一票'}
            </Button>
          ) : null}
        </EntryCard>
      ))}
    </View>
  );
}
