import { describe, expect, it } from '@jest/globals';
import type { WindowItemView } from '@linli/shared-types';
import { basketLines, basketTotal, maxFor, stepBasket } from './basket';

const item = (itemId: number, priceFen: number, stock: number, limitPerHousehold: number) =>
  ({ itemId, priceFen, stock, limitPerHousehold }) as WindowItemView;

const rice = item(1, 4000, 10, 2);
const oil = item(2, 6550, 1, 3);

describe('basket', () => {
  it('lets a household take up to its limit, and never more than is left', () => {
    expect(maxFor(rice)).toBe(2);
    expect(maxFor(oil)).toBe(1);
    expect(maxFor(item(3, 100, -1, 2))).toBe(0);
  });

  it('counts what the household has ordered already when the server says what it may still take', () => {
    expect(maxFor({ ...rice, householdLeft: 1 })).toBe(1);
    expect(maxFor({ ...rice, householdLeft: 0 })).toBe(0);
    expect(maxFor({ ...oil, householdLeft: 3 })).toBe(1);
  });

  it('steps within 0 and the most allowed', () => {
    let basket = stepBasket({}, rice, 1);
    basket = stepBasket(basket, rice, 1);
    basket = stepBasket(basket, rice, 1);
    expect(basket).toEqual({ 1: 2 });
    expect(stepBasket({ 1: 0 }, rice, -1)).toEqual({ 1: 0 });
  });

  it('orders the items with a quantity, in the window\u2019s order, and adds up their price in fen', () => {
    const basket = { 2: 1, 1: 2, 9: 0 };
    expect(basketLines([rice, oil], basket)).toEqual([
      { itemId: 1, quantity: 2 },
      { itemId: 2, quantity: 1 },
    ]);
    expect(basketTotal([rice, oil], basket)).toBe(2 * 4000 + 6550);
    expect(basketLines([rice, oil], {})).toEqual([]);
  });
});
