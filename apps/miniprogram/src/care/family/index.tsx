import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FAMILY_STATE_LABELS, PHONE_PATTERN, type BuildingView, type FamilyBindingView, type ProxyHousehold } from '@linli/shared-types';
import {
  cancelFamilyBinding,
  errorMessage,
  fieldErrors,
  getBuildings,
  getSession,
  listMyFamilyBindings,
  listProxyHouseholds,
  requestFamilyBinding,
  showApiError,
} from '@/api';
import { Button } from '@/components/nutui';
import { DoorFields } from '@/components/DoorFields';
import { TextField } from '@/components/Field';
import { HouseholdTags } from '@/components/HouseholdTags';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import type { Door } from '@/utils/door';
import './family.css';
import { usePageClass } from '@/hooks/useElderly';

interface Draft extends Door {
  relation: string;
  name: string;
  phone: string;
}
type Errors = Partial<Record<keyof Draft, string>>;

/**
 * 我代办的家庭: the households I act for — as 家属 (bound with staff approval) or as their grid worker —
 * with 帮他买药 and 帮他求助 for each; my 家属 bindings and their state; and the form to ask to be 家属
 * of my parents' (or anyone's) household by its door.
 */
export default function FamilyPage() {
  const pageClass = usePageClass();
  const [households, setHouseholds] = useState<ProxyHousehold[] | null>(null);
  const [bindings, setBindings] = useState<FamilyBindingView[]>([]);
  const [buildings, setBuildings] = useState<BuildingView[] | null>(null);
  const [draft, setDraft] = useState<Draft>({
    buildingId: null,
    unit: '',
    room: '',
    relation: '',
    name: '',
    phone: getSession()?.me.user.phone ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState('');

  const load = async (): Promise<void> => {
    try {
      const [h, b] = await Promise.all([listProxyHouseholds(), listMyFamilyBindings()]);
      setHouseholds(h);
      setBindings(b);
    } catch (e) {
      showApiError(e);
    }
  };
  useRefresh(load);
  useEffect(() => {
    getBuildings().then(setBuildings, showApiError);
  }, []);

  const ask = useAction(
    async (_: null, key: string) => {
      const made = await requestFamilyBinding(
        {
          buildingId: draft.buildingId ?? 0,
          unit: draft.unit,
          room: draft.room.trim(),
          relation: draft.relation.trim(),
          name: draft.name.trim(),
          phone: draft.phone.trim(),
        },
        key,
      );
      setServerError('');
      void Taro.showToast({ title: '已提交，等社区审核', icon: 'success' });
      setDraft((d) => ({ ...d, room: '', relation: '' }));
      await load();
      return made;
    },
    (error) => {
      setErrors(fieldErrors(error) as Errors);
      setServerError(errorMessage(error));
      return true;
    },
  );

  const leave = useAction(async (id: number, key: string) => {
    const done = await cancelFamilyBinding(id, key);
    await load();
    return done;
  });

  const submit = (): void => {
    const missing: Errors = {};
    if (draft.buildingId === null) missing.buildingId = '请选择楼栋';
    if (!draft.room.trim()) missing.room = '请填写房号';
    if (!draft.relation.trim()) missing.relation = '请写您是他们的什么人，例如：女儿';
    if (!draft.name.trim()) missing.name = '请填写您的姓名';
    if (!PHONE_PATTERN.test(draft.phone.trim())) missing.phone = '请填写 11 位手机号';
    setErrors(missing);
    if (Object.keys(missing).length === 0) void ask.run(null);
  };

  return (
    <View className={pageClass}>
      {(households ?? []).some((h) => h.as === 'grid_worker') ? (
        <Button id="family-ledger" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/care/ledger/index' })}>
          关爱台账：今天要联系的住户
        </Button>
      ) : null}
      <View className="section-title">我代办的家庭</View>
      {households && households.length === 0 ? (
        <View className="empty" id="family-none">
          还没有可以代办的家庭。家人住在本社区、自己不方便用手机的，可以在下面申请做他们的家属。
        </View>
      ) : null}
      {(households ?? []).map((h) => (
        <View key={h.householdId} id={`family-household-${h.householdId}`} className="card">
          <View className="head-row">
            <View className="card-title head-row__title">{h.door}</View>
            <View className="state-badge">{`我是${h.asLabel}`}</View>
          </View>
          <HouseholdTags tags={h.tags} />
          {h.contactName ? <View className="text">{`联系人：${h.contactName}`}</View> : null}
          <View className="family-actions">
            <Button
              id={`family-household-${h.householdId}-order`}
              type="primary"
              size="large"
              onClick={() => void Taro.navigateTo({ url: `/care/proxy-order/index?householdId=${h.householdId}` })}
            >
              代下单
            </Button>
            <Button
              id={`family-household-${h.householdId}-classes`}
              size="large"
              onClick={() => void Taro.navigateTo({ url: `/care/proxy-classes/index?householdId=${h.householdId}` })}
            >
              代报名
            </Button>
            <Button
              id={`family-household-${h.householdId}-medicine`}
              type="primary"
              size="large"
              onClick={() => void Taro.navigateTo({ url: `/medicine/new/index?householdId=${h.householdId}` })}
            >
              帮他买药
            </Button>
            <Button
              id={`family-household-${h.householdId}-help`}
              size="large"
              onClick={() => void Taro.navigateTo({ url: `/help/new/index?householdId=${h.householdId}` })}
            >
              帮他求助
            </Button>
            <Button
              id={`family-household-${h.householdId}-deliveries`}
              size="large"
              onClick={() => void Taro.navigateTo({ url: `/care/proxy-deliveries/index?householdId=${h.householdId}` })}
            >
              订单与包裹
            </Button>
          </View>
        </View>
      ))}

      {bindings.length > 0 ? (
        <View className="card" id="family-bindings">
          <View className="card-title">我的家属绑定</View>
          {bindings.map((b) => (
            <View key={b.id} id={`family-binding-${b.id}`} className="family-row">
              <View className="family-row__main">
                <View className="text">{`${b.door}（${b.relation}）`}</View>
                <View className={b.state === 'APPROVED' ? 'family-state family-state--ok' : 'family-state'}>
                  {FAMILY_STATE_LABELS[b.state]}
                </View>
                {b.rejectReason ? <View className="muted">{`原因：${b.rejectReason}`}</View> : null}
              </View>
              {b.state === 'PENDING' || b.state === 'APPROVED' ? (
                <View className="family-row__leave" onClick={() => void leave.run(b.id)}>
                  {b.state === 'PENDING' ? '撤回' : '解除'}
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      <View className="card" id="family-ask">
        <View className="card-title">申请做家属</View>
        <View className="muted">家人住在本社区，您住在别处：填写他们的门牌，社区核实后，您就能替他们买药、求助。</View>
        <DoorFields
          idPrefix="family"
          buildings={buildings}
          door={draft}
          errors={errors}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          roomHint="例如 1203"
          roomPlaceholder="请输入房号"
        />
        <TextField
          id="family-relation"
          label="您是他们的"
          value={draft.relation}
          onChange={(relation) => setDraft((d) => ({ ...d, relation }))}
          placeholder="例如：女儿、儿子、侄子"
          maxlength={10}
          error={errors.relation}
        />
        <TextField
          id="family-name"
          label="您的姓名"
          value={draft.name}
          onChange={(name) => setDraft((d) => ({ ...d, name }))}
          maxlength={40}
          error={errors.name}
        />
        <TextField
          id="family-phone"
          label="您的手机号"
          type="number"
          value={draft.phone}
          onChange={(phone) => setDraft((d) => ({ ...d, phone }))}
          maxlength={11}
          error={errors.phone}
        />
        {serverError ? (
          <View className="error-text" role="alert" id="family-error">
            {serverError}
          </View>
        ) : null}
        <Button id="family-submit" type="primary" size="large" block loading={ask.busy} onClick={submit}>
          提交申请
        </Button>
      </View>
    </View>
  );
}
