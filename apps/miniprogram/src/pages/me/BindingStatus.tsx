import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import { BINDING_ACTION_LABELS, BINDING_STATE_LABELS, type BindingRequestView } from '@linli/shared-types';
import { cancelBinding } from '@/api';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { formatTime } from '@/utils/format';

const BIND_PAGE = '/pages/bind/index';

function goBind() {
  void Taro.navigateTo({ url: BIND_PAGE });
}

/** Without a household: the latest binding request and what the resident can do next. */
export function BindingStatus({ binding, onChanged }: { binding: BindingRequestView | null; onChanged: () => void }) {
  const [confirmCancel, setConfirmCancel] = useState(false);
  const cancel = useAction(async (id: number, key: string) => {
    const result = await cancelBinding(id, key);
    setConfirmCancel(false);
    onChanged();
    return result;
  });

  if (binding?.state === 'PENDING') {
    const canCancel = binding.actions.includes('CANCELLED');
    return (
      <View className="status status--pending" id="binding-status">
        <View className="status__title">{BINDING_STATE_LABELS.PENDING}</View>
        <LabelValue label="住户">{binding.address}</LabelValue>
        <LabelValue label="姓名">{binding.name}</LabelValue>
        <LabelValue label="提交时间">{formatTime(binding.createdAt)}</LabelValue>
        <View className="text gap-top">社区工作人员审核通过后，这里会显示您的住户。</View>
        {canCancel ? (
          <View className="gap-top">
            <Button id="binding-cancel" size="large" block fill="outline" onClick={() => setConfirmCancel(true)}>
              {BINDING_ACTION_LABELS.CANCELLED}
            </Button>
          </View>
        ) : null}
        <ConfirmDialog
          visible={confirmCancel}
          title="撤回绑定申请？"
          confirmText="撤回"
          cancelText="不撤回"
          danger
          busy={cancel.busy}
          onConfirm={() => void cancel.run(binding.id)}
          onCancel={() => setConfirmCancel(false)}
        >
          撤回后可以重新填写并提交。
        </ConfirmDialog>
      </View>
    );
  }

  if (binding?.state === 'REJECTED') {
    return (
      <View className="status status--rejected" id="binding-status">
        <View className="status__title">绑定申请{BINDING_STATE_LABELS.REJECTED}</View>
        <LabelValue label="住户">{binding.address}</LabelValue>
        <LabelValue label="原因">{binding.rejectReason ?? '社区没有说明原因'}</LabelValue>
        {binding.decidedAt ? <LabelValue label="审核时间">{formatTime(binding.decidedAt)}</LabelValue> : null}
        <View className="gap-top">
          <Button id="bind-start" type="primary" size="large" block onClick={goBind}>
            重新申请
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="card" id="binding-status">
      <View className="card-title">您还没有绑定住户</View>
      <View className="text">绑定后才能为家里订购物资、代买药品。</View>
      <View className="gap-top">
        <Button id="bind-start" type="primary" size="large" block onClick={goBind}>
          绑定我的住户
        </Button>
      </View>
    </View>
  );
}
