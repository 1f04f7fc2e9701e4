import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { formatFen, URGENCY_LABELS, type MedicineRequestView, type QuoteBody } from '@linli/shared-types';
import {
  ApiError,
  cannotBuyRequest,
  errorMessage,
  fieldErrors,
  fileUrl,
  getPharmacyRequest,
  pickPhoto,
  purchaseRequest,
  quoteRequest,
  rejectRequest,
  showApiError,
  uploadReceipt,
  type PickedFile,
} from '@/api';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { ReasonDialog } from '@/components/ReasonDialog';
import type { ReasonRule } from '@/utils/reason';
import { useAction } from '@/hooks/useAction';
import { useRefresh } from '@/hooks/useRefresh';
import { formatTime } from '@/utils/format';
import { needsPrescription, paymentText, PHARMACY_STATE_LABELS, urgencyClass, waitingText } from '../labels';
import { BuyCard } from './BuyCard';
import { ItemInfo } from './ItemInfo';
import { Outcome } from './Outcome';
import { QuoteForm, serverItemErrors, type ItemErrors } from './QuoteForm';
import { ReceiptPhoto } from './ReceiptPhoto';
import '../pharmacy.css';
import { usePageClass } from '@/hooks/useElderly';

/** Refusals that mean the request changed meanwhile (the resident cancelled, a colleague quoted). */
const STALE_CODES = ['INVALID_TRANSITION', 'MEDICINE_REQUEST_NOT_FOUND'];

/** The pharmacy says no, with a reason (2–200 characters) the resident reads: to the request, or to buying it once confirmed. */
type Refusal = 'reject' | 'cannot-buy';

const REFUSALS: Record<
  Refusal,
  { title: string; placeholder: string; rule: ReasonRule; inputId: string; errorId: string; notice: string }
> = {
  reject: {
    title: '不能受理',
    placeholder: '例如：处方照片看不清，请重新拍一张清楚的',
    rule: { min: 2, max: 200, message: '请写明不能受理的原因（2 到 200 个字），居民会看到' },
    inputId: 'reject-reason',
    errorId: 'reject-error',
    notice: '已告诉居民不能受理',
  },
  'cannot-buy': {
    title: '买不到',
    placeholder: '例如：厂家停产，附近几家药房都没有货',
    rule: { min: 2, max: 200, message: '请写明买不到的原因（2 到 200 个字），居民会看到' },
    inputId: 'cannot-buy-reason',
    errorId: 'cannot-buy-error',
    notice: '已告诉居民买不到，社区会找别的药房',
  },
};

/** A picked receipt photo, for showing before it is sent. */
interface Receipt {
  file: PickedFile;
  pickedAt: number;
}

/**
 * 处理买药登记: the request in full; the prescription photos large; the quote (which approves the
 * prescription) or 不能受理 with a reason; once the resident accepted, the receipt photo and
 * 「确认已买到」, after which it is a parcel for delivery — or 买不到 with a reason, after which
 * staff hand it to another pharmacy.
 */
