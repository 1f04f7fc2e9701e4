import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  MEDICINE_STATE_LABELS,
  URGENCY_LABELS,
  type BuildingView,
  type HouseholdView,
  type MedicineRequestView,
  type MedicineState,
  type PharmacyView,
} from '@linli/shared-types';
import { getBuildings, listHouseholds, listPharmacies, listStaffMedicineRequests, moveMedicineRequest, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { Segments } from '@/components/Segments';
import { Sheet } from '@/components/Sheet';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { contactOf, EMPTY_DRAFT, householdQuery, type HouseholdDraft } from '../household-search';
import { HouseholdSearch } from '../HouseholdSearch';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

type Filter = 'all' | 'overdue';

const MATCH_LIMIT = 10;

/**
 * Requests staff hand to another pharmacy (POST /staff/medicine-requests/:id/move): an unquoted
 * one moves there; one the pharmacy could not buy is closed and made afresh there. A staff
 * operation outside MEDICINE_FLOW, so the server's actions do not list it.
 */
const MOVABLE: readonly MedicineState[] = ['SUBMITTED', 'CANNOT_BUY'];

/** Minutes as people say them: 25 分钟, 1 小时 10 分钟. */
function minutesText(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m} 分钟`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} 小时` : `${h} 小时 ${m % 60} 分钟`;
}

/** How long past its deadline an unquoted request is, from the server's own figures. */
function overdueMinutes(request: MedicineRequestView): number {
  const allowed = Math.round((Date.parse(request.quoteDeadline) - Date.parse(request.createdAt)) / 60_000);
  // Past the deadline is at least a minute late, as people count it.
  return Math.max(1, request.waitingMinutes - allowed);
}

/**
 * 买药登记与催办: the community's open medicine requests, the overdue ones (not quoted in time)
 * first and in red; 转给其他药房 hands an unquoted one, or one the pharmacy could not buy (with its
 * reason), to another pharmacy; 代居民登记 finds a household and opens the form for it.
 */
