import { DomainError } from '../../common/domain-error';
import type { Offer } from '../catalog/catalog.service';
import { mergeLines } from './orders.service';

const offers: Offer[] = [
  { windowItemId: 12, itemId: 2, name: '鸡蛋', priceFen: 2500, limitPerHousehold: 3 },
  { windowItemId: 11, itemId: 1, name: '米面油套餐', priceFen: 8800, limitPerHousehold: 2 },
];

describe('mergeLines', () => {
  it('adds up repeated items and orders lines by window item (one lock order for every order)', () => {
    const merged = mergeLines(
      [
        { itemId: 2, quantity: 1 },
        { itemId: 1, quantity: 1 },
        { itemId: 2, quantity: 2 },
      ],
      offers,
    );
    expect(merged.map((l) => [l.offer.windowItemId, l.quantity])).toEqual([
      [11, 1],
      [12, 3],
    ]);
  });

  it('refuses an item the window does not offer', () => {
    expect(() => mergeLines([{ itemId: 9, quantity: 1 }], offers)).toThrow(DomainError);
    try {
      mergeLines([{ itemId: 9, quantity: 1 }], offers);
    } catch (e) {
      expect((e as DomainError).code).toBe('ITEM_NOT_IN_WINDOW');
    }
  });
});
