import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Textarea, View } from '@tarojs/components';
import {
  BRAND_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type BrandPreference,
  type FileView,
  type MedicineRequestBody,
  type Urgency,
} from '@linli/shared-types';
import {
  ApiError,
  askSubscribe,
  errorMessage,
  fieldErrors,
  fileUrl,
  pickPhoto,
  showApiError,
  submitMedicineRequest,
  linkCareFollowUp,
  submitProxyMedicineRequest,
  uploadPhoto,
  type PickedFile,
} from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { Stepper } from '@/components/Stepper';
import { TextInput } from '@/components/TextInput';
import { useAction } from '@/hooks/useAction';
import '../medicine.css';
import { useSubscribeReady } from '@/hooks/useSubscribeReady';
import { usePageClass } from '@/hooks/useElderly';
import { useProxyDoor } from '@/hooks/useProxyDoor';

/** The server's limits: 10 medicines, 1–99 of each, 6 photos. */
const MAX_ITEMS = 10;
const MAX_QUANTITY = 99;
const MAX_PHOTOS = 6;

const FOR_WHOM_CHOICES = ['本人', '老伴', '父亲', '母亲', '孩子'];

interface ItemForm {
  /** Stable React key: items may be removed from the middle. */
  key: number;
  name: string;
  spec: string;
  quantity: number;
  brand: BrandPreference;
  prescription: boolean;
}

/** Field errors by the server's paths: items.0.name, urgency, photoFileIds… */
type Errors = Record<string, string>;

const BRANDS: BrandPreference[] = ['usual', 'any'];

function emptyItem(key: number): ItemForm {
  return { key, name: '', spec: '', quantity: 1, brand: 'usual', prescription: false };
}

/** The same rules as the server's, checked here first so the answer comes at once. */
function validate(items: ItemForm[], urgency: Urgency | null, photos: FileView[]): Errors {
  const errors: Errors = {};
  items.forEach((item, n) => {
    const name = item.name.trim();
    if (name.length < 1 || name.length > 60) errors[`items.${n}.name`] = '请填写药名';
    if (item.spec.trim().length > 60) errors[`items.${n}.spec`] = '规格最多 60 个字';
  });
  if (urgency === null) errors.urgency = '请选择有多急';
  if (items.some((i) => i.prescription) && photos.length === 0) errors.photoFileIds = '有处方药，请拍一张处方单或药盒的照片';
  return errors;
}

/**
 * 登记买药: the medicines (name, 规格, how many, brand, 处方药?), how urgent, for whom, a note and
 * photos of the prescription. Staff use the same form by proxy with `?householdId=` (代登记).
 * Ids: med-item-{n}-name / -spec / -minus / -plus / -quantity / -brand-{i} / -rx-{i} / -remove,
 * med-add-item, med-urgency-{i}, med-for-whom, med-note, med-photo-add, med-photo-{n}-remove, med-submit.
 */
