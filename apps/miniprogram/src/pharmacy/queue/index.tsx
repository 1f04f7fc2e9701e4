import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { URGENCY_LABELS, type MedicineRequestView, type MedicineState, type PharmacyView } from '@linli/shared-types';
import { ApiError, errorMessage, getMyPharmacy, listPharmacyRequests, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Segments } from '@/components/Segments';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { itemsSummary, needsPrescription, PHARMACY_STATE_LABELS, urgencyClass, waitingText } from '../labels';
import '../pharmacy.css';
import { usePageClass } from '@/hooks/useElderly';

type Tab = 'quote' | 'buy' | 'wait' | 'done';

const REFRESH_MS = 60_000;

/** Which open requests each tab holds; 已完成 also lists the finished ones (?show=finished). */
const TAB_STATES: Record<Tab, MedicineState[]> = {
  quote: ['SUBMITTED'],
  buy: ['CONFIRMED'],
  wait: ['QUOTED', 'AWAITING_PAYMENT'],
  done: ['PURCHASED'],
};

const TAB_LABELS: Record<Tab, string> = { quote: '待报价', buy: '待采购', wait: '等居民确认', done: '已完成' };
const TABS: Tab[] = ['quote', 'buy', 'wait', 'done'];

const EMPTY_TEXT: Record<Tab, string> = {
  quote: '暂时没有要报价的登记（下拉可刷新）',
  buy: '暂时没有要采购的药',
  wait: '没有在等居民确认的报价',
  done: '还没有完成的登记',
};

/** 药房待办: my pharmacy's requests, most urgent first (the server's order), by what to do next. */
export default function PharmacyQueuePage() {
  const pageClass = usePageClass();
  const [pharmacy, setPharmacy] = useState<PharmacyView | null>(null);
  const [open, setOpen] = useState<MedicineRequestView[] | null>(null);
  const [finished, setFinished] = useState<MedicineRequestView[]>([]);
  const [tab, setTab] = useState<Tab>('quote');
  /** Not (or no longer) a pharmacist: said on the page, with the way to join. */
  const [notPharmacist, setNotPharmacist] = useState('');

  /** `quiet` for the timed refresh: no toast every minute while the network is down. */
  const load = async (quiet = false) => {
    try {
      const [mine, list, done] = await Promise.all([getMyPharmacy(), listPharmacyRequests(), listPharmacyRequests(true)]);
      setPharmacy(mine);
      setOpen(list);
      setFinished(done);
      setNotPharmacist('');
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'NOT_A_PHARMACIST' || error.code === 'FORBIDDEN')) {
        setNotPharmacist(errorMessage(error));
        return;
      }
      if (!quiet) showApiError(error);
    }
  };

  /** While the page is on screen, new requests and waiting times refresh every minute by themselves. */
  useLiveRefresh(load, REFRESH_MS);

  const inTab = (t: Tab) => {
    const list = (open ?? []).filter((r) => TAB_STATES[t].includes(r.state));
    return t === 'done' ? [...list, ...finished] : list;
  };
  const shown = inTab(tab);
  const count = (t: Tab) => (t === 'done' ? '' : ` ${inTab(t).length}`);

  if (notPharmacist) {
    return (
      <View className={pageClass}>
        <View className="status status--pending" id="queue-not-pharmacist">
          <View className="status__title">还不能处理买药登记</View>
          <View className="text">{notPharmacist}</View>
        </View>
        <Button id="queue-join" type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: '/pharmacy/join/index' })}>
          输入药房邀请码
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass}>
      {pharmacy ? (
        <View className="card ph-header" id="queue-pharmacy">
          <View className="ph-header__name">{pharmacy.name}</View>
          <View className="muted">{pharmacy.address}</View>
          {pharmacy.hours ? <View className="muted">{`营业时间：${pharmacy.hours}`}</View> : null}
        </View>
      ) : null}

      <View className="ph-tabs">
        <Segments
          idPrefix="queue-tab"
          options={TABS.map((t) => ({ value: t, label: `${TAB_LABELS[t]}${open ? count(t) : ''}` }))}
          value={tab}
          onChange={setTab}
        />
      </View>

      {open === null ? <View className="loading">正在加载…</View> : null}
      {open !== null && shown.length === 0 ? (
        <View className="empty" id="queue-empty">
          {EMPTY_TEXT[tab]}
        </View>
      ) : null}

      {shown.map((req) => (
        <RequestCard key={req.id} req={req} onOpen={() => void Taro.navigateTo({ url: `/pharmacy/request/index?id=${req.id}` })} />
      ))}
    </View>
  );
}

/** One request: how urgent, whose door, for whom, which medicine, how long it has waited. */
function RequestCard({ req, onOpen }: { req: MedicineRequestView; onOpen: () => void }) {
  const waiting = req.state === 'SUBMITTED' || req.state === 'CONFIRMED';
  return (
    <View id={`req-${req.id}`} className={req.overdue ? 'card ph-card ph-card--overdue' : 'card ph-card'} onClick={onOpen}>
      <View className="ph-badges">
        {req.urgency !== 'normal' ? (
          <View id={`req-${req.id}-urgency`} className={urgencyClass(req.urgency)}>
            {URGENCY_LABELS[req.urgency]}
          </View>
        ) : null}
        {needsPrescription(req) ? (
          <View id={`req-${req.id}-rx`} className="ph-badge ph-badge--rx">
            处方
          </View>
        ) : null}
        {req.state !== 'SUBMITTED' ? (
          <View id={`req-${req.id}-state`} className="ph-badge ph-badge--state">
            {PHARMACY_STATE_LABELS[req.state]}
          </View>
        ) : null}
      </View>
      <View className="ph-card__door">{req.address}</View>
      {req.forWhom ? <View className="muted">{`给谁用：${req.forWhom}`}</View> : null}
      <View className="ph-card__items">{itemsSummary(req)}</View>
      <View className="ph-card__foot">
        {waiting ? (
          <View id={`req-${req.id}-waiting`} className="ph-wait">
            {waitingText(req.waitingMinutes)}
          </View>
        ) : (
          <View />
        )}
        {req.overdue ? (
          <View id={`req-${req.id}-overdue`} className="ph-overdue">
            已超时
          </View>
        ) : (
          <View className="ph-card__arrow">查看 ›</View>
        )}
      </View>
    </View>
  );
}
