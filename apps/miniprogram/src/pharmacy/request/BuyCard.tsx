import { Image, View } from '@tarojs/components';
import { formatFen, type MedicineRequestView } from '@linli/shared-types';
import type { PickedFile } from '@/api';
import { Button } from '@/components/nutui';
import { paymentText } from '../labels';
import { useObjectUrl } from './ReceiptPhoto';

interface BuyCardProps {
  req: MedicineRequestView;
  /** The receipt photo picked, not yet sent. */
  receipt: PickedFile | null;
  buying: boolean;
  /** The server offers 买不到 (CANNOT_BUY) besides buying. */
  canGiveUp: boolean;
  onTakeReceipt: () => void;
  onPurchase: () => void;
  onCannotBuy: () => void;
}

/**
 * 采购: what the resident accepted and what it comes to; the receipt photo and 「确认已买到」, or
 * 「买不到」 (with a reason the resident reads: staff then find another pharmacy).
 */
export function BuyCard({ req, receipt, buying, canGiveUp, onTakeReceipt, onPurchase, onCannotBuy }: BuyCardProps) {
  const receiptSrc = useObjectUrl(receipt);
  return (
    <View className="card" id="req-buy">
      <View className="card-title">采购</View>
      <View className="text">{`请按上面居民要的药去买，合计 ${formatFen(req.totalFen)}（${paymentText(req.paymentMode)}）。买到后拍一张购药小票，再点「确认已买到」。`}</View>
      {receipt && receiptSrc ? (
        <View className="ph-photo">
          <Image id="req-receipt-preview" className="ph-receipt" src={receiptSrc} mode="widthFix" />
          <View className="ph-photo__hint">购药小票</View>
        </View>
      ) : null}
      <View className="ph-actions gap-top">
        <Button id="req-receipt" size="large" block fill="outline" disabled={buying} onClick={onTakeReceipt}>
          {receipt ? '重拍购药小票' : '拍购药小票'}
        </Button>
        <Button id="req-purchase" type="primary" size="large" block disabled={!receipt} loading={buying} onClick={onPurchase}>
          确认已买到
        </Button>
      </View>
      {!receipt ? <View className="muted gap-top">先拍购药小票，才能确认已买到</View> : null}
      {canGiveUp ? (
        <View className="ph-give-up">
          <View className="text">跑了几家都买不到？告诉居民原因，社区会找别的药房。</View>
          <View className="gap-top">
            <Button id="req-cannot-buy" type="danger" fill="outline" size="large" block disabled={buying} onClick={onCannotBuy}>
              买不到
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