export default function MedicineNewPage() {
  const pageClass = usePageClass();
  useSubscribeReady('medicine');
  const router = useRouter();
  const { householdId, door } = useProxyDoor();
  const proxy = householdId !== null;
  // Opened from the care ledger: the contact whose need this request answers.
  const contactId = Number(router.params.contactId) || null;
  const nextKey = useRef(1);
  const [items, setItems] = useState<ItemForm[]>([emptyItem(0)]);
  const [urgency, setUrgency] = useState<Urgency | null>(null);
  const [forWhom, setForWhom] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<FileView[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');

  const clear = (...paths: string[]) => {
    setErrors((prev) => {
      const next = { ...prev };
      for (const p of paths) delete next[p];
      return next;
    });
    setFormError('');
  };

  const setItem = (n: number, patch: Partial<ItemForm>) => {
    setItems((prev) => prev.map((item, i) => (i === n ? { ...item, ...patch } : item)));
    clear(...Object.keys(patch).map((k) => `items.${n}.${k}`), 'items', ...(patch.prescription !== undefined ? ['photoFileIds'] : []));
  };

  const addItem = () => {
    if (items.length >= MAX_ITEMS) return;
    setItems((prev) => [...prev, emptyItem(nextKey.current++)]);
    clear('items');
  };

  // Removing an item shifts the later ones' paths: their errors would point at the wrong card.
  const removeItem = (n: number) => {
    setItems((prev) => prev.filter((_, i) => i !== n));
    setErrors({});
    setFormError('');
  };

  const upload = useAction(
    async (picked: PickedFile, key: string) => {
      const file = await uploadPhoto(picked, 'prescription', key);
      setPhotos((prev) => [...prev, file]);
      clear('photoFileIds');
      return file;
    },
    (error) => {
      setErrors((prev) => ({ ...prev, photoFileIds: errorMessage(error) }));
      return true;
    },
  );

  const addPhoto = async () => {
    if (photos.length >= MAX_PHOTOS || upload.busy) return;
    const picked = await pickPhoto();
    if (picked) void upload.run(picked);
  };

  const preview = (current: string) => {
    const urls = photos.map((p) => fileUrl(p.url));
    void Taro.previewImage({ urls, current }).catch(() => undefined);
  };

  const save = useAction(
    async (body: MedicineRequestBody, key: string) => {
      if (!proxy) askSubscribe('medicine');
      const result =
        proxy && householdId !== null
          ? await submitProxyMedicineRequest({ ...body, householdId }, key)
          : await submitMedicineRequest(body, key);
      if (contactId !== null) {
        // The ledger shows what the need became; the request stands even if this link fails.
        await linkCareFollowUp(contactId, { kind: 'medicine', id: result.id }, `${key}:ledger`).catch(showApiError);
      }
      void Taro.redirectTo({ url: `/medicine/request/index?id=${result.id}&placed=1` });
      return result;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length > 0) {
        setErrors(fields);
        setFormError('还有内容没有填好，请看红色提示');
      } else if (error instanceof ApiError && error.code === 'PRESCRIPTION_PHOTO_REQUIRED') {
        setErrors({ photoFileIds: errorMessage(error) });
        setFormError(errorMessage(error));
      } else {
        setFormError(errorMessage(error));
      }
      return true;
    },
  );

  const submit = () => {
    const found = validate(items, urgency, photos);
    setErrors(found);
    if (Object.keys(found).length > 0 || urgency === null) {
      setFormError('还有内容没有填好，请看红色提示');
      return;
    }
    setFormError('');
    const body: MedicineRequestBody = {
      items: items.map((i) => ({
        name: i.name.trim(),
        ...(i.spec.trim() ? { spec: i.spec.trim() } : {}),
        quantity: i.quantity,
        brand: i.brand,
        prescription: i.prescription,
      })),
      urgency,
      ...(forWhom.trim() ? { forWhom: forWhom.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(photos.length > 0 ? { photoFileIds: photos.map((p) => p.id) } : {}),
    };
    void save.run(body);
  };

  const needsPhoto = items.some((i) => i.prescription);

  return (
    <View className={pageClass}>
      {proxy ? (
        <View className="proxy-note" id="med-proxy">
          {door ? `代登记：${door}` : '代登记'}
        </View>
      ) : null}

      {items.map((item, n) => (
        <View key={item.key} id={`med-item-${n}`} className="card md-item">
          <View className="head-row">
            <View className="md-item__title head-row__title">{items.length > 1 ? `第 ${n + 1} 种药` : '要买的药'}</View>
          </View>
          <Field label="药名" error={errors[`items.${n}.name`]}>
            <TextInput
              id={`med-item-${n}-name`}
              value={item.name}
              maxlength={60}
              invalid={Boolean(errors[`items.${n}.name`])}
              placeholder="例如：硝苯地平缓释片"
              onChange={(name) => setItem(n, { name })}
            />
          </Field>
          <Field label="规格（可不填）" error={errors[`items.${n}.spec`]}>
            <TextInput
              id={`med-item-${n}-spec`}
              value={item.spec}
              maxlength={60}
              invalid={Boolean(errors[`items.${n}.spec`])}
              placeholder="例如：10mg×30片"
              onChange={(spec) => setItem(n, { spec })}
            />
          </Field>
          <Field label="要几盒" error={errors[`items.${n}.quantity`]}>
            <Stepper
              idPrefix={`med-item-${n}`}
              className="md-stepper"
              value={item.quantity}
              canLess={item.quantity > 1}
              canMore={item.quantity < MAX_QUANTITY}
              lessLabel="少一盒"
              moreLabel="多一盒"
              onStep={(delta) => setItem(n, { quantity: Math.min(MAX_QUANTITY, Math.max(1, item.quantity + delta)) })}
            />
          </Field>
          <Field label="牌子" error={errors[`items.${n}.brand`]}>
            <Choices
              idPrefix={`med-item-${n}-brand`}
              columns={2}
              options={BRANDS.map((b) => ({ value: b, label: BRAND_LABELS[b] }))}
              selected={[item.brand]}
              onToggle={(brand) => setItem(n, { brand })}
            />
          </Field>
          <Field label="是不是处方药" error={errors[`items.${n}.prescription`]}>
            <Choices
              idPrefix={`med-item-${n}-rx`}
              columns={2}
              options={[
                { value: 'no', label: '不是处方药' },
                { value: 'yes', label: '是处方药' },
              ]}
              selected={[item.prescription ? 'yes' : 'no']}
              onToggle={(v) => setItem(n, { prescription: v === 'yes' })}
            />
          </Field>
          {items.length > 1 ? (
            <Button id={`med-item-${n}-remove`} size="large" block fill="outline" onClick={() => removeItem(n)}>
              不要这种药了
            </Button>
          ) : null}
        </View>
      ))}

      {errors.items ? (
        <View className="error-text" role="alert">
          {errors.items}
        </View>
      ) : null}
      {items.length < MAX_ITEMS ? (
        <View className="md-new">
          <Button id="med-add-item" size="large" block fill="outline" onClick={addItem}>
            ＋ 再加一种药
          </Button>
        </View>
      ) : null}

      <View className="card">
        <Field label="有多急" error={errors.urgency}>
          <Choices
            idPrefix="med-urgency"
            columns={3}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
            selected={urgency ? [urgency] : []}
            onToggle={(u) => {
              setUrgency(u);
              clear('urgency');
            }}
          />
        </Field>
        <Field label="给谁用（可不填）" error={errors.forWhom}>
          <Choices
            idPrefix="med-for-whom-choice"
            columns={3}
            options={FOR_WHOM_CHOICES.map((w) => ({ value: w, label: w }))}
            selected={[forWhom.trim()]}
            onToggle={(w) => {
              setForWhom(w);
              clear('forWhom');
            }}
          />
          <View className="gap-top">
            <TextInput
              id="med-for-whom"
              value={forWhom}
              maxlength={40}
              invalid={Boolean(errors.forWhom)}
              placeholder="也可以自己写，例如：外孙"
              onChange={(w) => {
                setForWhom(w);
                clear('forWhom');
              }}
            />
          </View>
        </Field>
        <Field label="备注（可不填）" error={errors.note}>
          <Textarea
            id="med-note"
            className={errors.note ? 'textarea input--error' : 'textarea'}
            value={note}
            maxlength={200}
            placeholder="例如：血压药，每天早上一片"
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setNote(e.detail.value);
              clear('note');
            }}
          />
        </Field>
      </View>

      <View className="card" id="med-photos">
        <View className="field__label">处方或药盒照片</View>
        {needsPhoto ? (
          <View className="proxy-note md-rx-note" id="med-photo-required">
            有处方药，必须拍一张处方单或药盒的照片
          </View>
        ) : (
          <View className="muted gap-small">不是处方药可以不拍；拍了药盒，药房更好找对药</View>
        )}
        {photos.length > 0 ? (
          <View className="md-photos">
            {photos.map((photo, n) => (
              <View key={photo.id} className="md-photo" id={`med-photo-${n}`}>
                <Image className="md-photo__image" src={fileUrl(photo.url)} mode="aspectFill" onClick={() => preview(fileUrl(photo.url))} />
                <View
                  id={`med-photo-${n}-remove`}
                  role="button"
                  aria-label="删掉这张照片"
                  className="md-photo__remove"
                  onClick={() => {
                    setPhotos((prev) => prev.filter((p) => p.id !== photo.id));
                  }}
                >
                  ×
                </View>
              </View>
            ))}
          </View>
        ) : null}
        {photos.length < MAX_PHOTOS ? (
          <View className="gap-top">
            <Button id="med-photo-add" size="large" block fill="outline" loading={upload.busy} onClick={() => void addPhoto()}>
              {photos.length === 0 ? '拍处方 / 药盒照片' : '再拍一张'}
            </Button>
          </View>
        ) : null}
        {errors.photoFileIds ? (
          <View className="error-text" role="alert" id="med-photo-error">
            {errors.photoFileIds}
          </View>
        ) : null}
      </View>

      {formError ? (
        <View className="error-text" role="alert" id="med-error">
          {formError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="med-submit" type="primary" size="large" block loading={save.busy} onClick={submit}>
          {proxy ? '提交代登记' : '提交登记'}
        </Button>
      </View>
    </View>
  );
}
