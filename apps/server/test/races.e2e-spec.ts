import type { BindingCodeResponse, ItemView, SupplierView, WindowView } from '@linli/shared-types';
import type request from 'supertest';
import { TestApp, type Client } from './support/test-app';

/**
 * Many people at once (issue 12): the rushes that used to deadlock on MariaDB and surface as
 * 500s. Each is raced at the size it failed at; every answer must be a success or a refusal a
 * person understands, and the books must add up.
 */
describe('races', () => {
  let t: TestApp;
  let staff: Client;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
  });
  afterAll(async () => {
    await t.close();
  });

  function statuses(answers: request.Response[]): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }

  it('150 households ordering at once in a window with a per-building cap: no 5xx, no building over its cap', async () => {
    const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
    const item = (
      await staff
        .post('/api/staff/items', {
          kind: 'essential',
          name: '鸡蛋',
          contents: [],
          priceFen: 1500,
          limitPerHousehold: 1,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    const now = t.clock.now().getTime();
    const cap = 10;
    const window = (
      await staff
        .post('/api/staff/windows', {
          title: '鸡蛋 每栋限量',
          mode: 'fcfs',
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 3600_000).toISOString(),
          deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
          maxOrdersPerBuilding: cap,
          items: [{ itemId: item.id, stock: 1000 }],
        })
        .expect(201)
    ).body as WindowView;
    const residents = await t.residents(150);
    const answers = await Promise.all(
      residents.map((r) => r.post('/api/orders', { windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] })),
    );
    const counts = statuses(answers);
    expect(Object.keys(counts).filter((s) => Number(s) >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'BUILDING_FULL')).toBe(true);
    const perBuilding = (await t.db.query(
      `SELECT h.building_id AS b, COUNT(*) AS n FROM orders o JOIN households h ON h.id = o.household_id WHERE o.window_id = ${window.id} GROUP BY h.building_id`,
    )) as { b: number; n: number | string }[];
    expect(perBuilding.every((r) => Number(r.n) <= cap)).toBe(true);
    expect(perBuilding.reduce((sum, r) => sum + Number(r.n), 0)).toBe(counts[201] ?? 0);
    const [stock] = (await t.db.query(`SELECT stock FROM window_items WHERE window_id = ${window.id}`)) as { stock: number }[];
    expect(Number(stock?.stock)).toBe(1000 - (counts[201] ?? 0));
  });

  it('20 new users binding by their own codes at once: every one is bound', async () => {
    const free = (
      (await t.db.query(
        'SELECT h.id AS id FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id DESC LIMIT 20',
      )) as { id: number }[]
    ).map((r) => Number(r.id));
    const codes: string[] = [];
    for (const id of free) {
      codes.push(((await staff.post(`/api/staff/households/${id}/binding-code`).expect(201)).body as BindingCodeResponse).code);
    }
    const people = await Promise.all(codes.map((_, i) => t.newResident(`新住户${i}`)));
    const answers = await Promise.all(
      people.map((p, i) => p.post('/api/bindings', { bindingCode: codes[i], name: `新住户${i}`, phone: `1390000${String(1000 + i)}` })),
    );
    expect(statuses(answers)).toEqual({ 201: 20 });
    const bound = (await t.db.query(`SELECT COUNT(*) AS n FROM users WHERE household_id IN (${free.join(',')})`)) as {
      n: number | string;
    }[];
    expect(Number(bound[0]?.n)).toBe(20);
  });
});
