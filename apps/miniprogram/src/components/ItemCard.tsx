import { View } from '@tarojs/components';
import { formatFen, ITEM_KIND_LABELS, type WindowItemView } from '@linli/shared-types';

/** How many of an item one household may take: the limit, and never more than is left (`stock` is what is left). */
export function maxFor(item: WindowItemView): number {
  return Math.max(0, Math.min(item.limitPerHousehold, item.stock));
}

/** Quantities chosen per item id: what the −/+ steppers hold. */
export type Basket = Record<number, number>;

/** One step of a stepper: never below 0 nor above what the household may take. */
export function stepBasket(basket: Basket, item: WindowItemView, delta: number): Basket {
  return { ...basket, [item.itemId]: Math.max(0, Math.min(maxFor(item), (basket[item.itemId] ?? 0) + delta)) };
}

/** The order (or registration) lines of a basket: items with a quantity. */
export function basketLines(items: WindowItemView[], basket: Basket): { itemId: number; quantity: number }[] {
  return items
    .filter((item) => (basket[item.itemId] ?? 0) > 0)
    .map((item) => ({ itemId: item.itemId, quantity: basket[item.itemId] ?? 0 }));
}

/** For display only: the server works out the real total. */
export function basketTotal(items: WindowItemView[], basket: Basket): number {
  return items.reduce((sum, item) => sum + item.priceFen * (basket[item.itemId] ?? 0), 0);
}

interface ItemCardProps {
  item: WindowItemView;
  quantity: number;
  /** Shows the − / + stepper (only while the window takes orders). */
  canOrder: boolean;
  onChange: (delta: number) => void;
}

/**
 * One item of a window as a big card: name, contents, price, what is left and the limit,
 * with a − / + stepper. Styles in pages/ordering.css. Ids: item-{id}, item-{id}-minus / -plus / -quantity.
 */
export function ItemCard({ item, quantity: q, canOrder, onChange }: ItemCardProps) {
  const left = Math.max(0, item.stock);
  const soldOut = left === 0;
  const max = maxFor(item);
  return (
    <View id={`item-${item.itemId}`} className={soldOut ? 'card item-card item-card--soldout' : 'card item-card'}>
      <View className="row window-card__head">
        <View className="item-card__name window-card__title">{item.name}</View>
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
          {canOrder ? (
            <View className="stepper">
              <View
                id={`item-${item.itemId}-minus`}
                role="button"
                aria-label="减少一份"
                className={q > 0 ? 'stepper__button' : 'stepper__button stepper__button--disabled'}
                onClick={() => onChange(-1)}
              >
                −
              </View>
              <View id={`item-${item.itemId}-quantity`} className="stepper__value">
                {q}
              </View>
              <View
                id={`item-${item.itemId}-plus`}
                role="button"
                aria-label="增加一份"
                className={q < max ? 'stepper__button' : 'stepper__button stepper__button--disabled'}
                onClick={() => onChange(1)}
              >
                +
              </View>
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
