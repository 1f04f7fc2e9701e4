import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  CLASS_KIND_LABELS,
  type BuildingView,
  type ClassSignupRow,
  type ClassSignupsView,
  type HouseholdView,
  type StaffClassView,
} from '@linli/shared-types';
import {
  ApiError,
  cancelClass,
  getBuildings,
  getClassSignups,
  getStaffClass,
  listHouseholds,
  markClassDone,
  proxyCancelClassSignup,
  proxyClassSignup,
  setClassReplay,
  showApiError,
} from '@/api';
import { Button } from '@/components/nutui';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { FigureRow } from '@/components/FigureRow';
import { LabelValue } from '@/components/LabelValue';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatHours, formatTime } from '@/utils/format';
import { seatsText, signupByText, staffBadge } from '../../activities/class-texts';
import { EMPTY_DRAFT, householdQuery, type HouseholdDraft } from '../household-search';
import { FindHousehold } from '../proxy-order/FindHousehold';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const MATCH_LIMIT = 20;

function stateText(s: ClassSignupRow): string {
  if (s.state === 'SIGNED') return '已报名';
  if (s.state === 'WAITING') return `候补第${s.position ?? '?'}位`;
  return '已取消';
}

type Confirming = { kind: 'cancel-class' } | { kind: 'done' } | { kind: 'cancel-signup'; row: ClassSignupRow } | null;

