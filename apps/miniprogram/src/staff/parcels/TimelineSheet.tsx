import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { FAILURE_REASON_LABELS, PARCEL_STATE_LABELS, type FailureReason, type ParcelDetail } from '@linli/shared-types';
import { errorMessage, getParcelDetail } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { Sheet } from '@/components/Sheet';
import { stateTone } from './states';

type ParcelEvent = ParcelDetail['events'][number];

/** How a move was made, as staff say it. */
const VIA_LABELS: Record<string, string> = {
  scan: '扫码',
  app: '手机操作',
  dispatch: '派单',
  system: '系统自动',
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** An ISO time as MM-dd HH:mm in Asia/Shanghai (UTC+8, no daylight saving). */
function shortTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 「从 已派单 到 志愿者已接单」; the first move (the parcel packed) has no state before it. */
function moveText(e: ParcelEvent): string {
  if (e.from === null) return `打包成包裹，${PARCEL_STATE_LABELS[e.to]}`;
  return `从「${PARCEL_STATE_LABELS[e.from]}」到「${PARCEL_STATE_LABELS[e.to]}」`;
}

/** How the move was made, and by whom when somebody made it: 「扫码 · 李志强」, 「系统自动」. */
function howText(e: ParcelEvent): string {
  const how = VIA_LABELS[e.via] ?? e.via;
  return e.by ? `${how} · ${e.by}` : how;
}

/** The server's details are notes for the audit; only a failure reason means something to staff. */
function reasonText(e: ParcelEvent): string | null {
  if (e.details && e.details in FAILURE_REASON_LABELS) return FAILURE_REASON_LABELS[e.details as FailureReason];
  return null;
}

interface TimelineSheetProps {
  /** The parcel to show; null keeps the sheet closed. */
  parcelId: number | null;
  onClose: () => void;
}

/**
 * 配送经过: a parcel's door, contents and holder, and every move it made, oldest first — when
 * (MM-dd HH:mm), from which state to which, how (扫码 / 手机操作 / 派单 / 系统自动) and who.
 * Ids: timeline-sheet, timeline-door, timeline-holder, timeline-event-{i}, timeline-close.
 */
export function TimelineSheet({ parcelId, onClose }: TimelineSheetProps) {
  const [detail, setDetail] = useState<ParcelDetail | null>(null);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setDetail(null);
    setError('');
    if (parcelId === null) return undefined;
    // A late answer for a parcel no longer shown is dropped.
    let current = true;
    getParcelDetail(parcelId)
      .then((next) => {
        if (current) setDetail(next);
      })
      .catch((err: unknown) => {
        if (current) setError(errorMessage(err));
      });
    return () => {
      current = false;
    };
  }, [parcelId, attempt]);

  const door = detail ? `${detail.building} ${detail.unit} ${detail.room}` : '';
  return (
    <Sheet id="timeline-sheet" visible={parcelId !== null} title="配送经过" onClose={onClose}>
      {detail === null && error === '' ? <View className="loading">正在加载…</View> : null}
      {error !== '' ? (
        <View className="status status--rejected" id="timeline-error">
          <View className="text">{error}</View>
          <View className="gap-top">
            <Button size="large" block onClick={() => setAttempt((n) => n + 1)}>
              再试一次
            </Button>
          </View>
        </View>
      ) : null}
      {detail ? (
        <View>
          <View className="head-row">
            <View className="card-title head-row__title" id="timeline-door">
              {door}
            </View>
            <View id="timeline-state" className={`pc-state pc-state--${stateTone(detail.state)}`}>
              {PARCEL_STATE_LABELS[detail.state]}
            </View>
          </View>
          <LabelValue label="物资">{detail.contents}</LabelValue>
          <LabelValue label="志愿者">
            <View id="timeline-holder">{detail.volunteer ?? '还没派给志愿者'}</View>
          </LabelValue>
          <View className="tl" id="timeline-events">
            {detail.events.length === 0 ? <View className="muted">还没有记录</View> : null}
            {detail.events.map((e, i) => {
              const reason = reasonText(e);
              const last = i === detail.events.length - 1;
              return (
                <View key={`${e.at}-${i}`} id={`timeline-event-${i}`} className={last ? 'tl-step tl-step--last' : 'tl-step'}>
                  <View className="tl-step__dot" />
                  <View className="tl-step__time">{shortTime(e.at)}</View>
                  <View className="tl-step__move">{moveText(e)}</View>
                  <View className="tl-step__how">{howText(e)}</View>
                  {reason ? <View className="tl-step__reason">{reason}</View> : null}
                </View>
              );
            })}
          </View>
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="timeline-close" size="large" block fill="outline" onClick={onClose}>
          关闭
        </Button>
      </View>
    </Sheet>
  );
}
