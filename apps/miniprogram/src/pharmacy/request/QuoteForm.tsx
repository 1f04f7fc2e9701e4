import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { formatFen, type MedicineItemView, type QuoteBody, type QuoteStatus } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { TextInput } from '@/components/TextInput';
import { yuanToFen } from './money';

/** The three answers, in short words for big buttons. */
const STATUS_OPTIONS: { value: QuoteStatus; label: string }[] = [
  { value: 'in_stock', label: '有货' },
  { value: 'substitute', label: '替代' },
  { value: 'unavailable', label: '缺货' },
];

interface Draft {
  status: QuoteStatus | null;
  /** Per unit, in 元 as typed. */
  price: string;
  substitute: string;
}

export interface ItemErrors {
  status?: string;
  price?: string;
  substitute?: string;
}

/** The server's field errors (`items.1.substituteName`) per item index. */
export function serverItemErrors(fields: Record<string, string>): Record<number, ItemErrors> {
  const out: Record<number, ItemErrors> = {};
  for (const [path, message] of Object.entries(fields)) {
    const m = /^items\.(\d+)\.(\w+)$/.exec(path);
    if (!m) continue;
    const index = Number(m[1]);
    const slot = (out[index] ??= {});
    if (m[2] === 'substituteName') slot.substitute = message;
    else if (m[2] === 'unitPriceFen') slot.price = message;
    else slot.status = message;
  }
  return out;
}

interface QuoteFormProps {
  items: MedicineItemView[];
  /** Some item needs a prescription: the pharmacist confirms having checked the photos. */
  prescription: boolean;
  busy: boolean;
  /** Errors the server found, per item index (cleared when the item is edited). */
  serverErrors: Record<number, ItemErrors>;
  onEdited: () => void;
  onSubmit: (body: QuoteBody) => void;
}