/** A class for staff: its details and actions (修改, 取消课程, 回放, 标记结束), sign-ups per building, and 代报名. */
export default function ClassSignupsPage() {
  const pageClass = usePageClass();
  const id = Number(useRouter().params.id);
  const [cls, setCls] = useState<StaffClassView | null>(null);
  const [signups, setSignups] = useState<ClassSignupsView | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [replay, setReplay] = useState('');
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [draft, setDraft] = useState<HouseholdDraft>(EMPTY_DRAFT);
  const [matches, setMatches] = useState<HouseholdView[] | null>(null);
  const [household, setHousehold] = useState<HouseholdView | null>(null);
  const [full, setFull] = useState(false);

  const load = async () => {
    try {
      const [c, s, b] = await Promise.all([getStaffClass(id), getClassSignups(id), getBuildings()]);
      setCls(c);
      setSignups(s);
      setBuildings(b);
      setReplay((r) => r || c.replayUrl || '');
    } catch (error) {
      showApiError(error);
    }
  };
  useRefresh(load);

  const act = useAction(async (what: 'cancel-class' | 'done' | 'replay', key: string) => {
    const c =
      what === 'cancel-class'
        ? await cancelClass(id, key)
        : what === 'done'
          ? await markClassDone(id, key)
          : await setClassReplay(id, { replayUrl: replay.trim() }, key);
    setCls(c);
    setConfirming(null);
    void Taro.showToast({ title: what === 'cancel-class' ? '已取消课程' : what === 'done' ? '已标记结束' : '回放已保存', icon: 'success' });
    return c;
  });

  const search = useAction(async (query: { buildingId?: number; room?: string; q?: string }) => {
    const page = await listHouseholds({ ...query, page: 1, pageSize: MATCH_LIMIT });
    setMatches(page.items);
    setHousehold(page.items.length === 1 ? (page.items[0] ?? null) : null);
    setFull(false);
    return page;
  });

  const proxy = useAction(
    async ({ householdId, waitlist }: { householdId: number; waitlist: boolean }, key: string) => {
      const s = await proxyClassSignup(id, { householdId, waitlist }, key);
      setSignups(s);
      setHousehold(null);
      setMatches(null);
      setFull(false);
      setCls(await getStaffClass(id));
      void Taro.showToast({ title: '已代报名', icon: 'success' });
      return s;
    },
    (error) => {
      if (error instanceof ApiError && error.code === 'CLASS_FULL') {
        setFull(true);
        return true;
      }
      return false;
    },
  );

  const unsign = useAction(async (householdId: number, key: string) => {
    const s = await proxyCancelClassSignup(id, householdId, key);
    setSignups(s);
    setConfirming(null);
    setCls(await getStaffClass(id));
    void Taro.showToast({ title: '已取消报名', icon: 'success' });
    return s;
  });

  if (!cls || !signups) return <View className="loading">正在加载…</View>;

  const started = Date.parse(cls.startsAt) <= Date.now();
  const scheduled = cls.state === 'SCHEDULED';
  const open = scheduled && !started;

  return (
    <View className={pageClass}>
      <View className="card" id="class-summary">
        <View className="head-row">
          <View className="card-title head-row__title">{cls.title}</View>
          <View className="state-badge" id="class-state">
            {staffBadge(cls)}
          </View>
        </View>
        <LabelValue label="类别">{CLASS_KIND_LABELS[cls.kind]}</LabelValue>
        <LabelValue label="老师">{cls.teacher}</LabelValue>
        <LabelValue label="时间">{formatHours(cls.startsAt, cls.endsAt)}</LabelValue>
        <LabelValue label="面向">{cls.audience}</LabelValue>
        <LabelValue label="名额">{seatsText(cls)}</LabelValue>
        <LabelValue label="直播">{cls.liveUrl}</LabelValue>
        {cls.remindedAt ? <LabelValue label="提醒">{`${formatTime(cls.remindedAt)} 已提醒报名住户`}</LabelValue> : null}
        {scheduled ? (
          <View className="button-row gap-top">
            <Button
              id="class-edit"
              size="large"
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: `/staff/class-edit/index?id=${id}` })}
            >
              修改
            </Button>
            <Button id="class-cancel" size="large" type="danger" fill="outline" onClick={() => setConfirming({ kind: 'cancel-class' })}>
              取消课程
            </Button>
          </View>
        ) : null}
        {scheduled && started ? (
          <View className="gap-top">
            <Button id="class-done" size="large" block type="primary" onClick={() => setConfirming({ kind: 'done' })}>
              标记已结束
            </Button>
          </View>
        ) : null}
      </View>

      {started && cls.state !== 'CANCELLED' ? (
        <View className="card" id="class-replay-card">
          <Field label="回放链接" hint="第一次保存时会通知已报名的住户">
            <TextInput id="class-replay-url" value={replay} maxlength={500} onChange={setReplay} placeholder="https://" />
          </Field>
          <Button id="class-replay-save" size="large" block type="primary" loading={act.busy} onClick={() => void act.run('replay')}>
            保存回放链接
          </Button>
        </View>
      ) : null}

      <View className="card" id="class-figures">
        <View className="card-title">报名情况</View>
        <FigureRow label="已报名" id="class-signed">{`${signups.signed} 户`}</FigureRow>
        <FigureRow label="候补" id="class-waiting">{`${signups.waiting} 户`}</FigureRow>
        {signups.perBuilding.map((b) => (
          <FigureRow key={b.buildingId} label={b.name} id={`class-building-${b.buildingId}`}>
            {b.waiting > 0 ? `${b.signed} 户（候补 ${b.waiting}）` : `${b.signed} 户`}
          </FigureRow>
        ))}
      </View>

      <View className="card" id="class-signup-list">
        <View className="card-title">报名名单</View>
        {signups.signups.length === 0 ? <View className="muted">还没有人报名</View> : null}
        {signups.signups.map((s) => (
          <View key={s.id} id={`signup-${s.householdId}`} className="cs-row">
            <View className="cs-row__door">{s.door}</View>
            <View className="cs-row__state">{[stateText(s), signupByText(s), formatTime(s.createdAt)].filter(Boolean).join(' · ')}</View>
            {open && s.state !== 'CANCELLED' ? (
              <View className="gap-small">
                <Button
                  id={`signup-${s.householdId}-cancel`}
                  size="normal"
                  fill="outline"
                  onClick={() => setConfirming({ kind: 'cancel-signup', row: s })}
                >
                  取消这户
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>

      {open ? (
        <>
          <FindHousehold
            buildings={buildings}
            draft={draft}
            onDraft={setDraft}
            busy={search.busy}
            onSearch={() => void search.run(householdQuery(draft))}
            matches={matches}
            household={household}
            onChoose={(h) => {
              setHousehold(h);
              setFull(false);
            }}
          />
          {household ? (
            <View className="card" id="proxy-class-signup">
              {full ? <View className="error-text">名额已满，可以为这户排队候补</View> : null}
              <Button
                id={full ? 'proxy-class-waitlist' : 'proxy-class-submit'}
                type="primary"
                size="large"
                block
                loading={proxy.busy}
                onClick={() => void proxy.run({ householdId: household.id, waitlist: full })}
              >
                {full ? '为这户排队候补' : '为这户报名'}
              </Button>
            </View>
          ) : null}
        </>
      ) : null}

      <ConfirmDialog
        visible={confirming !== null}
        title={confirming?.kind === 'cancel-class' ? '取消课程' : confirming?.kind === 'done' ? '标记已结束' : '取消这户的报名'}
        confirmText="确定"
        cancelText="再想想"
        danger={confirming?.kind !== 'done'}
        busy={act.busy || unsign.busy}
        onConfirm={() => {
          if (confirming?.kind === 'cancel-signup') void unsign.run(confirming.row.householdId);
          else if (confirming) void act.run(confirming.kind);
        }}
        onCancel={() => setConfirming(null)}
      >
        {confirming?.kind === 'cancel-class'
          ? '取消后会发消息告诉已报名和候补的住户。'
          : confirming?.kind === 'done'
            ? '标记后这节课就不能再修改了。'
            : confirming?.kind === 'cancel-signup'
              ? `${confirming.row.door} 的名额会让给候补的第一户。`
              : null}
      </ConfirmDialog>
    </View>
  );
}
