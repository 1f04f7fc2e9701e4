import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  formatFen,
  ITEM_KIND_LABELS,
  PAYMENT_MODE_LABELS,
  type CreateItemRequest,
  type CreateWindowRequest,
  type ItemKind,
  type ItemView,
  type PaymentMode,
  type SupplierView,
  type WindowMode,
} from '@linli/shared-types';
import { createItem, createSupplier, createWindow, errorMessage, listItems, listSuppliers, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { Segments } from '@/components/Segments';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { DateTimeField } from './DateTimeField';
import { EditWindow } from './EditWindow';
import { roundUp, toWall, wallToDay } from './wall-time';
import './index.css';
import { usePageClass } from '@/hooks/useElderly';

const HOUR_MS = 60 * 60 * 1000;
/** How far ahead the pickers reach: a window is planned weeks ahead at most. */
const PICKER_DAYS = 90;

const MODE_LABELS: Record<WindowMode, string> = { fcfs: '先到先得', fair: '公平分配（登记后抽签）' };

interface Form {
  title: string;
  mode: WindowMode;
  paymentMode: PaymentMode;
  /** ISO moments, chosen on the picker in Beijing time. */
  opensAt: string;
  closesAt: string;
  /** YYYY-MM-DD, chosen on the picker. */
  deliveryDate: string;
  /** Orders per building ('' = no cap). */
  maxPerBuilding: string;
  /** Item id → stock typed by staff ('' = not offered). */
  stock: Record<number, string>;
}

type ErrorKey = 'title' | 'opensAt' | 'closesAt' | 'deliveryDate' | 'maxPerBuilding' | 'items';
type Errors = Partial<Record<ErrorKey, string>>;

function validate(form: Form): { errors: Errors; body: CreateWindowRequest | null } {
  const errors: Errors = {};
  if (!form.title.trim()) errors.title = '请填写批次名称';
  const { opensAt, closesAt } = form;
  if (Date.parse(closesAt) <= Date.parse(opensAt)) errors.closesAt = '结束时间要晚于开始时间';
  const maxText = form.maxPerBuilding.trim();
  const maxOrdersPerBuilding = maxText === '' ? null : Number(maxText);
  if (maxOrdersPerBuilding !== null && (!Number.isInteger(maxOrdersPerBuilding) || maxOrdersPerBuilding < 1)) {
    errors.maxPerBuilding = '要填大于0的整数，或者不填';
  }
  const items = Object.entries(form.stock)
    .filter(([, v]) => v.trim() !== '')
    .map(([itemId, v]) => ({ itemId: Number(itemId), stock: Number(v) }));
  if (items.some((i) => !Number.isInteger(i.stock) || i.stock < 1)) errors.items = '库存要填大于0的整数';
  else if (items.length === 0) errors.items = '请至少给一种物资填写库存';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      title: form.title.trim(),
      mode: form.mode,
      paymentMode: form.paymentMode,
      opensAt,
      closesAt,
      deliveryDate: form.deliveryDate,
      ...(maxOrdersPerBuilding !== null ? { maxOrdersPerBuilding } : {}),
      items,
    },
  };
}

/** 新建批次 (no id) or 修改批次 (?id=: a window that has not ended). */
export default function StaffWindowEditPage() {
  const id = Number(useRouter().params.id);
  return Number.isInteger(id) && id > 0 ? <EditWindow id={id} /> : <NewWindow />;
}

