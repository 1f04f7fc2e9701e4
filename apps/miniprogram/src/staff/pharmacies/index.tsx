import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PAYMENT_MODE_LABELS, type PharmacistInvite, type PharmacyView } from '@linli/shared-types';
import { getBuildings, invitePharmacist, listPharmacies, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { PharmacyForm, WHOLE_COMMUNITY } from './PharmacyForm';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

function zonesText(defaultFor: string[]): string {
  if (defaultFor.length === 0) return '不是默认药房';
  return defaultFor.map((z) => (z === WHOLE_COMMUNITY ? '全社区' : z)).join('、');
}

/**
 * 药房管理: the community's pharmacies, the zones each serves by default, their pharmacists;
 * new and changed ones through the form; 生成药房邀请码 for a pharmacist to join in the app.
 */
export default function StaffPharmaciesPage() {
  const pageClass = usePageClass();
  const [pharmacies, setPharmacies] = useState<PharmacyView[] | null>(null);
  const [zones, setZones] = useState<string[]>([]);
  /** The form: 'new', a pharmacy's id while it is changed, or closed. */
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const [invites, setInvites] = useState<Record<number, PharmacistInvite>>({});

  const load = async () => {
    try {
      setPharmacies(await listPharmacies());
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(load);
  useEffect(() => {
    getBuildings()
      .then((buildings) => {
        const found = buildings.map((b) => b.zone).filter((z): z is string => Boolean(z));
        setZones([...new Set(found)].sort());
      })
      .catch(showApiError);
  }, []);

  const invite = useAction(async (id: number, key: string) => {
    const result = await invitePharmacist(id, key);
    setInvites((prev) => ({ ...prev, [id]: result }));
    return result;
  });

  const saved = (pharmacy: PharmacyView) => {
    setEditing(null);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    // Zones move between pharmacies when taken over: reload them all.
    setPharmacies((prev) => [...(prev ?? []).filter((p) => p.id !== pharmacy.id), pharmacy].sort((a, b) => a.id - b.id));
    void load();
  };

  const showForm = editing === 'new' || pharmacies?.length === 0;
  const editingPharmacy = typeof editing === 'number' ? (pharmacies?.find((p) => p.id === editing) ?? null) : null;

  return (
    <View className={pageClass}>
      {showForm ? (
        <PharmacyForm pharmacy={null} zones={zones} onSaved={saved} onCancel={pharmacies?.length ? () => setEditing(null) : undefined} />
      ) : (
        <View className="sw-new">
          <Button id="pharmacy-new" type="primary" size="large" block onClick={() => setEditing('new')}>
            新增药房
          </Button>
        </View>
      )}

      {pharmacies === null ? <View className="loading">正在加载…</View> : null}

      {(pharmacies ?? []).map((pharmacy) => {
        if (editingPharmacy?.id === pharmacy.id) {
          return <PharmacyForm key={pharmacy.id} pharmacy={pharmacy} zones={zones} onSaved={saved} onCancel={() => setEditing(null)} />;
        }
        const code = invites[pharmacy.id];
        return (
          <View key={pharmacy.id} id={`pharmacy-${pharmacy.id}`} className="card">
            <View className="card-title">{pharmacy.name}</View>
            <LabelValue label="地址">{pharmacy.address}</LabelValue>
            <LabelValue label="营业时间">{pharmacy.hours}</LabelValue>
            <LabelValue label="电话">{pharmacy.phone ?? '未填'}</LabelValue>
            <LabelValue label="默认区域">
              <View id={`pharmacy-${pharmacy.id}-zones`}>{zonesText(pharmacy.defaultFor)}</View>
            </LabelValue>
            <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[pharmacy.paymentMode]}</LabelValue>
            <LabelValue label="药房人员">
              <View id={`pharmacy-${pharmacy.id}-pharmacists`}>
                {pharmacy.pharmacists.length > 0 ? pharmacy.pharmacists.map((p) => p.nickname).join('、') : '还没有，请生成邀请码'}
              </View>
            </LabelValue>

            {code ? (
              <View className="ph-invite" id={`pharmacy-${pharmacy.id}-invite-code`}>
                <View className="muted">药房邀请码（只能用一次）</View>
                <View className="ph-invite__code" id={`pharmacy-${pharmacy.id}-code`}>
                  {code.code}
                </View>
                <View className="text">{`有效期至 ${formatTime(code.expiresAt)}`}</View>
                <View className="muted">请药房人员在小程序「我的」页面最下方「药房工作人员入口」里输入</View>
              </View>
            ) : null}

            <View className="button-stack gap-top">
              <Button
                id={`pharmacy-${pharmacy.id}-invite`}
                type="primary"
                size="large"
                block
                loading={invite.busy}
                onClick={() => void invite.run(pharmacy.id)}
              >
                {code ? '再生成一个邀请码' : '生成药房邀请码'}
              </Button>
              <Button id={`pharmacy-${pharmacy.id}-edit`} size="large" block fill="outline" onClick={() => setEditing(pharmacy.id)}>
                修改
              </Button>
            </View>
          </View>
        );
      })}
    </View>
  );
}
