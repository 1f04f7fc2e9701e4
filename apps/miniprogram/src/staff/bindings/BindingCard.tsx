import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { BINDING_ACTION_LABELS, BINDING_STATE_LABELS, type BindingRequestView, type BindingState } from '@linli/shared-types';
import { HouseholdTags } from '@/components/HouseholdTags';
import { LabelValue } from '@/components/LabelValue';
import { formatTime } from '@/utils/format';

interface BindingCardProps {
  binding: BindingRequestView;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}

/** One request: who asks, for which door, what the system knows about that door, and the allowed buttons. */
export function BindingCard({ binding, busy, onApprove, onReject }: BindingCardProps) {
  return (
    <View className="card" id={`binding-${binding.id}`}>
      <View className="row binding__head">
        <View className="big-text">{binding.name}</View>
        <View className={`binding__state binding__state--${binding.state.toLowerCase()}`}>{BINDING_STATE_LABELS[binding.state]}</View>
      </View>
      <LabelValue label="电话">{binding.phone}</LabelValue>
      <LabelValue label="住户">{binding.address}</LabelValue>
      <LabelValue label="提交时间">{formatTime(binding.createdAt)}</LabelValue>
      {binding.viaCode ? <LabelValue label="方式">使用绑定码</LabelValue> : null}
      {binding.decidedAt ? <LabelValue label="处理时间">{formatTime(binding.decidedAt)}</LabelValue> : null}
      {binding.rejectReason ? <LabelValue label="驳回原因">{binding.rejectReason}</LabelValue> : null}

      {binding.household ? (
        <View className="binding__household">
          <View className="binding__household-title">系统中登记的这户</View>
          <LabelValue label="人数">{`${binding.household.headcount} 人`}</LabelValue>
          {binding.household.contactName ? <LabelValue label="联系人">{binding.household.contactName}</LabelValue> : null}
          <HouseholdTags tags={binding.household.tags} />
        </View>
      ) : (
        <View className="binding__missing">系统中没有这户</View>
      )}

      {binding.actions.length > 0 ? (
        <View className="button-row gap-top">
          {binding.actions.map((action) => (
            <ActionButton key={action} action={action} id={binding.id} busy={busy} onApprove={onApprove} onReject={onReject} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

interface ActionButtonProps {
  action: BindingState;
  id: number;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}

/** The button for one allowed move; staff never get PENDING or CANCELLED, so those draw nothing. */
function ActionButton({ action, id, busy, onApprove, onReject }: ActionButtonProps) {
  switch (action) {
    case 'APPROVED':
      return (
        <Button id={`approve-${id}`} type="primary" size="large" disabled={busy} onClick={onApprove}>
          {BINDING_ACTION_LABELS.APPROVED}
        </Button>
      );
    case 'REJECTED':
      return (
        <Button id={`reject-${id}`} type="danger" fill="outline" size="large" disabled={busy} onClick={onReject}>
          {BINDING_ACTION_LABELS.REJECTED}
        </Button>
      );
    case 'CANCELLED':
    case 'PENDING':
      return null;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}
