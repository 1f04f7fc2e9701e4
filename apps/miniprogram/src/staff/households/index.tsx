import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nutui';
import {
  HOUSEHOLD_TAG_LABELS,
  HOUSEHOLD_TAGS,
  type BuildingView,
  type HouseholdQuery,
  type HouseholdTag,
  type HouseholdView,
  type ImportResult,
  type ImportRowError,
  type Page,
} from '@linli/shared-types';
import {
  errorMessage,
  exportHouseholds,
  getBuildings,
  importHouseholds,
  importRowErrors,
  listHouseholds,
  pickXlsx,
  showApiError,
  type PickedFile,
} from '@/api';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { HouseholdTags } from '@/components/HouseholdTags';
import { LabelValue } from '@/components/LabelValue';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { ImportReport } from './ImportReport';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const PAGE_SIZE = 20;
const EDIT_PAGE = '/staff/household-edit/index';

type Filters = Omit<HouseholdQuery, 'page' | 'pageSize'>;

/** 住户管理: find households, open one to edit, add one, import or export the Excel sheet. */
export default function StaffHouseholdsPage() {
  const pageClassHouseholds = usePageClass('households');
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [draft, setDraft] = useState<{ buildingId?: number; room: string; tag?: HouseholdTag; q: string }>({ room: '', q: '' });
  const [filters, setFilters] = useState<Filters>({});
  const [result, setResult] = useState<Page<HouseholdView> | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [importErrors, setImportErrors] = useState<{ message: string; rows: ImportRowError[] } | null>(null);
  const [moreFilters, setMoreFilters] = useState(false);
  const shown = useRef(false);

  useEffect(() => {
    getBuildings().then(setBuildings).catch(showApiError);
  }, []);

  const load = async (query: Filters, page: number) => {
    try {
      const next = await listHouseholds({ ...query, page, pageSize: PAGE_SIZE });
      setResult((prev) => (page > 1 && prev ? { ...next, items: [...prev.items, ...next.items] } : next));
    } catch (error) {
      showApiError(error);
    }
  };

  // Coming back from the edit page: show the changes.
  useDidShow(() => {
    if (shown.current) void load(filters, 1);
    shown.current = true;
  });
  useEffect(() => {
    void load(filters, 1);
  }, [filters]);

  const search = () => {
    setFilters({
      buildingId: draft.buildingId,
      room: draft.room.trim() || undefined,
      tag: draft.tag,
      q: draft.q.trim() || undefined,
    });
  };

  const runImport = useAction(
    async (file: PickedFile, key: string) => {
      setImported(null);
      setImportErrors(null);
      const res = await importHouseholds(file, key);
      setImported(res);
      await load(filters, 1);
      return res;
    },
    (error) => {
      const rows = importRowErrors(error);
      if (rows.length === 0) return false;
      setImportErrors({ message: errorMessage(error), rows });
      return true;
    },
  );

  const chooseAndImport = async () => {
    const file = await pickXlsx();
    if (file) await runImport.run(file);
  };

  const runExport = useAction(async (query: Filters) => exportHouseholds(query));

  const chosenSummary = [buildings.find((b) => b.id === draft.buildingId)?.name, draft.tag ? HOUSEHOLD_TAG_LABELS[draft.tag] : undefined]
    .filter(Boolean)
    .join('、');
  const hasMore = result !== null && result.items.length < result.total;

  return (
    <View className={pageClassHouseholds}>
      <View className="card">
        <Field label="房号">
          <TextInput id="filter-room" value={draft.room} onChange={(room) => setDraft({ ...draft, room })} placeholder="例如 1203" />
        </Field>
        <Field label="联系人或电话">
          <TextInput id="filter-q" value={draft.q} onChange={(q) => setDraft({ ...draft, q })} placeholder="姓名或手机号" />
        </Field>
        {moreFilters ? (
          <View>
            <Field label="楼栋">
              <Choices
                idPrefix="filter-building"
                options={[{ value: 0, label: '全部' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
                selected={[draft.buildingId ?? 0]}
                onToggle={(id) => setDraft({ ...draft, buildingId: id === 0 ? undefined : id })}
              />
            </Field>
            <Field label="标签">
              <Choices
                idPrefix="filter-tag"
                columns={3}
                options={[{ value: '', label: '全部' }, ...HOUSEHOLD_TAGS.map((tag) => ({ value: tag, label: HOUSEHOLD_TAG_LABELS[tag] }))]}
                selected={[draft.tag ?? '']}
                onToggle={(tag) => setDraft({ ...draft, tag: tag === '' ? undefined : tag })}
              />
            </Field>
          </View>
        ) : (
          <View id="filter-more" className="households__more" onClick={() => setMoreFilters(true)}>
            {`按楼栋、标签筛选${chosenSummary ? `（已选：${chosenSummary}）` : ''} ▾`}
          </View>
        )}
        <Button id="households-search" type="primary" size="large" block onClick={search}>
          查询
        </Button>
      </View>

      <View className="button-row households__actions">
        <Button id="household-new" type="primary" size="large" onClick={() => void Taro.navigateTo({ url: EDIT_PAGE })}>
          新增住户
        </Button>
      </View>
      <View className="button-row households__actions">
        <Button id="households-import" size="large" loading={runImport.busy} onClick={() => void chooseAndImport()}>
          导入 Excel
        </Button>
        <Button id="households-export" size="large" loading={runExport.busy} onClick={() => void runExport.run(filters)}>
          导出 Excel
        </Button>
      </View>

      <ImportReport
        result={imported}
        failure={importErrors}
        onClose={() => {
          setImported(null);
          setImportErrors(null);
        }}
      />

      {result === null ? <View className="loading">正在加载…</View> : null}
      {result ? <View className="section-title">{`共 ${result.total} 户`}</View> : null}
      {result?.items.length === 0 ? <View className="empty">没有符合条件的住户</View> : null}
      {result?.items.map((h) => (
        <View
          key={h.id}
          id={`household-${h.id}`}
          className="card households__item"
          onClick={() => void Taro.navigateTo({ url: `${EDIT_PAGE}?id=${h.id}` })}
        >
          <View className="row households__item-head">
            <View className="big-text">{h.address}</View>
            <View className="entry__arrow">›</View>
          </View>
          <LabelValue label="人数">{`${h.headcount} 人`}</LabelValue>
          <LabelValue label="联系人">
            {h.contactName || h.contactPhone ? `${h.contactName ?? ''}  ${h.contactPhone ?? ''}` : '未登记'}
          </LabelValue>
          <HouseholdTags tags={h.tags} />
        </View>
      ))}
      {hasMore ? (
        <Button id="households-more" size="large" block onClick={() => void load(filters, result.page + 1)}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}
