import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import {
  HELP_CATEGORIES,
  HELP_CATEGORY_LABELS,
  HELP_TEXT_MAX,
  HELP_URGENCIES,
  HELP_URGENCY_LABELS,
  type CreateHelpRequest,
  type FileView,
  type HelpCategory,
  type HelpUrgency,
} from '@linli/shared-types';
import { askSubscribe, createHelpRequest, errorMessage, fieldErrors, linkCareFollowUp, showApiError } from '@/api';
import { Button } from '@/components/nutui';
import { Choices } from '@/components/Choices';
import { Field } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useSubscribeReady } from '@/hooks/useSubscribeReady';
import { PhotoPicker } from '../PhotoPicker';
import { deadlineHint } from '../texts';
import '../help.css';
import { usePageClass } from '@/hooks/useElderly';
import { useProxyDoor } from '@/hooks/useProxyDoor';

type Errors = Record<string, string>;

/**
 * 求助: what kind of help (seven big tiles), how urgent, what is needed, up to four pictures;
 * the usual response time as a hint (the request's own deadline shows once it is asked). Staff
 * or a team member ask for a household with `?householdId=` (代求助).
 * Ids: help-category-{n}, help-urgency-{n}, help-text, help-photo-add, help-photo-{n}, help-hint, help-submit, help-error.
 */
export default function HelpNewPage() {
  const pageClass = usePageClass();
  useSubscribeReady('help');
  const router = useRouter();
  const { householdId, door } = useProxyDoor();
  const proxy = householdId !== null;
  // Opened from the care ledger: the need's category, and the contact whose need this answers.
  const given = router.params.category as HelpCategory | undefined;
  const contactId = Number(router.params.contactId) || null;
  const [category, setCategory] = useState<HelpCategory | null>(
    given && (HELP_CATEGORIES as readonly string[]).includes(given) ? given : null,
  );
  const [urgency, setUrgency] = useState<HelpUrgency>('normal');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<FileView[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');

  const clear = (path: string) => {
    setErrors((prev) => {
      const next = { ...prev };
      delete next[path];
      return next;
    });
    setFormError('');
  };

  const save = useAction(
    async (body: CreateHelpRequest, key: string) => {
      const result = await createHelpRequest(body, key);
      if (contactId !== null) {
        // The ledger shows what the need became; the request stands even if this link fails.
        await linkCareFollowUp(contactId, { kind: 'help', id: result.id }, `${key}:ledger`).catch(showApiError);
      }
      void Taro.redirectTo({ url: `/help/request/index?id=${result.id}&asked=1` });
      return result;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length > 0) {
        setErrors(fields);
        setFormError('还有内容没有填好，请看红色提示');
      } else setFormError(errorMessage(error));
      return true;
    },
  );

  const submit = () => {
    // WeChat honours the subscribe popup only inside the tap itself.
    if (!proxy) askSubscribe('help');
    const found: Errors = {};
    if (category === null) found.category = '请选一类求助';
    const words = text.trim();
    if (words.length < 2) found.text = '请写下需要什么帮助（至少 2 个字）';
    setErrors(found);
    if (Object.keys(found).length > 0 || category === null) {
      setFormError('还有内容没有填好，请看红色提示');
      return;
    }
    setFormError('');
    void save.run({
      category,
      urgency,
      text: words,
      ...(photos.length > 0 ? { photoIds: photos.map((p) => p.id) } : {}),
      ...(proxy && householdId !== null ? { householdId } : {}),
    });
  };

  return (
    <View className={pageClass}>
      {proxy ? (
        <View className="proxy-note" id="help-proxy">
          {door ? `代求助：${door}` : '代求助'}
        </View>
      ) : null}

      <View className="card">
        <Field label="需要哪一类帮助" error={errors.category}>
          <View className="hp-tiles" role="listbox">
            {HELP_CATEGORIES.map((c, n) => (
              <View
                key={c}
                id={`help-category-${n}`}
                role="option"
                aria-selected={category === c}
                className={category === c ? 'hp-tile hp-tile--selected' : 'hp-tile'}
                onClick={() => {
                  setCategory(c);
                  clear('category');
                }}
              >
                {HELP_CATEGORY_LABELS[c]}
              </View>
            ))}
          </View>
        </Field>
        <Field label="有多急" error={errors.urgency}>
          <Choices
            idPrefix="help-urgency"
            columns={2}
            options={HELP_URGENCIES.map((u) => ({ value: u, label: HELP_URGENCY_LABELS[u] }))}
            selected={[urgency]}
            onToggle={(u) => {
              setUrgency(u);
              clear('urgency');
            }}
          />
        </Field>
        {category ? (
          <View className="hp-hint" id="help-hint">
            {deadlineHint(category, urgency)}
          </View>
        ) : null}
        {category === 'counselling' ? (
          <View className="muted gap-top">心理疏导由社区心理咨询师接听，内容只有您和咨询师能看到。</View>
        ) : null}
      </View>

      <View className="card">
        <Field label="需要什么帮助" error={errors.text}>
          <Textarea
            id="help-text"
            className={errors.text ? 'textarea input--error' : 'textarea'}
            value={text}
            maxlength={HELP_TEXT_MAX}
            placeholder="例如：家里没有米了，老人行动不便"
            placeholderClass="input-placeholder"
            onInput={(e) => {
              setText(e.detail.value);
              clear('text');
            }}
          />
        </Field>
        <View className="field__label">照片（可不拍）</View>
        <PhotoPicker
          idPrefix="help-photo"
          photos={photos}
          onChange={(next) => {
            setPhotos(next);
            clear('photoIds');
          }}
          onError={(message) => setErrors((prev) => ({ ...prev, photoIds: message }))}
        />
        {errors.photoIds ? (
          <View className="error-text" role="alert" id="help-photo-error">
            {errors.photoIds}
          </View>
        ) : null}
      </View>

      {formError ? (
        <View className="error-text" role="alert" id="help-error">
          {formError}
        </View>
      ) : null}
      <View className="gap-top">
        <Button id="help-submit" type="primary" size="large" block loading={save.busy} onClick={submit}>
          {proxy ? '提交代求助' : '发出求助'}
        </Button>
      </View>
    </View>
  );
}
