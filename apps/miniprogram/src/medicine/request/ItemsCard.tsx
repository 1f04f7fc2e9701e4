import { View } from '@tarojs/components';
import { BRAND_LABELS, PAYMENT_MODE_LABELS, type MedicineRequestView } from '@linli/shared-types';
import { Button } from '@/components/nutui';
import { LabelValue } from '@/components/LabelValue';
import { TotalRow } from '@/components/TotalRow';
import { available, quoteText } from '../texts';

interface ItemsCardProps {
  request: MedicineRequestView;
  /** The household is answering the quote: ticks, the live total, 接受所选 and 都不要了. */
  answering: boolean;
  ticked: number[];
  onToggle: (itemId: number) => void;
  accepting: boolean;
  declining: boolean;
  onAccept: () => void;
  onDecline: () => void;
}

/** The medicines and the pharmacy's quote item by item; while the household answers, what to take. */
export function ItemsCard(props: ItemsCardProps) {
  const { request, answering, ticked, onToggle, accepting, declining } = props;
  const offered = request.items.filter(available);
  const liveTotal = offered.filter((i) => ticked.includes(i.id)).reduce((sum, i) => sum + i.quantity * (i.quote?.unitPriceFen ?? 0), 0);
  const quotedOnce = request.items.some((i) => i.quote !== null);
  return (
    <View className={answering ? 'card md-card--quoted' : 'card'} id="medicine-items">
      <View className="card-title">{answering ? '药房已报价，请勾选要买的药' : '要买的药'}</View>
      {request.items.map((item) => {
        const off = item.quote?.status === 'unavailable' || item.accepted === false;
        return (
          <View key={item.id} id={`medicine-item-${item.id}`} className={off ? 'md-line md-line--off' : 'md-line'}>
            <View className="md-line__name">{`${item.name}${item.spec ? `（${item.spec}）` : ''} × ${item.quantity}`}</View>
            <View className="muted">{`${BRAND_LABELS[item.brand]}${item.prescription ? '　处方药' : ''}`}</View>
            {item.quote ? (
              <View
                id={`medicine-item-${item.id}-quote`}
                className={item.quote.status === 'unavailable' ? 'md-line__quote md-line__quote--none' : 'md-line__quote'}
              >
                {quoteText(item)}
              </View>
            ) : null}
            {answering && available(item) ? (
              <View
                id={`medicine-item-${item.id}-pick`}
                className="md-pick"
                role="checkbox"
                aria-checked={ticked.includes(item.id)}
                onClick={() => onToggle(item.id)}
              >
                <View className={ticked.includes(item.id) ? 'md-pick__box md-pick__box--on' : 'md-pick__box'}>
                  {ticked.includes(item.id) ? '✓' : ''}
                </View>
                <View>{ticked.includes(item.id) ? '要这个' : '不要这个'}</View>
              </View>
            ) : null}
            {!answering && item.accepted !== null && available(item) ? (
              <View className={item.accepted ? 'md-answer' : 'md-answer md-answer--no'}>{item.accepted ? '要' : '不要'}</View>
            ) : null}
          </View>
        );
      })}
      {request.quoteNote ? <View className="text gap-top" id="medicine-quote-note">{`药房说明：${request.quoteNote}`}</View> : null}
      {quotedOnce && request.state !== 'REJECTED' ? (
        <TotalRow id="medicine-total" label={answering ? '所选合计' : '合计'} fen={answering ? liveTotal : request.totalFen} />
      ) : null}
      {quotedOnce ? <LabelValue label="付款方式">{PAYMENT_MODE_LABELS[request.paymentMode]}</LabelValue> : null}
      {answering ? (
        <View className="button-stack gap-top">
          <Button
            id="medicine-accept"
            type="primary"
            size="large"
            block
            disabled={ticked.length === 0 || declining}
            loading={accepting}
            onClick={props.onAccept}
          >
            {ticked.length === 0 ? '请至少勾选一种药' : '接受所选'}
          </Button>
          <Button id="medicine-decline" size="large" block fill="outline" disabled={accepting} onClick={props.onDecline}>
            都不要了
          </Button>
        </View>
      ) : null}
    </View>
  );
}
