import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { BuildingView, UpdateWindowRequest, WindowView } from '@linli/shared-types';
import { ApiError, errorMessage, getBuildings, getWindow, showApiError, updateWindow } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { BuildingChoices } from '@/components/BuildingChoices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { DateTimeField } from './DateTimeField';
import { roundUp } from './wall-time';
import { usePageClass } from '@/hooks/useElderly';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Form {
  opensAt: string;
  closesAt: string;
  /** Item id → new total stock as typed. */
  totals: Record<number, string>;
  maxOrders: string;
  maxPerBuilding: string;
  buildingIds: number[];
  zones: string[];
}

function formOf(w: WindowView): Form {
  return {
    opensAt: w.opensAt,
    closesAt: w.closesAt,
    totals: Object.fromEntries(w.items.map((i) => [i.itemId, String(i.stock + i.sold)])),
    maxOrders: w.maxOrders === null ? '' : String(w.maxOrders),
    maxPerBuilding: w.maxOrdersPerBuilding === null ? '' : String(w.maxOrdersPerBuilding),
    buildingIds: w.buildingIds,
    zones: w.zones,
  };
}

const sameSet = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v) => b.includes(v));

/** '' → no cap; a whole number ≥ 1; anything else: undefined (not valid). */
function cap(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The fields that changed, as the PATCH body, or the first problem in Chinese. */
function changes(w: WindowView, form: Form): { body: UpdateWindowRequest } | { error: string } {
  const body: UpdateWindowRequest = { version: w.version };
  if (form.opensAt !== w.opensAt) body.opensAt = form.opensAt;
  if (form.closesAt !== w.closesAt) body.closesAt = form.closesAt;
  if (Date.parse(form.closesAt) <= Date.parse(form.opensAt)) return { error: '结束时间要晚于开始时间' };
  const stock: NonNullable<UpdateWindowRequest['stock']> = [];
  for (const item of w.items) {
    const total = Number((form.totals[item.itemId] ?? '').trim());
    if (!Number.isInteger(total) || total < 0) return { error: `「${item.name}」的库存要填整数` };
    if (total < item.sold) return { error: `「${item.name}」已经订出 ${item.sold} 份，库存不能少于 ${item.sold}` };
    if (total !== item.stock + item.sold) stock.push({ itemId: item.itemId, total });
  }
  if (stock.length > 0) body.stock = stock;
  const maxOrders = cap(form.maxOrders);
  const maxPerBuilding = cap(form.maxPerBuilding);
  if (maxOrders === undefined || maxPerBuilding === undefined) return { error: '订单上限要填大于0的整数，或者不填' };
  if (maxOrders !== w.maxOrders) body.maxOrders = maxOrders;
  if (maxPerBuilding !== w.maxOrdersPerBuilding) body.maxOrdersPerBuilding = maxPerBuilding;
  if (!sameSet(form.buildingIds, w.buildingIds)) body.buildingIds = form.buildingIds;
  if (!sameSet(form.zones, w.zones)) body.zones = form.zones;
  return { body };
}

/**
 * 修改批次: a window that has not ended — its hours on the picker, the stock of each item (not
 * below what is already ordered), its caps, the buildings and zones it serves. Only what changed
 * is sent, with the version read; if someone else saved first the page reloads and says so.
 */
export function EditWindow({ id }: { id: number }) {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const [win, setWin] = useState<WindowView | null>(null);
  const [buildings, setBuildings] = useState<BuildingView[]>([]);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState('');
  const [now] = useState(() => Date.now());

  const load = async () => {
    try {
      const [w, b] = await Promise.all([getWindow(id), getBuildings()]);
      setWin(w);
      setBuildings(b);
      setForm(formOf(w));
    } catch (e) {
      showApiError(e);
    }
  };

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '修改批次' });
    void load();
  }, [id]);

  const save = useAction(
    async (body: UpdateWindowRequest, key: string) => {
      const saved = await updateWindow(id, body, key);
      await Taro.showToast({ title: '已保存', icon: 'success' });
      await Taro.navigateBack();
      return saved;
    },
    (e) => {
      const fields = e instanceof ApiError ? (e.details?.fields as Record<string, string> | undefined) : undefined;
      setError(fields ? Object.values(fields).join('；') : errorMessage(e));
      if (e instanceof ApiError && e.code === 'WINDOW_CHANGED') void load();
      return true;
    },
  );

  if (!win || !form) return <View className={pageClassLoading}>正在加载…</View>;
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setError('');
  };
  const opened = Date.parse(win.opensAt) <= now;
  const pickerStart = roundUp(now, 5);
  const pickerEnd = pickerStart + 90 * DAY_MS;
  const zones = [...new Set(buildings.map((b) => b.zone).filter((z): z is string => Boolean(z)))];

  const onSave = () => {
    const result = changes(win, form);
    if ('error' in result) return setError(result.error);
    if (Object.keys(result.body).length === 1) return setError('没有修改任何内容');
    void save.run(result.body);
  };

  return (
    <View className={pageClass} id="window-edit-page">
      <View className="card-title">{`修改：${win.title}`}</View>
      <Field label="开始订购">
        <DateTimeField
          id="edit-opens"
          title="开始订购"
          type="datetime"
          value={form.opensAt}
          min={Math.min(pickerStart, Date.parse(win.opensAt))}
          max={pickerEnd}
          locked={opened ? '已经开始订购，开始时间不能再改' : undefined}
          onChange={(opensAt) => set({ opensAt })}
        />
      </Field>
      <Field label="结束订购" hint="可以延长或提前；要马上结束请回上一页点「结束订购」">
        <DateTimeField
          id="edit-closes"
          title="结束订购"
          type="datetime"
          value={form.closesAt}
          min={pickerStart}
          max={Math.max(pickerEnd, Date.parse(win.closesAt))}
          onChange={(closesAt) => set({ closesAt })}
        />
      </Field>

      <Field label="物资库存（总数）" hint="可以加，也可以减，但不能少于已经订出的份数">
        {win.items.map((item) => (
          <View key={item.itemId} className="sw-item" id={`edit-item-${item.itemId}`}>
            <View className="sw-item__name">{item.name}</View>
            <View className="muted">{`已订出 ${item.sold} 份 · 还剩 ${item.stock} 份`}</View>
            <View className="sw-item__stock">
              <View className="text">库存共</View>
              <TextInput
                id={`edit-item-${item.itemId}-total`}
                type="number"
                maxlength={7}
                value={form.totals[item.itemId] ?? ''}
                onChange={(v) => set({ totals: { ...form.totals, [item.itemId]: v } })}
              />
              <View className="text">份</View>
            </View>
          </View>
        ))}
      </Field>

      <Field
        label="订单上限（可不填）"
        hint={`已有 ${win.orderCount} 单；不能少于已有的单数${opened && win.maxOrders === null ? '。开始后不能再新增上限' : ''}`}
      >
        <TextInput
          id="edit-max-orders"
          type="number"
          maxlength={7}
          value={form.maxOrders}
          placeholder="不限"
          onChange={(maxOrders) => set({ maxOrders })}
        />
      </Field>
      <Field label="每栋订单上限（可不填）" hint="不能少于订单最多的那栋楼已有的单数">
        <TextInput
          id="edit-max-per-building"
          type="number"
          maxlength={7}
          value={form.maxPerBuilding}
          placeholder="不限"
          onChange={(maxPerBuilding) => set({ maxPerBuilding })}
        />
      </Field>

      <Field label="供应楼栋" hint="去掉的楼栋已经下的订单照常配送，只是不能再下单">
        <BuildingChoices
          idPrefix="edit-building"
          buildings={buildings}
          buildingIds={form.buildingIds}
          whole={form.buildingIds.length === 0}
          onChange={(buildingIds) => set({ buildingIds })}
        />
      </Field>
      {zones.length > 0 ? (
        <Field label="供应片区（可不选）">
          <Choices
            idPrefix="edit-zone"
            columns={3}
            options={zones.map((z) => ({ value: z, label: z }))}
            selected={form.zones}
            onToggle={(z) => set({ zones: form.zones.includes(z) ? form.zones.filter((x) => x !== z) : [...form.zones, z] })}
          />
        </Field>
      ) : null}

      {error ? (
        <View className="error-text" role="alert" id="edit-error">
          {error}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="edit-save" type="primary" size="large" block loading={save.busy} onClick={onSave}>
          保存修改
        </Button>
      </View>
    </View>
  );
}