export default function StaffMedicinePage() {
  const pageClass = usePageClass();
  const [filter, setFilter] = useState<Filter>('all');
  const [requests, setRequests] = useState<MedicineRequestView[] | null>(null);
  const [pharmacies, setPharmacies] = useState<PharmacyView[]>([]);
  const [moving, setMoving] = useState<MedicineRequestView | null>(null);
  const [finding, setFinding] = useState(false);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [draft, setDraft] = useState<HouseholdDraft>(EMPTY_DRAFT);
  const [matches, setMatches] = useState<HouseholdView[] | null>(null);

  const load = async (which: Filter = filter) => {
    try {
      setRequests(await listStaffMedicineRequests(which === 'overdue'));
    } catch (error) {
      showApiError(error);
    }
  };

  useRefresh(async () => {
    await load();
    listPharmacies().then(setPharmacies).catch(showApiError);
  });
  useEffect(() => {
    getBuildings().then(setBuildings).catch(showApiError);
  }, []);

  const changeFilter = (next: Filter) => {
    setFilter(next);
    setRequests(null);
    void load(next);
  };

  const move = useAction(async ({ requestId, pharmacyId }: { requestId: number; pharmacyId: number }, key: string) => {
    const result = await moveMedicineRequest(requestId, pharmacyId, key);
    setMoving(null);
    void Taro.showToast({ title: `已转给${result.pharmacy.name}`, icon: 'none', duration: 2500 });
    await load();
    return result;
  });

  const search = useAction(async (query: { buildingId?: number; room?: string; q?: string }) => {
    const page = await listHouseholds({ ...query, page: 1, pageSize: MATCH_LIMIT });
    setMatches(page.items);
    return page;
  });

  const openProxy = (household: HouseholdView) => {
    setFinding(false);
    void Taro.navigateTo({ url: `/medicine/new/index?householdId=${household.id}` });
  };

  const others = moving ? pharmacies.filter((p) => p.id !== moving.pharmacy.id) : [];

  return (
    <View className={pageClass}>
      <View className="sw-new">
        <Button
          id="sm-proxy"
          type="primary"
          size="large"
          block
          onClick={() => {
            setMatches(null);
            setFinding(true);
          }}
        >
          代居民登记
        </Button>
      </View>

      <Segments
        idPrefix="sm-filter"
        options={[
          { value: 'all', label: '全部' },
          { value: 'overdue', label: '超时' },
        ]}
        value={filter}
        onChange={changeFilter}
      />

      {requests === null ? <View className="loading">正在加载…</View> : null}
      {requests !== null && requests.length === 0 ? (
        <View className="empty" id="sm-empty">
          {filter === 'overdue' ? '没有超时未报价的登记' : '现在没有进行中的买药登记'}
        </View>
      ) : null}

      {(requests ?? []).map((request) => (
        <View
          key={request.id}
          id={`sm-request-${request.id}`}
          className={request.overdue ? 'card sm-card sm-card--overdue' : 'card sm-card'}
        >
          {request.overdue ? (
            <View className="sm-overdue" id={`sm-request-${request.id}-overdue`}>
              {`已超时 ${minutesText(overdueMinutes(request))}未报价`}
            </View>
          ) : null}
          <View className="head-row">
            <View className="card-title head-row__title">{request.address}</View>
            <View className="state-badge" id={`sm-request-${request.id}-state`}>
              {MEDICINE_STATE_LABELS[request.state]}
            </View>
          </View>
          <LabelValue label="药品">{request.items.map((i) => `${i.name} × ${i.quantity}`).join('、')}</LabelValue>
          <LabelValue label="有多急">
            <View className={request.urgency === 'today' ? 'sm-urgent' : ''}>{URGENCY_LABELS[request.urgency]}</View>
          </LabelValue>
          <LabelValue label="药房">
            <View id={`sm-request-${request.id}-pharmacy`}>{request.pharmacy.name}</View>
          </LabelValue>
          {request.pharmacy.phone ? <LabelValue label="药房电话">{request.pharmacy.phone}</LabelValue> : null}
          <LabelValue label="已等">
            <View id={`sm-request-${request.id}-waiting`}>{minutesText(request.waitingMinutes)}</View>
          </LabelValue>
          {request.placedBy.proxy ? <LabelValue label="代登记">{request.placedBy.nickname}</LabelValue> : null}
          {request.state === 'CANNOT_BUY' ? (
            <View className="sm-cannot-buy" id={`sm-request-${request.id}-cannot-buy`}>
              {`药房买不到：${request.cannotBuyReason ?? '没有写原因'}。请转给别的药房，或问住户是否取消。`}
            </View>
          ) : null}
          <View className="button-stack gap-top">
            {MOVABLE.includes(request.state) ? (
              <Button
                id={`sm-request-${request.id}-move`}
                type={request.overdue || request.state === 'CANNOT_BUY' ? 'danger' : 'primary'}
                size="large"
                block
                onClick={() => setMoving(request)}
              >
                转给其他药房
              </Button>
            ) : null}
            <Button
              id={`sm-request-${request.id}-open`}
              size="large"
              block
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: `/medicine/request/index?id=${request.id}` })}
            >
              查看详情
            </Button>
          </View>
        </View>
      ))}

      <Sheet id="sm-move-sheet" visible={moving !== null} title="转给哪家药房" onClose={() => setMoving(null)}>
        {moving ? (
          <View className="muted">
            {moving.state === 'CANNOT_BUY'
              ? `${moving.pharmacy.name} 买不到。转过去会在那家药房重新登记这些药，由那家报价；这一条登记随之关闭。`
              : `现在是：${moving.pharmacy.name}。转过去后重新计算报价时限。`}
          </View>
        ) : null}
        {others.length === 0 ? <View className="empty">没有其他药房，请先在「药房管理」里新增</View> : null}
        <View className="button-stack gap-top">
          {others.map((p) => (
            <Button
              key={p.id}
              id={`sm-move-to-${p.id}`}
              type="primary"
              size="large"
              block
              loading={move.busy}
              onClick={() => {
                if (moving) void move.run({ requestId: moving.id, pharmacyId: p.id });
              }}
            >
              {p.name}
            </Button>
          ))}
          <Button id="sm-move-cancel" size="large" block fill="outline" disabled={move.busy} onClick={() => setMoving(null)}>
            取消
          </Button>
        </View>
      </Sheet>

      <Sheet id="sm-proxy-sheet" visible={finding} title="为哪一户登记买药" onClose={() => setFinding(false)}>
        <HouseholdSearch
          idPrefix="sm"
          buildings={buildings}
          draft={draft}
          onDraft={setDraft}
          busy={search.busy}
          onSearch={() => void search.run(householdQuery(draft))}
          matches={matches}
        >
          {matches && matches.length > 0 ? <View className="gap-top muted">点一户，填写要买的药</View> : null}
          {(matches ?? []).map((h) => (
            <View key={h.id} id={`sm-household-${h.id}`} className="po-household" onClick={() => openProxy(h)}>
              <View className="big-text">{h.address}</View>
              <LabelValue label="联系人">{contactOf(h)}</LabelValue>
              <View className="sw-go">为这户登记 ›</View>
            </View>
          ))}
        </HouseholdSearch>
        <View className="gap-top">
          <Button id="sm-proxy-cancel" size="large" block fill="outline" onClick={() => setFinding(false)}>
            取消
          </Button>
        </View>
      </Sheet>
    </View>
  );
}
