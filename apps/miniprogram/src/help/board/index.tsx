import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BuildingView, HelpSummary } from '@linli/shared-types';
import { getBuildings, listHelpBoard, showApiError, type HelpBoardTab } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { ListStatus } from '@/components/ListStatus';
import { Segments } from '@/components/Segments';
import { useLiveRefresh } from '@/hooks/useRefresh';
import { HelpCard, isLate } from '../HelpCard';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';

const TABS: { value: HelpBoardTab; label: string }[] = [
  { value: 'open', label: '待处理' },
  { value: 'overdue', label: '已超时' },
  { value: 'done', label: '已完成' },
];

const EMPTY: Record<HelpBoardTab, string> = {
  open: '现在没有待处理的求助',
  overdue: '没有超时的求助',
  done: '还没有已完成的求助',
};

/**
 * 求助看板 (supervisors and staff): the community's requests, escalated and overdue at the top in
 * red with how late they are; counselling rows say only that they exist. Filter by building.
 */
export default function HelpBoardPage() {
  const pageClass = usePageClass();
  const [tab, setTab] = useState<HelpBoardTab>('open');
  const [buildingId, setBuildingId] = useState<number>(0);
  const [picking, setPicking] = useState(false);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [items, setItems] = useState<HelpSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    getBuildings()
      .then(setBuildings)
      .catch(() => undefined);
  }, []);

  const load = async (quiet?: boolean, which: HelpBoardTab = tab, building: number = buildingId) => {
    try {
      const page = await listHelpBoard(which, building > 0 ? building : undefined);
      const at = Date.now();
      setNow(at);
      setTotal(page.total);
      setItems([...page.items].sort((a, b) => Number(isLate(b, at)) - Number(isLate(a, at))));
    } catch (error) {
      if (!quiet) showApiError(error);
    }
  };
  useLiveRefresh((quiet) => load(quiet), 30000);

  const late = (items ?? []).filter((r) => isLate(r, now)).length;

  return (
    <View className={pageClass}>
      <Segments
        idPrefix="help-board-tab"
        options={TABS}
        value={tab}
        onChange={(next) => {
          setTab(next);
          setItems(null);
          void load(false, next);
        }}
      />
      {buildings.length > 1 && !picking ? (
        <View className="gap-small">
          <Button id="help-board-building" size="large" block fill="outline" onClick={() => setPicking(true)}>
            {`楼栋：${buildings.find((b) => b.id === buildingId)?.name ?? '全部'}（点此筛选）`}
          </Button>
        </View>
      ) : null}
      {buildings.length > 1 && picking ? (
        <View className="card">
          <View className="field__label">楼栋</View>
          <Choices
            idPrefix="help-board-building"
            columns={4}
            options={[{ value: 0, label: '全部' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
            selected={[buildingId]}
            onToggle={(b) => {
              setBuildingId(b);
              setPicking(false);
              setItems(null);
              void load(false, tab, b);
            }}
          />
        </View>
      ) : null}
      {items && items.length > 0 ? (
        <View className={late > 0 ? 'hp-late gap-small' : 'muted gap-small'} id="help-board-count">
          {late > 0 ? `共 ${total} 条，其中 ${late} 条已超时` : `共 ${total} 条`}
        </View>
      ) : null}
      <ListStatus items={items} empty={EMPTY[tab]} emptyId="help-board-empty" />
      {(items ?? []).map((r) => (
        <HelpCard key={r.id} request={r} now={now} showHousehold />
      ))}
      <View className="button-stack gap-top">
        <Button id="help-board-teams" size="large" block fill="outline" onClick={() => void Taro.navigateTo({ url: '/help/teams/index' })}>
          包保小组
        </Button>
        <Button
          id="help-board-deadlines"
          size="large"
          block
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: '/help/deadlines/index' })}
        >
          响应时限
        </Button>
      </View>
    </View>
  );
}
