import { View } from '@tarojs/components';
import { PARCEL_STATE_LABELS, type ParcelTaskView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { canCallHousehold, cashStep, cashText, door } from '../parcels';
import './TaskCard.css';

interface TaskCardProps {
  task: ParcelTaskView;
  busy: boolean;
  /** Its door scan waits on the phone for the network. */
  queued: boolean;
  /** A pick-up scan waits on the phone: this parcel may be the one picked up. */
  pickupQueued: boolean;
  leaving: boolean;
  onAccept: () => void;
  onDecline: () => void;
  onDeliver: () => void;
  onLeave: () => void;
  onFail: () => void;
  /** 已收款: the cash of this door is in hand. */
  collecting: boolean;
  onCollect: () => void;
  /** 拨打住户电话: the server gives the real number, then the dialer opens. */
  calling: boolean;
  onCall: () => void;
}

/** One door: where, what, the state, and the buttons the server allows (main one on the right). */
export function TaskCard(props: TaskCardProps) {
  const { task, busy, queued, pickupQueued, leaving, onAccept, onDecline, onDeliver, onLeave, onFail } = props;
  const can = (state: ParcelTaskView['state']) => !queued && task.actions.includes(state);
  // Picked up without network: the door scan may follow (both are sent in order later).
  const deliverable = can('DELIVERED') || (!queued && pickupQueued && task.state === 'ACCEPTED');
  return (
    <View id={`task-${task.id}`} className="card task">
      <View className="task__head">
        <View className="task__door">{door(task)}</View>
        <View id={`task-${task.id}-state`} className={`task__state task__state--${task.state}`}>
          {PARCEL_STATE_LABELS[task.state]}
        </View>
      </View>
      <View className="task__contents">{task.contents}</View>
      <CashBox task={task} collecting={props.collecting} onCollect={props.onCollect} />
      {task.phone ? (
        <View className="task__phone">
          <View className="task__phone-number" id={`task-${task.id}-phone`}>
            {task.phone}
          </View>
          {canCallHousehold(task) ? (
            <Button id={`task-${task.id}-call`} size="large" fill="outline" loading={props.calling} onClick={props.onCall}>
              拨打住户电话
            </Button>
          ) : null}
        </View>
      ) : null}
      {task.state === 'ACCEPTED' && !queued ? <View className="task__hint">到取货点后点下方「扫码取件」扫包裹标签</View> : null}
      {queued ? (
        <View id={`task-${task.id}-queued`} className="task__hint task__hint--queued">
          已扫码送达，联网后自动上传
        </View>
      ) : null}
      <View className="button-row task__buttons">
        {task.state !== 'PICKED_UP' && can('READY') ? (
          <Button id={`task-${task.id}-decline`} size="large" fill="outline" onClick={onDecline}>
            退回
          </Button>
        ) : null}
        {can('ACCEPTED') ? (
          <Button id={`task-${task.id}-accept`} type="primary" size="large" loading={busy} onClick={onAccept}>
            接单
          </Button>
        ) : null}
        {can('FAILED') ? (
          <Button id={`task-${task.id}-fail`} size="large" fill="outline" onClick={onFail}>
            没送成
          </Button>
        ) : null}
        {deliverable ? (
          <Button id={`task-${task.id}-deliver`} type="primary" size="large" onClick={onDeliver}>
            扫码送达
          </Button>
        ) : null}
      </View>
      {can('LEFT_AT_DOOR') ? (
        <View className="task__contactless">
          <Button id={`task-${task.id}-leave`} size="large" block fill="outline" loading={leaving} onClick={onLeave}>
            无接触：放门口拍照
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/**
 * The cash of a pay-on-delivery parcel, in big type: the amount from the start, the big 「已收款」
 * once the parcel is picked up, then 「已收款 ✓」. Nothing for a free or prepaid parcel.
 */
function CashBox({ task, collecting, onCollect }: { task: ParcelTaskView; collecting: boolean; onCollect: () => void }) {
  const step = cashStep(task);
  if (step === 'none') return null;
  return (
    <View id={`task-${task.id}-cash`} className={`task__cash task__cash--${step}`}>
      <View id={`task-${task.id}-cash-due`} className="task__cash-due">
        {cashText(task)}
      </View>
      {step === 'due' ? <View className="task__cash-hint">现金，送到门口时当面收</View> : null}
      {step === 'collect' ? (
        <Button id={`task-${task.id}-collect`} type="primary" size="large" block loading={collecting} onClick={onCollect}>
          已收款
        </Button>
      ) : null}
      {step === 'collected' ? (
        <View id={`task-${task.id}-collected`} className="task__cash-done">
          已收款 ✓
        </View>
      ) : null}
    </View>
  );
}

/**
 * A door finished on this phone since the page opened: where, what, how it ended, and 已收款
 * when the door was scanned before the cash was marked.
 */
export function DoneCard({ task, collecting, onCollect }: { task: ParcelTaskView; collecting: boolean; onCollect: () => void }) {
  return (
    <View id={`done-${task.id}`} className="card task task--done">
      <View className="task__head">
        <View className="task__door">{door(task)}</View>
        <View className={`task__state task__state--${task.state}`}>{PARCEL_STATE_LABELS[task.state]}</View>
      </View>
      <View className="task__contents">{task.contents}</View>
      <CashBox task={task} collecting={collecting} onCollect={onCollect} />
    </View>
  );
}
