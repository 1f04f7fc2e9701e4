import type { WindowItemView } from '@linli/shared-types';

/**
 * How many of an item one household may take: the limit less what it has ordered already
 * (`householdLeft`, when the server says), and never more than is left (`stock` is what is left).
 */
export function maxFor(item: WindowItemView): number {
  return Math.max(0, Math.min(item.limitPerHousehold, item.householdLeft ?? item.limitPerHousehold, item.stock));
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
