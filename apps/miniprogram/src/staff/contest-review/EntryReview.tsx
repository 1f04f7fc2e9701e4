import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import type { ContestMode, StaffContestEntryView } from '@linli/shared-types';
import { fileUrl } from '@/api';
import { Button } from '@/components/nutui';
import { TextInput } from '@/components/TextInput';
import { machineLine, STAFF_ENTRY_STATE_LABELS } from './texts';

interface EntryReviewProps {
  entry: StaffContestEntryView;
  mode: ContestMode;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
  onScore: (score: number) => void;
}

/** One entry in the queue: what it is, what the machine said, and the buttons its state allows. */
export function EntryReview({ entry: e, mode, busy, onApprove, onReject, onScore }: EntryReviewProps) {
  const [score, setScore] = useState(e.myScore === null ? '' : String(e.myScore));
  const p = `review-${e.id}`;
  const valid = /^\d{1,3}$/.test(score) && Number(score) <= 100;
  return (
    <View id={p} className={`card${e.state === 'FLAGGED' ? ' notice-card--urgent' : ''}`}>
      <View className="card-title">{e.title}</View>
      <View id={`${p}-state`} className="big-text">
        {STAFF_ENTRY_STATE_LABELS[e.state]}
      </View>
      <View className="muted">{e.door}</View>
      <View id={`${p}-machine`} className="muted">
        {machineLine(e)}
      </View>
      {e.rejectReason ? <View className="muted">原因：{e.rejectReason}</View> : null}
      {e.pictures.length > 0 ? (
        <View className="review-photos">
          {e.pictures.map((pic) => (
            <Image key={pic.fileId} className="review-photo" src={fileUrl(pic.url)} mode="aspectFill" />
          ))}
        </View>
      ) : null}
      {e.videoUrl ? <View className="muted">视频：{e.videoUrl}</View> : null}
      {e.caption ? <View className="review-caption">{e.caption}</View> : null}
      {e.state === 'APPROVED' ? (
        <View className="big-text">{mode === 'vote' ? `${e.votes} 票` : `平均 ${e.averageScore ?? '—'} 分（${e.scores} 位评委）`}</View>
      ) : null}
      {e.actions.includes('APPROVED') ? (
        <Button id={`${p}-approve`} type="primary" size="large" block loading={busy} onClick={onApprove}>
          通过
        </Button>
      ) : null}
      {e.actions.includes('REJECTED') ? (
        <View className="gap-top">
          <Button id={`${p}-reject`} type="danger" size="large" block fill="outline" disabled={busy} onClick={onReject}>
            不通过
          </Button>
        </View>
      ) : null}
      {mode === 'judges' && e.state === 'APPROVED' ? (
        <View className="gap-top">
          <TextInput id={`${p}-score`} type="number" value={score} maxlength={3} placeholder="0 到 100 分" onChange={setScore} />
          <View className="gap-top">
            <Button id={`${p}-score-save`} size="large" block disabled={!valid || busy} onClick={() => onScore(Number(score))}>
              {e.myScore === null ? '打分' : `改分（原 ${e.myScore} 分）`}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
