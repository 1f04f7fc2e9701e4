import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CLASS_KIND_LABELS, type ClassView, type ProxyHousehold } from '@linli/shared-types';
import { cancelClassFor, listClassesFor, listProxyHouseholds, showApiError, signUpClassFor } from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ListStatus } from '@/components/ListStatus';
import { useAction } from '@/hooks/useAction';
import { usePageClass } from '@/hooks/useElderly';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours } from '@/utils/format';
import { residentBadge, seatsText } from '../../activities/class-texts';
import '../../activities/classes.css';
import './proxy-classes.css';

/**
 * 代报名: a 家属 or the household's grid worker signs a household up for the classes it could sign
 * up for itself (its building's, or everyone's), or gives the place back; a full class offers the
 * waiting list. The household is told who did it.
 */
export default function ProxyClassesPage() {
  const pageClass = usePageClass();
  const householdId = Number(useRouter().params.householdId);
  const [household, setHousehold] = useState<ProxyHousehold | null>(null);
  const [classes, setClasses] = useState<ClassView[] | null>(null);
  const [cancelling, setCancelling] = useState<ClassView | null>(null);

  const load = async (): Promise<void> => {
    try {
      const [mine, list] = await Promise.all([listProxyHouseholds(), listClassesFor(householdId)]);
      setHousehold(mine.find((h) => h.householdId === householdId) ?? null);
      // Only classes not started yet take a sign-up or a cancellation.
      setClasses(list.filter((c) => c.phase === 'UPCOMING'));
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const replace = (next: ClassView): void => setClasses((list) => (list ?? []).map((c) => (c.id === next.id ? next : c)));

  const signUp = useAction(async ({ id, waitlist }: { id: number; waitlist: boolean }, key: string) => {
    const next = await signUpClassFor(id, householdId, waitlist, key);
    replace(next);
    void Taro.showToast({ title: next.mine?.state === 'WAITING' ? '已代排候补' : '已代报名', icon: 'success' });
    return next;
  });

  const cancel = useAction(async (id: number, key: string) => {
    const next = await cancelClassFor(id, householdId, key);
    setCancelling(null);
    replace(next);
    void Taro.showToast({ title: '已取消报名', icon: 'success' });
    return next;
  });

  const door = household?.door ?? '';
  return (
    <View className={pageClass}>
      <View className="card" id="proxy-classes-household">
        <View className="card-title">{`为 ${door} 代报名`}</View>
        <View className="text">报名、取消都会记下是您代办的，这户人家也会收到消息。</View>
      </View>
      <ListStatus items={classes} empty="这户现在没有可以报名的课程" emptyId="proxy-classes-empty" />
      {(classes ?? []).map((c) => {
        const badge = residentBadge(c);
        const full = c.left === 0;
        return (
          <View key={c.id} id={`proxy-class-${c.id}`} className="card">
            <View className="head-row">
              <View className="card-title head-row__title">{c.title}</View>
              <View id={`proxy-class-${c.id}-badge`} className={`class-badge class-badge--${badge.tone}`}>
                {badge.text}
              </View>
            </View>
            <View className="class-card__meta">{`${CLASS_KIND_LABELS[c.kind]} · ${c.teacher} 老师`}</View>
            <View className="class-card__meta">{formatHours(c.startsAt, c.endsAt)}</View>
            <View className="class-card__meta">{`名额：${seatsText(c)}`}</View>
            <View className="pc-actions">
              {c.mine ? (
                <Button id={`proxy-class-${c.id}-cancel`} size="large" block fill="outline" onClick={() => setCancelling(c)}>
                  {c.mine.state === 'WAITING' ? '取消候补' : '取消报名'}
                </Button>
              ) : (
                <Button
                  id={`proxy-class-${c.id}-signup`}
                  type="primary"
                  size="large"
                  block
                  loading={signUp.busy}
                  onClick={() => void signUp.run({ id: c.id, waitlist: full })}
                >
                  {full ? '代排候补' : '代报名'}
                </Button>
              )}
            </View>
          </View>
        );
      })}

      <ConfirmDialog
        visible={cancelling !== null}
        title="取消报名"
        confirmText="取消报名"
        cancelText="不取消"
        danger
        busy={cancel.busy}
        onConfirm={() => {
          if (cancelling) void cancel.run(cancelling.id);
        }}
        onCancel={() => setCancelling(null)}
      >
        <View>{`为 ${door} 取消「${cancelling?.title ?? ''}」的报名？名额会让给候补的人家。`}</View>
      </ConfirmDialog>
    </View>
  );
}
