import type { Door } from '../community/households.service';
import { buildPickLists } from './pick-lists';

const door = (building: string, unit: string, room: string): Door => ({
  address: `滨湖和园 ${building}${unit}${room}`,
  buildingId: 0,
  building,
  unit,
  room,
  contactPhone: null,
});

describe('buildPickLists', () => {
  const doors = new Map<number, Door>([
    [1, door('10栋', '1单元', '1201')],
    [2, door('2栋', '2单元', '301')],
    [3, door('2栋', '1单元', '1101')],
    [4, door('2栋', '1单元', '201')],
  ]);
  const suppliers = new Map([
    [11, '合家福超市'],
    [12, '合家福超市'],
    [13, '永辉超市'],
  ]);
  const lists = buildPickLists(
    [
      { id: 100, householdId: 1, note: null, lines: [{ itemId: 11, name: '米面油套餐', quantity: 1 }] },
      {
        id: 101,
        householdId: 2,
        note: '放门口',
        lines: [
          { itemId: 11, name: '米面油套餐', quantity: 2 },
          { itemId: 13, name: '蔬菜包', quantity: 1 },
        ],
      },
      { id: 102, householdId: 3, note: null, lines: [{ itemId: 12, name: '鸡蛋', quantity: 1 }] },
      { id: 103, householdId: 2, note: null, lines: [{ itemId: 12, name: '鸡蛋', quantity: 3 }] },
      { id: 104, householdId: 4, note: null, lines: [{ itemId: 13, name: '蔬菜包', quantity: 1 }] },
    ],
    doors,
    suppliers,
  );

  it('totals each supplier’s items', () => {
    expect(lists.bySupplier).toEqual([
      {
        supplier: '合家福超市',
        items: [
          { itemId: 11, name: '米面油套餐', quantity: 3 },
          { itemId: 12, name: '鸡蛋', quantity: 4 },
        ],
      },
      { supplier: '永辉超市', items: [{ itemId: 13, name: '蔬菜包', quantity: 2 }] },
    ]);
    expect(lists.orders).toBe(5);
  });

  it('lists buildings in number order, doors in unit and room order, one entry per household', () => {
    expect(lists.byBuilding.map((b) => b.building)).toEqual(['2栋', '10栋']);
    const b2 = lists.byBuilding[0];
    expect(b2?.households.map((h) => h.door)).toEqual(['2栋1单元201', '2栋1单元1101', '2栋2单元301']);
    expect(b2?.households[2]).toMatchObject({
      orders: [101, 103],
      notes: ['放门口'],
      items: [
        { name: '米面油套餐', quantity: 2 },
        { name: '蔬菜包', quantity: 1 },
        { name: '鸡蛋', quantity: 3 },
      ],
    });
    expect(b2?.items).toEqual([
      { name: '米面油套餐', quantity: 2 },
      { name: '蔬菜包', quantity: 2 },
      { name: '鸡蛋', quantity: 4 },
    ]);
  });
});
