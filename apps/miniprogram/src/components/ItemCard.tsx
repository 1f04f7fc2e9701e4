import { View } from '@tarojs/components';
import { formatFen, ITEM_KIND_LABELS, type WindowItemView } from '@linli/shared-types';
import { maxFor } from '@/utils/basket';
import { Stepper } from './Stepper';
import './ItemCard.css';

interface ItemCardProps {
  item: WindowItemView;
  quantity: number;
  /** Shows the − / + stepper (only while the window takes orders). */
  canOrder: boolean;
  onChange: (delta: number) => void;
}

/**
 * One item of a window as a big card: name, contents, price, what is left and the limit,
 * with a − / + stepper. Ids: item-{id}, item-{id}-minus / -plus / -quantity.
 */
export function ItemCard({ item, quantity: q, canOrder, onChange }: ItemCardProps) {
  const left = Math.max(0, item.stock);
  const soldOut = left === 0;
  const max = maxFor(item);
  return (
    <View id={`item-${item.itemId}`} className={soldOut ? 'card item-card item-card--soldout' : 'card item-card'}>
      <View className="head-row">
        <View className="item-card__name head-row__title">{item.name}</View>
        <View className="tag">{ITEM_KIND_LABELS[item.kind]}</View>
      </View>
      {item.contents.length > 0 ? (
        <View className="item-card__contents">
          {item.contents.map((c, i) => (
            <View key={i} className="text">
              {`${c.name} ${c.quantity}`}
            </View>
          ))}
        </View>
      ) : null}
      <View className="item-card__price">{formatFen(item.priceFen)}</View>
      {soldOut ? (
        <View className="item-card__soldout">已抢光</View>
      ) : (
        <View>
          <View className="text">{`剩余 ${left} 份`}</View>
          <View className="text">{`每户限购 ${item.limitPerHousehold} 份`}</View>
          {item.householdLeft !== undefined && item.householdLeft < item.limitPerHousehold ? (
            <View className="text" id={`item-${item.itemId}-left`}>
              {item.householdLeft > 0 ? `已订过，还可再订 ${item.householdLeft} 份` : '已订满限购数量'}
            </View>
          ) : null}
          {canOrder ? (
            <Stepper
              idPrefix={`item-${item.itemId}`}
              value={q}
              canLess={q > 0}
              canMore={q < max}
              lessLabel="减少一份"
              moreLabel="增加一份"
              onStep={onChange}
            />
          ) : null}
        </View>
      )}
    </View>
  );
}