export default function PharmacyRequestPage() {
  const pageClass = usePageClass();
  const pageClassLoading = usePageClass('loading');
  const router = useRouter();
  const id = Number(router.params.id);
  const [req, setReq] = useState<MedicineRequestView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; title: string; text: string } | null>(null);
  const [quoteErrors, setQuoteErrors] = useState<Record<number, ItemErrors>>({});
  /** The refusal being written (kept while its dialog closes, so its words do not blink away). */
  const [refusal, setRefusal] = useState<Refusal>('reject');
  const [refusing, setRefusing] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  const load = async () => {
    try {
      setReq(await getPharmacyRequest(id));
      setLoadError('');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MEDICINE_REQUEST_NOT_FOUND') setLoadError(errorMessage(error));
      else showApiError(error);
    }
  };

  useRefresh(load);

  /** The request moved on meanwhile: say so on the page and show it as it is now. */
  const onStale = (error: unknown): boolean => {
    if (error instanceof ApiError && STALE_CODES.includes(error.code)) {
      setNotice({ ok: false, title: '这条登记已经变了', text: `${errorMessage(error)}。下面是它现在的样子。` });
      setRefusing(false);
      void load();
      return true;
    }
    return false;
  };

  const quote = useAction(
    async (body: QuoteBody, key: string) => {
      const result = await quoteRequest(id, body, key);
      setReq(result);
      setNotice({ ok: true, title: '报价已发送', text: '居民确认要哪些药后，这条登记会出现在「待采购」里' });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
      return result;
    },
    (error) => {
      const fields = fieldErrors(error);
      if (Object.keys(fields).length > 0) {
        setQuoteErrors(serverItemErrors(fields));
        showApiError(error);
        return true;
      }
      return onStale(error);
    },
  );

  const refuse = useAction(async ({ refusal, reason }: { refusal: Refusal; reason: string }, key: string) => {
    const result = await (refusal === 'reject' ? rejectRequest : cannotBuyRequest)(id, { reason }, key);
    setRefusing(false);
    setReceipt(null);
    setReq(result);
    setNotice({ ok: true, title: REFUSALS[refusal].notice, text: `原因：${reason}` });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
    return result;
  }, onStale);

  /** The receipt goes up first, then the purchase is confirmed with it. */
  const purchase = useAction(
    async ({ file }: Receipt, key: string) => {
      const uploaded = await uploadReceipt(file, `${key}-photo`);
      const result = await purchaseRequest(id, { receiptFileId: uploaded.id }, `${key}-buy`);
      setReq(result);
      setReceipt(null);
      setNotice(null);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
      return result;
    },
    (error) => {
      if (onStale(error)) return true;
      setNotice({ ok: false, title: '没有确认成功', text: errorMessage(error) });
      return true;
    },
  );

  const askWhy = (next: Refusal) => {
    setRefusal(next);
    setRefusing(true);
  };

  const takeReceipt = async () => {
    setNotice(null);
    const file = await pickPhoto();
    if (file) setReceipt({ file, pickedAt: Date.now() });
  };

  if (loadError) {
    return (
      <View className={pageClass}>
        <View className="empty" id="req-missing">
          {loadError}
        </View>
      </View>
    );
  }
  if (!req) return <View className={pageClassLoading}>正在加载…</View>;

  const photos = req.photoUrls.map(fileUrl);
  const preview = (current: string) => {
    void Taro.previewImage({ urls: photos, current }).catch(() => undefined);
  };
  const canQuote = req.actions.includes('QUOTED');
  const canReject = req.actions.includes('REJECTED');
  const canBuy = req.actions.includes('PURCHASED');
  const rx = needsPrescription(req);
  const quoted = req.items.some((i) => i.quote !== null);
  const answered = req.items.some((i) => i.accepted !== null);

  return (
    <View className={pageClass}>
      {notice ? (
        <View id="req-notice" className={notice.ok ? 'status status--ok' : 'status status--pending'} role="status">
          <View className="status__title">{notice.title}</View>
          <View className="text">{notice.text}</View>
        </View>
      ) : null}

      <View className={req.overdue ? 'card ph-card--overdue' : 'card'} id="req-summary">
        <View className="ph-badges">
          <View id="req-state" className="ph-badge ph-badge--state">
            {PHARMACY_STATE_LABELS[req.state]}
          </View>
          {req.urgency !== 'normal' ? <View className={urgencyClass(req.urgency)}>{URGENCY_LABELS[req.urgency]}</View> : null}
          {rx ? <View className="ph-badge ph-badge--rx">处方</View> : null}
          {req.overdue ? (
            <View id="req-overdue" className="ph-overdue">
              已超时
            </View>
          ) : null}
        </View>
        <View className="ph-card__door" id="req-door">
          {req.address}
        </View>
        {req.forWhom ? <LabelValue label="给谁用">{req.forWhom}</LabelValue> : null}
        <LabelValue label="登记人">{`${req.placedBy.nickname}${req.placedBy.proxy ? '（社区代登记）' : ''}`}</LabelValue>
        <LabelValue label="登记时间">{formatTime(req.createdAt)}</LabelValue>
        {req.state === 'SUBMITTED' ? (
          <LabelValue label="等待">
            <View id="req-waiting">{`${waitingText(req.waitingMinutes)}，请在 ${formatTime(req.quoteDeadline)} 前报价`}</View>
          </LabelValue>
        ) : null}
        {req.note ? <LabelValue label="居民备注">{req.note}</LabelValue> : null}
      </View>

      <Outcome req={req} />

      {photos.length > 0 ? (
        <View className="card" id="req-photos">
          <View className="card-title">处方照片</View>
          {canQuote ? <View className="text">请先看清处方再报价，报价即表示药房认可这张处方。点照片可放大。</View> : null}
          {photos.map((src, index) => (
            <View key={src} className="ph-photo" onClick={() => preview(src)}>
              <Image id={`req-photo-${index}`} className="ph-photo__img" src={src} mode="widthFix" />
              <View className="ph-photo__hint">{`第 ${index + 1} 张，点一下放大`}</View>
            </View>
          ))}
        </View>
      ) : rx ? (
        <View className="status status--pending" id="req-no-photo">
          <View className="text">有处方药，但居民没有上传处方照片。没有处方请不要报价，可以点「不能受理」请居民补拍。</View>
        </View>
      ) : null}

      <View className="card" id="req-items">
        <View className="card-title">{`要买的药（${req.items.length} 种）`}</View>
        {req.items.map((item, index) => (
          <ItemInfo key={item.id} item={item} index={index} answered={answered} />
        ))}
        {quoted && !canQuote ? (
          <View className="ph-total">
            <View>{answered ? '居民要的合计' : '报价合计'}</View>
            <View id="req-total" className="ph-total__value">
              {`${formatFen(req.totalFen)}（${paymentText(req.paymentMode)}）`}
            </View>
          </View>
        ) : null}
        {req.quoteNote ? <LabelValue label="报价说明">{req.quoteNote}</LabelValue> : null}
      </View>

      {canQuote ? (
        <QuoteForm
          items={req.items}
          prescription={rx}
          busy={quote.busy}
          serverErrors={quoteErrors}
          onEdited={() => setQuoteErrors({})}
          onSubmit={(body) => void quote.run(body)}
        />
      ) : null}

      {canReject ? (
        <View className="gap-top">
          <Button id="req-reject" type="danger" fill="outline" size="large" block disabled={quote.busy} onClick={() => askWhy('reject')}>
            不能受理
          </Button>
        </View>
      ) : null}

      {canBuy ? (
        <BuyCard
          req={req}
          receipt={receipt?.file ?? null}
          buying={purchase.busy}
          canGiveUp={req.actions.includes('CANNOT_BUY')}
          onTakeReceipt={() => void takeReceipt()}
          onPurchase={() => receipt && void purchase.run(receipt)}
          onCannotBuy={() => askWhy('cannot-buy')}
        />
      ) : null}

      {req.receiptUrl ? <ReceiptPhoto src={fileUrl(req.receiptUrl)} /> : null}

      <ReasonDialog
        visible={refusing}
        resetKey={`${refusal}-${String(refusing)}`}
        title={REFUSALS[refusal].title}
        confirmText={REFUSALS[refusal].title}
        cancelText="返回"
        subject={`${req.address} 的买药登记`}
        placeholder={REFUSALS[refusal].placeholder}
        rule={REFUSALS[refusal].rule}
        inputId={REFUSALS[refusal].inputId}
        errorId={REFUSALS[refusal].errorId}
        busy={refuse.busy}
        onConfirm={(reason) => void refuse.run({ refusal, reason })}
        onCancel={() => setRefusing(false)}
      />
    </View>
  );
}