/** 报价: per item 有货 / 替代 / 缺货 with a unit price in 元 (and the substitute's name), a live total. */
export function QuoteForm({ items, prescription, busy, serverErrors, onEdited, onSubmit }: QuoteFormProps) {
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [errors, setErrors] = useState<Record<number, ItemErrors>>({});
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState('');
  const [rxChecked, setRxChecked] = useState(false);
  const [rxError, setRxError] = useState('');

  const draftOf = (id: number): Draft => drafts[id] ?? { status: null, price: '', substitute: '' };
  const edit = (index: number, id: number, change: Partial<Draft>) => {
    setDrafts((all) => ({ ...all, [id]: { ...draftOf(id), ...change } }));
    setErrors((all) => ({ ...all, [index]: {} }));
    setFormError('');
    onEdited();
  };

  const totalFen = items.reduce((sum, item) => {
    const d = draftOf(item.id);
    if (d.status === null || d.status === 'unavailable') return sum;
    return sum + item.quantity * (yuanToFen(d.price) ?? 0);
  }, 0);

  const submit = () => {
    const found: Record<number, ItemErrors> = {};
    const quoted: QuoteBody['items'] = [];
    items.forEach((item, index) => {
      const d = draftOf(item.id);
      const e: ItemErrors = {};
      if (d.status === null) e.status = '请选择有货、替代或缺货';
      const fen = yuanToFen(d.price);
      if (d.status !== null && d.status !== 'unavailable' && fen === null) {
        e.price = d.price.trim() ? '单价请填数字，最多两位小数，例如 12.50' : '请填写单价（元）';
      }
      if (d.status === 'substitute' && !d.substitute.trim()) e.substitute = '请写明替代药的名称';
      if (Object.keys(e).length > 0) found[index] = e;
      if (d.status === null) return;
      quoted.push({
        itemId: item.id,
        status: d.status,
        ...(d.status === 'substitute' ? { substituteName: d.substitute.trim() } : {}),
        ...(d.status !== 'unavailable' && fen !== null ? { unitPriceFen: fen } : {}),
      });
    });
    setErrors(found);
    const rxMissing = prescription && !rxChecked;
    setRxError(rxMissing ? '请先看处方照片，确认处方有效' : '');
    if (Object.keys(found).length > 0 || rxMissing) {
      setFormError(rxMissing && Object.keys(found).length === 0 ? '请先确认已看过处方' : '还有药没有报好，请看上面红字');
      return;
    }
    const text = note.trim();
    onSubmit({ items: quoted, ...(text ? { note: text } : {}) });
  };

  const allUnavailable = items.length > 0 && items.every((i) => draftOf(i.id).status === 'unavailable');

  return (
    <View className="card" id="quote-form">
      <View className="card-title">报价</View>
      {items.map((item, index) => {
        const d = draftOf(item.id);
        const e = { ...serverErrors[index], ...errors[index] };
        const fen = yuanToFen(d.price);
        return (
          <View key={item.id} id={`quote-${index}`} className="ph-item">
            <View className="ph-item__name">{`${index + 1}. ${item.name}`}</View>
            <View className="ph-item__line">{`${item.spec ? `${item.spec}，` : ''}要 ${item.quantity} 份`}</View>
            <View className="gap-top">
              <Choices
                idPrefix={`quote-${index}-status`}
                columns={3}
                options={STATUS_OPTIONS}
                selected={d.status ? [d.status] : []}
                onToggle={(status) => edit(index, item.id, { status })}
              />
              {e.status ? (
                <View className="error-text" role="alert">
                  {e.status}
                </View>
              ) : null}
            </View>
            {d.status === 'substitute' ? (
              <View className="gap-top">
                <Field label="替代药名称" error={e.substitute}>
                  <TextInput
                    id={`quote-${index}-substitute`}
                    value={d.substitute}
                    onChange={(substitute) => edit(index, item.id, { substitute })}
                    placeholder="例如：阿莫西林胶囊（石药）"
                    maxlength={60}
                    invalid={Boolean(e.substitute)}
                  />
                </Field>
              </View>
            ) : null}
            {d.status === 'in_stock' || d.status === 'substitute' ? (
              <View className={d.status === 'in_stock' ? 'gap-top' : ''}>
                <Field label="单价" error={e.price}>
                  <View className="ph-price">
                    <TextInput
                      id={`quote-${index}-price`}
                      type="digit"
                      value={d.price}
                      onChange={(price) => edit(index, item.id, { price })}
                      placeholder="例如 12.50"
                      maxlength={9}
                      invalid={Boolean(e.price)}
                    />
                    <View className="ph-price__unit">元</View>
                  </View>
                  {fen !== null ? (
                    <View id={`quote-${index}-subtotal`} className="ph-subtotal">
                      {`${formatFen(fen)} × ${item.quantity} = ${formatFen(fen * item.quantity)}`}
                    </View>
                  ) : null}
                </Field>
              </View>
            ) : null}
          </View>
        );
      })}

      <View className="ph-total ph-total--form">
        <View>合计</View>
        <View id="quote-total" className="ph-total__value">
          {formatFen(totalFen)}
        </View>
      </View>
      {allUnavailable ? <View className="muted">全部缺货：居民会看到药房没有这些药。也可以点下面「不能受理」写明原因。</View> : null}

      {prescription ? (
        <Field label="处方" error={rxError}>
          <View className="ph-rx">
            <Choices
              idPrefix="quote-rx"
              columns={2}
              options={[{ value: 'checked', label: '已看过处方照片，处方有效' }]}
              selected={rxChecked ? ['checked'] : []}
              onToggle={() => {
                setRxChecked((v) => !v);
                setRxError('');
                setFormError('');
              }}
            />
          </View>
        </Field>
      ) : null}

      <Field label="给居民的说明（可不填）">
        <Textarea
          id="quote-note"
          className="textarea"
          value={note}
          maxlength={200}
          placeholder="例如：替代药成分相同，每天吃法一样"
          placeholderClass="input-placeholder"
          onInput={(ev) => setNote(ev.detail.value)}
        />
      </Field>

      {formError ? (
        <View id="quote-error" className="error-text" role="alert">
          {formError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="quote-send" type="primary" size="large" block loading={busy} onClick={submit}>
          发送报价
        </Button>
      </View>
    </View>
  );
}
