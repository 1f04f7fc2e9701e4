import { View } from '@tarojs/components';
import { FAILURE_REASON_LABELS, formatFen, PARCEL_STATE_LABELS, type ParcelState, type ParcelView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { formatDate } from '@/utils/format';
import { stateTone } from './states';

/** Parcels staff may still hand to another volunteer: not yet picked up. */
const REASSIGNABLE: readonly ParcelState[] = ['READY', 'ASSIGNED', 'ACCEPTED'];

interface ParcelCardProps {
  parcel: ParcelView;
  /** Who holds it, in words (还没派给志愿者, 李志强). */
  holder: string;
  busy: boolean;
  /** 重新派送 (a failed one) / 重新配送 (a returned one): back to the pool. */
  onRetry: () => void;
  /** A failed one back to the supply point. */
  onReturn: () => void;
  /** A returned one given up: cancelled and refunded, with a reason. */
  onCancel: () => void;
  onAssign: () => void;
  onTimeline: () => void;
}

/**
 * One parcel on the board: the door, the state, what it carries, who holds it, the cash it
 * carries; the buttons the server allows (actions) for a failed or a returned one, 改派 while it
 * is not yet picked up. Tapping the card (not its buttons) opens its timeline.
 */
export function ParcelCard({ parcel: p, holder, busy, onRetry, onReturn, onCancel, onAssign, onTimeline }: ParcelCardProps) {
  const can = (state: ParcelState) => p.actions.includes(state);
  // Back with staff: the parcel waits for their decision.
  const deciding = p.state === 'FAILED' || p.state === 'RETURNED';
  return (
    <View id={`parcel-${p.id}`} className={p.state === 'CANCELLED' ? 'card pc-card--cancelled' : 'card'} onClick={onTimeline}>
      <View className="head-row">
        <View className="card-title head-row__title">{`${p.unit} ${p.room}`}</View>
        <View id={`parcel-${p.id}-state`} className={`pc-state pc-state--${stateTone(p.state)}`}>
          {PARCEL_STATE_LABELS[p.state]}
        </View>
      </View>
      <LabelValue label="物资">{p.contents}</LabelValue>
      <LabelValue label="电话">{p.phone ?? '未登记'}</LabelValue>
      <LabelValue label="送货日期">{formatDate(p.deliveryDate)}</LabelValue>
      <LabelValue label="志愿者">
        <View id={`parcel-${p.id}-volunteer`}>{holder}</View>
      </LabelValue>
      {p.cashDueFen > 0 ? (
        <LabelValue label="上门收款">
          <View id={`parcel-${p.id}-cash`}>{`${formatFen(p.cashDueFen)}${p.cashCollected ? '（已收款）' : ''}`}</View>
        </LabelValue>
      ) : null}
      {p.state === 'FAILED' && p.failureReason ? (
        <LabelValue label="没送成">
          <View className="pc-failure">{FAILURE_REASON_LABELS[p.failureReason]}</View>
        </LabelValue>
      ) : null}
      {p.state === 'RETURNED' ? (
        <View className="text pc-returned-hint">包裹已回到物资点：可以重新配送，或取消并给住户退款（住户会看到原因）。</View>
      ) : null}
      {p.state === 'CANCELLED' ? <View className="muted">已取消，包裹里的订单或药品已退款，住户看得到原因。</View> : null}

      {deciding ? (
        <View className="button-row gap-top" onClick={(e) => e.stopPropagation()}>
          {p.state === 'FAILED' && can('RETURNED') ? (
            <Button id={`parcel-${p.id}-return`} type="danger" fill="outline" size="large" disabled={busy} onClick={onReturn}>
              退回
            </Button>
          ) : null}
          {p.state === 'RETURNED' && can('CANCELLED') ? (
            <Button id={`parcel-${p.id}-cancel`} type="danger" fill="outline" size="large" disabled={busy} onClick={onCancel}>
              取消并退款
            </Button>
          ) : null}
          {can('READY') ? (
            <Button id={`parcel-${p.id}-retry`} type="primary" size="large" disabled={busy} onClick={onRetry}>
              {p.state === 'RETURNED' ? '重新配送' : '重新派送'}
            </Button>
          ) : null}
        </View>
      ) : null}
      {REASSIGNABLE.includes(p.state) ? (
        <View className="gap-top" onClick={(e) => e.stopPropagation()}>
          <Button id={`parcel-${p.id}-assign`} size="large" block disabled={busy} onClick={onAssign}>
            改派
          </Button>
        </View>
      ) : null}
      {p.state === 'READY' && can('CANCELLED') ? (
        // Still at the supply point (every item short at the sorting line, say): it need not go out.
        <View className="gap-top" onClick={(e) => e.stopPropagation()}>
          <Button id={`parcel-${p.id}-cancel`} type="danger" fill="outline" size="large" block disabled={busy} onClick={onCancel}>
            不送了，取消并退款
          </Button>
        </View>
      ) : null}
      <View id={`parcel-${p.id}-timeline`} className="sw-go">
        查看配送经过 ›
      </View>
    </View>
  );
}
