import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CONTEST_PHASE_LABELS, type StaffContestDetailView, type StaffContestEntryView } from '@linli/shared-types';
import { approveEntry, getStaffContest, publishContest, rejectEntry, scoreEntry, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ReasonDialog } from '@/components/ReasonDialog';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { EntryReview } from './EntryReview';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const REASON_RULE = { min: 2, max: 200, message: '请写明原因（2 到 200 个字），居民会看到' };

type Decision =
  | { entryId: number; kind: 'approve' }
  | { entryId: number; kind: 'reject'; reason: string }
  | { entryId: number; kind: 'score'; score: number };

/** 审核作品: the queue (flagged first), approve or reject with a reason, judges' scores, publish the ranking. */
export default function ContestReviewPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [detail, setDetail] = useState<StaffContestDetailView | null>(null);
  const [rejecting, setRejecting] = useState<StaffContestEntryView | null>(null);
  const [publishing, setPublishing] = useState(false);
  const load = async () => {
    try {
      setDetail(await getStaffContest(id));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const decide = useAction(async (d: Decision, key: string) => {
    const done =
      d.kind === 'approve'
        ? await approveEntry(d.entryId, key)
        : d.kind === 'reject'
          ? await rejectEntry(d.entryId, d.reason, key)
          : await scoreEntry(d.entryId, d.score, key);
    setRejecting(null);
    await Taro.showToast({ title: d.kind === 'approve' ? '已通过' : d.kind === 'reject' ? '已退回' : '已打分', icon: 'success' });
    await load();
    return done;
  });
  const publish = useAction(async (_: null, key: string) => {
    const results = await publishContest(id, key);
    setPublishing(false);
    await Taro.showToast({ title: '结果已公布', icon: 'success' });
    await load();
    return results;
  });

  if (!detail) return <View className="loading">正在加载…</View>;
  const { contest, entries, ranking } = detail;
  const waiting = entries.filter((e) => e.state === 'FLAGGED' || e.state === 'PENDING' || e.state === 'CHECKING').length;

  return (
    <View className={pageClass}>
      <View className="card">
        <View className="card-title">{contest.title}</View>
        <View id="review-phase" className="muted">
          {CONTEST_PHASE_LABELS[contest.phase]} · 待审核 {waiting} 件 · 已通过 {contest.approvedEntries} 件
        </View>
        {contest.resultsPublishedAt && ranking.length > 0 ? (
          <View className="gap-top">
            <Button
              id="contest-prizes"
              type="primary"
              size="large"
              block
              onClick={() => void Taro.navigateTo({ url: `/staff/prizes/index?source=contest&id=${contest.id}` })}
            >
              给获奖者发奖品
            </Button>
          </View>
        ) : null}
        {contest.resultsPublishedAt ? null : (
          <View className="gap-top">
            <Button
              id="contest-edit"
              size="large"
              block
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: `/staff/contest-edit/index?id=${id}` })}
            >
              修改比赛
            </Button>
          </View>
        )}
      </View>

      {entries.length === 0 ? (
        <View id="review-empty" className="muted">
          还没有作品
        </View>
      ) : null}
      {entries.map((e) => (
        <EntryReview
          key={e.id}
          entry={e}
          mode={contest.mode}
          busy={decide.busy}
          onApprove={() => void decide.run({ entryId: e.id, kind: 'approve' })}
          onReject={() => setRejecting(e)}
          onScore={(score) => void decide.run({ entryId: e.id, kind: 'score', score })}
        />
      ))}

      <View className="section-title">{contest.resultsPublishedAt ? '已公布的排名' : '目前的排名'}</View>
      {ranking.map((r) => (
        <View key={r.entryId} id={`review-rank-${r.rank}`} className="review-rank">
          <View>
            第 {r.rank} 名 《{r.title}》
          </View>
          <View>{contest.mode === 'vote' ? `${r.votes} 票` : `${r.averageScore ?? '—'} 分`}</View>
        </View>
      ))}
      {contest.resultsPublishedAt ? null : (
        <View className="gap-top">
          <Button
            id="contest-publish"
            type="primary"
            size="large"
            block
            disabled={ranking.length === 0}
            onClick={() => setPublishing(true)}
          >
            公布结果
          </Button>
        </View>
      )}

      <ReasonDialog
        visible={rejecting !== null}
        resetKey={rejecting?.id}
        title="不通过"
        confirmText="不通过"
        subject={rejecting ? `《${rejecting.title}》` : ''}
        placeholder="例如：照片与比赛主题无关"
        rule={REASON_RULE}
        inputId="reject-reason"
        errorId="reject-reason-error"
        busy={decide.busy}
        onConfirm={(reason) => rejecting && void decide.run({ entryId: rejecting.id, kind: 'reject', reason })}
        onCancel={() => setRejecting(null)}
      />
      <ConfirmDialog
        visible={publishing}
        title="公布结果"
        confirmText="公布"
        busy={publish.busy}
        onConfirm={() => void publish.run(null)}
        onCancel={() => setPublishing(false)}
      >
        <View>公布后居民马上能看到排名，投票随之结束，参赛的住户会收到消息。</View>
      </ConfirmDialog>
    </View>
  );
}