/** 新建批次: a first-come-first-served or fair-share window over existing items, with stock per item. */
function NewWindow() {
  const pageClass = usePageClass();
  const [items, setItems] = useState<ItemView[] | null>(null);
  const [suppliers, setSuppliers] = useState<SupplierView[]>([]);
  const { form, setForm, errors, serverError, setServerError, check } = useForm<Form, ErrorKey>(() => {
    const now = roundUp(Date.now(), 5);
    return {
      title: '',
      mode: 'fcfs',
      paymentMode: 'cod',
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 4 * HOUR_MS).toISOString(),
      deliveryDate: wallToDay(toWall(now + 24 * HOUR_MS)),
      maxPerBuilding: '',
      stock: {},
    };
  });
  const [adding, setAdding] = useState(false);
  const [[pickerStart, pickerEnd]] = useState((): [number, number] => {
    const start = roundUp(Date.now(), 5) - 5 * 60 * 1000;
    return [start, start + PICKER_DAYS * 24 * HOUR_MS];
  });

  const load = async () => {
    try {
      const [i, s] = await Promise.all([listItems(), listSuppliers()]);
      setItems(i);
      setSuppliers(s);
    } catch (error) {
      showApiError(error);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const set = (patch: Partial<Form>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setServerError('');
  };

  const save = useAction(
    async (body: CreateWindowRequest, key: string) => {
      const created = await createWindow(body, key);
      await Taro.showToast({ title: '已创建', icon: 'success' });
      await Taro.redirectTo({ url: `/staff/window-stats/index?id=${created.id}` });
      return created;
    },
    (error) => {
      setServerError(errorMessage(error));
      return true;
    },
  );

  const onSave = () => {
    const { errors: found, body } = validate(form);
    if (check(found) && body) void save.run(body);
  };

  return (
    <View className={pageClass}>
      <Field label="批次名称" error={errors.title}>
        <TextInput id="window-title" value={form.title} onChange={(title) => set({ title })} placeholder="例如：4月25日 蔬菜套餐" />
      </Field>
      <Field
        label="分配方式"
        hint={form.mode === 'fair' ? '物资不够每户都有时用：居民先登记，截止后公开抽签，困难家庭优先' : '居民直接下单，卖完为止'}
      >
        <Choices
          idPrefix="window-mode"
          columns={2}
          options={(['fcfs', 'fair'] as const).map((m) => ({ value: m, label: MODE_LABELS[m] }))}
          selected={[form.mode]}
          onToggle={(mode) => set({ mode })}
        />
      </Field>
      <Field label="付款方式">
        <Choices
          idPrefix="window-payment"
          columns={3}
          options={(['cod', 'free', 'wechat'] as const).map((m) => ({ value: m, label: PAYMENT_MODE_LABELS[m] }))}
          selected={[form.paymentMode]}
          onToggle={(paymentMode) => set({ paymentMode })}
        />
      </Field>
      <Field label="开始订购" error={errors.opensAt} hint="北京时间；点一下，在转盘上选">
        <DateTimeField
          id="window-opens"
          title="开始订购"
          type="datetime"
          value={form.opensAt}
          min={pickerStart}
          max={pickerEnd}
          onChange={(opensAt) => set({ opensAt })}
        />
      </Field>
      <Field label="结束订购" error={errors.closesAt}>
        <DateTimeField
          id="window-closes"
          title="结束订购"
          type="datetime"
          value={form.closesAt}
          min={pickerStart}
          max={pickerEnd}
          invalid={Boolean(errors.closesAt)}
          onChange={(closesAt) => set({ closesAt })}
        />
      </Field>
      <Field label="送货日期" error={errors.deliveryDate}>
        <DateTimeField
          id="window-delivery"
          title="送货日期"
          type="date"
          value={form.deliveryDate}
          min={pickerStart}
          max={pickerEnd}
          onChange={(deliveryDate) => set({ deliveryDate })}
        />
      </Field>

      <Field label="每栋订单上限（可不填）" error={errors.maxPerBuilding} hint="一栋楼的订单到这个数就不再接；不填表示不限">
        <TextInput
          id="window-max-per-building"
          type="number"
          maxlength={5}
          value={form.maxPerBuilding}
          placeholder="不限"
          onChange={(maxPerBuilding) => set({ maxPerBuilding })}
        />
      </Field>

      <Field label="物资和库存" error={errors.items} hint="只有填了库存的物资会放进这个批次">
        {items === null ? <View className="muted">正在加载物资…</View> : null}
        {items?.length === 0 ? <View className="muted">还没有物资，请先在下面新增</View> : null}
        {items?.map((item) => (
          <View key={item.id} className="sw-item" id={`window-item-${item.id}`}>
            <View className="sw-item__name">{`${item.name}（${ITEM_KIND_LABELS[item.kind]}）`}</View>
            <View className="muted">{`${formatFen(item.priceFen)} · 每户限购 ${item.limitPerHousehold} 份 · ${item.supplierName}`}</View>
            <View className="sw-item__stock">
              <View className="text">库存</View>
              <TextInput
                id={`window-item-${item.id}-stock`}
                type="number"
                maxlength={6}
                value={form.stock[item.id] ?? ''}
                placeholder="不参加"
                onChange={(v) => set({ stock: { ...form.stock, [item.id]: v } })}
              />
            </View>
          </View>
        ))}
      </Field>

      {adding ? (
        <NewItemCard
          suppliers={suppliers}
          onCreated={(item, supplier) => {
            setItems((prev) => [...(prev ?? []), item]);
            if (supplier) setSuppliers((prev) => [...prev, supplier]);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button id="item-new" size="large" block fill="outline" onClick={() => setAdding(true)}>
          新增物资
        </Button>
      )}

      {serverError ? (
        <View className="error-text" role="alert">
          {serverError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="window-save" type="primary" size="large" block loading={save.busy} onClick={onSave}>
          创建批次
        </Button>
      </View>
    </View>
  );
}

interface NewItemForm {
  kind: ItemKind;
  name: string;
  contents: string;
  price: string;
  limit: string;
  supplierId: number | null;
  supplierName: string;
}

/** "大米 10斤，食用油 1桶" → content lines. */
function parseContents(text: string): { name: string; quantity: string }[] {
  return text
    .split(/[,，、;；\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^(.*?)\s+(\S+)$/.exec(part);
      return m ? { name: (m[1] ?? '').trim(), quantity: m[2] ?? '' } : { name: part, quantity: '1份' };
    });
}

/** A new item (and, when there is none yet, its supplier), created on the spot. */
function NewItemCard(props: {
  suppliers: SupplierView[];
  onCreated: (item: ItemView, supplier: SupplierView | null) => void;
  onCancel: () => void;
}) {
  const { suppliers, onCreated, onCancel } = props;
  const [form, setForm] = useState<NewItemForm>({
    kind: 'package',
    name: '',
    contents: '',
    price: '',
    limit: '1',
    supplierId: suppliers[0]?.id ?? null,
    supplierName: '',
  });
  const [error, setError] = useState('');
  const set = (patch: Partial<NewItemForm>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setError('');
  };

  const create = useAction(
    async (payload: { item: Omit<CreateItemRequest, 'supplierId'>; supplierId: number | null; supplierName: string }, key: string) => {
      let supplier: SupplierView | null = null;
      let supplierId = payload.supplierId;
      if (supplierId === null) {
        supplier = await createSupplier({ name: payload.supplierName }, `${key}-supplier`);
        supplierId = supplier.id;
      }
      const item = await createItem({ ...payload.item, supplierId }, key);
      onCreated(item, supplier);
      return item;
    },
    (e) => {
      setError(errorMessage(e));
      return true;
    },
  );

  const onCreate = () => {
    const priceFen = Math.round(Number(form.price) * 100);
    const limit = Number(form.limit);
    if (!form.name.trim()) return setError('请填写物资名称');
    if (!form.price.trim() || !Number.isFinite(priceFen) || priceFen < 0) return setError('请填写正确的价格（元）');
    if (!Number.isInteger(limit) || limit < 1) return setError('每户限购要填大于0的整数');
    if (form.supplierId === null && !form.supplierName.trim()) return setError('请填写供应商名称');
    void create.run({
      item: { kind: form.kind, name: form.name.trim(), contents: parseContents(form.contents), priceFen, limitPerHousehold: limit },
      supplierId: form.supplierId,
      supplierName: form.supplierName.trim(),
    });
  };

  return (
    <View className="card" id="item-form">
      <View className="card-title">新增物资</View>
      <Segments
        idPrefix="item-kind"
        value={form.kind}
        onChange={(kind) => set({ kind })}
        options={[
          { value: 'package', label: ITEM_KIND_LABELS.package },
          { value: 'essential', label: ITEM_KIND_LABELS.essential },
        ]}
      />
      <Field label="名称">
        <TextInput id="item-name" value={form.name} onChange={(name) => set({ name })} placeholder="例如：蔬菜套餐A" />
      </Field>
      <Field label="内容" hint="例如：大米 10斤，食用油 1桶">
        <TextInput id="item-contents" value={form.contents} maxlength={300} onChange={(contents) => set({ contents })} />
      </Field>
      <Field label="价格（元）">
        <TextInput id="item-price" type="digit" value={form.price} onChange={(price) => set({ price })} />
      </Field>
      <Field label="每户限购（份）">
        <TextInput id="item-limit" type="number" value={form.limit} onChange={(limit) => set({ limit })} />
      </Field>
      <Field label="供应商">
        {suppliers.length > 0 ? (
          <Choices
            idPrefix="item-supplier"
            columns={2}
            options={[...suppliers.map((s) => ({ value: s.id, label: s.name })), { value: 0, label: '新的供应商' }]}
            selected={[form.supplierId ?? 0]}
            onToggle={(id) => set({ supplierId: id === 0 ? null : id })}
          />
        ) : null}
        {form.supplierId === null ? (
          <View className={suppliers.length > 0 ? 'gap-top' : ''}>
            <TextInput
              id="item-supplier-name"
              value={form.supplierName}
              onChange={(supplierName) => set({ supplierName })}
              placeholder="供应商名称"
            />
          </View>
        ) : null}
      </Field>
      {error ? (
        <View className="error-text" role="alert">
          {error}
        </View>
      ) : null}
      <View className="button-row gap-top">
        <Button size="large" fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button id="item-save" type="primary" size="large" loading={create.busy} onClick={onCreate}>
          保存物资
        </Button>
      </View>
    </View>
  );
}
