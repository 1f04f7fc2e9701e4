import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BindingRequestView } from '@linli/shared-types';
import { approveBinding, listStaffBindings, rejectBinding, showApiError } from '@/api';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { BindingCard } from './BindingCard';
import { ReasonDialog } from '@/components/ReasonDialog';
import { useRefresh } from '@/hooks/useRefresh';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

type Tab = 'pending' | 'done';

/** The resident reads the reason on their page. */
const REJECT_RULE = { min: 1, max: 200, message: '请填写驳回原因，住户会看到' };

/** 绑定审核: staff approve or reject residents' requests to join a household. */
export default function StaffBindingsPage() {
  const pageClass = usePageClass();
  const [tab, setTab] = useState<Tab>('pending');
  const [items, setItems] = useState<BindingRequestView[] | null>(null);
  const [rejecting, setRejecting] = useState<BindingRequestView | null>(null);

  const load = async (which: Tab = tab) => {
    try {
      const all = await listStaffBindings(which === 'pending' ? { state: 'PENDING' } : {});
      setItems(which === 'pending' ? all : all.filter((b) => b.state !== 'PENDING'));
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);

  const approve = useAction(async (id: number, key: string) => {
    const result = await approveBinding(id, key);
    void Taro.showToast({ title: '已通过', icon: 'success' });
    await load();
    return result;
  });

  const reject = useAction(async ({ id, reason }: { id: number; reason: string }, key: string) => {
    const result = await rejectBinding(id, { reason }, key);
    setRejecting(null);
    void Taro.showToast({ title: '已驳回', icon: 'success' });
    await load();
    return result;
  });

  const switchTab = (next: Tab) => {
    setTab(next);
    setItems(null);
    void load(next);
  };

  return (
    <View className={pageClass}>
      <Segments
        idPrefix="bindings-tab"
        value={tab}
        onChange={switchTab}
        options={[
          { value: 'pending', label: '待审核' },
          { value: 'done', label: '已处理' },
        ]}
      />
      {items === null ? <View className="loading">正在加载…</View> : null}
      {items?.length === 0 ? <View className="empty">{tab === 'pending' ? '没有待审核的申请' : '还没有处理过的申请'}</View> : null}
      {items?.map((binding) => (
        <BindingCard
          key={binding.id}
          binding={binding}
          busy={approve.busy || reject.busy}
          onApprove={() => void approve.run(binding.id)}
          onReject={() => setRejecting(binding)}
        />
      ))}
      <ReasonDialog
        visible={rejecting !== null}
        resetKey={rejecting?.id}
        title="驳回申请"
        confirmText="驳回"
        subject={rejecting ? `${rejecting.name}：${rejecting.address}` : ''}
        placeholder="请写明原因，例如：房号与登记不符"
        rule={REJECT_RULE}
        inputId="reject-reason"
        busy={reject.busy}
        onConfirm={(reason) => {
          if (rejecting) void reject.run({ id: rejecting.id, reason });
        }}
        onCancel={() => setRejecting(null)}
      />
    </View>
  );
}
