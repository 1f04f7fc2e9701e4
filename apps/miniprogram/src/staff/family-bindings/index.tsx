import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FAMILY_STATE_LABELS, type FamilyBindingView, type FamilyState } from '@linli/shared-types';
import { decideFamilyBinding, listStaffFamilyBindings, rejectFamilyBinding, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { ListStatus } from '@/components/ListStatus';
import { ReasonDialog } from '@/components/ReasonDialog';
import { Segments } from '@/components/Segments';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { usePageClass } from '@/hooks/useElderly';

const REJECT_RULE = { min: 2, max: 200, message: '请写明原因（2 到 200 个字），申请人会看到' };
const TABS: { value: FamilyState; label: string }[] = [
  { value: 'PENDING', label: '待审核' },
  { value: 'APPROVED', label: '已绑定' },
];

/**
 * 家属绑定审核 (staff): people living elsewhere who ask to act for a household (order, buy medicine, ask
 * for help). Call the household before approving; approved bindings can be ended here.
 */
export default function FamilyBindingsPage() {
  const pageClass = usePageClass();
  const [tab, setTab] = useState<FamilyState>('PENDING');
  const [rows, setRows] = useState<FamilyBindingView[] | null>(null);
  const [rejecting, setRejecting] = useState<FamilyBindingView | null>(null);

  const load = async (state = tab): Promise<void> => {
    try {
      setRows(await listStaffFamilyBindings(state));
    } catch (e) {
      showApiError(e);
    }
  };
  useRefresh(() => load());

  const decide = useAction(async ({ id, decision }: { id: number; decision: 'approve' | 'revoke' }, key: string) => {
    const done = await decideFamilyBinding(id, decision, key);
    void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已解除', icon: 'success' });
    await load();
    return done;
  });
  const reject = useAction(async ({ id, reason }: { id: number; reason: string }, key: string) => {
    const done = await rejectFamilyBinding(id, reason, key);
    setRejecting(null);
    await load();
    return done;
  });

  return (
    <View className={pageClass}>
      <Segments
        idPrefix="family-tab"
        value={tab}
        options={TABS}
        onChange={(next) => {
          setTab(next);
          void load(next);
        }}
      />
      <View className="gap-top" />
      <ListStatus items={rows} empty={tab === 'PENDING' ? '没有待审核的家属绑定' : '还没有家属绑定'} emptyId="family-empty" />
      {(rows ?? []).map((b) => (
        <View key={b.id} id={`staff-family-${b.id}`} className="card">
          <View className="card-title">{`${b.door} 的${b.relation}`}</View>
          <View className="text">{`${b.name}  ${b.phone}`}</View>
          <View className="muted">{`${formatTime(b.createdAt)} 申请 · ${FAMILY_STATE_LABELS[b.state]}`}</View>
          <View className="muted">请先打电话给这户核实，再通过。</View>
          <View className="gap-top">
            {b.state === 'PENDING' ? (
              <>
                <Button
                  id={`staff-family-${b.id}-approve`}
                  type="primary"
                  size="large"
                  block
                  onClick={() => void decide.run({ id: b.id, decision: 'approve' })}
                >
                  通过
                </Button>
                <View className="gap-small">
                  <Button id={`staff-family-${b.id}-reject`} size="large" block onClick={() => setRejecting(b)}>
                    驳回
                  </Button>
                </View>
              </>
            ) : (
              <Button
                id={`staff-family-${b.id}-revoke`}
                size="large"
                block
                onClick={() => void decide.run({ id: b.id, decision: 'revoke' })}
              >
                解除绑定
              </Button>
            )}
          </View>
        </View>
      ))}
      <ReasonDialog
        visible={rejecting !== null}
        resetKey={rejecting?.id}
        title="驳回家属绑定"
        confirmText="驳回"
        subject={rejecting ? `${rejecting.name}：${rejecting.door}` : ''}
        placeholder="例如：电话核实，户主不认识此人"
        rule={REJECT_RULE}
        inputId="family-reject-reason"
        busy={reject.busy}
        onConfirm={(reason) => {
          if (rejecting) void reject.run({ id: rejecting.id, reason });
        }}
        onCancel={() => setRejecting(null)}
      />
    </View>
  );
}
