import type { AllocationView, ItemView, MeResponse, OrderView, RegistrationView, SupplierView, WindowView } from '@linli/shared-types';
import type { Client } from './support/test-app';
import { TestApp } from './support/test-app';

const HOUR = 3600 * 1000;

/** Fair share: register while open, a seeded and published lottery at close. */
describe('fair-share windows', () => {
  let t: TestApp;
  let staff: Client;
  let item: ItemView;
  let residents: Client[];
  let priorityHousehold: number;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    const supplier = (await staff.post('/api/staff/suppliers', { name: '永辉超市' }).expect(201)).body as SupplierView;
    item = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '肉蛋奶套餐',
          contents: [{ name: '猪肉', quantity: '2斤' }],
          priceFen: 12800,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    residents = await t.residents(8);
    const me = (await (residents[7] as Client).get('/api/me').expect(200)).body as MeResponse;
    priorityHousehold = me.household?.id ?? 0;
    await t.db.query(`UPDATE households SET tags = ',dialysis,' WHERE id = ${priorityHousehold}`);
    await t.db.query(
      `UPDATE households SET tags = '' WHERE id IN (SELECT household_id FROM users WHERE household_id IS NOT NULL AND household_id <> ${priorityHousehold})`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  async function fairWindow(stock: number): Promise<WindowView> {
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/windows', {
          title: '肉蛋奶 公平分配',
          mode: 'fair',
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + HOUR).toISOString(),
          deliveryDate: '2022-04-28',
          items: [{ itemId: item.id, stock }],
        })
        .expect(201)
    ).body as WindowView;
  }

  async function registerAll(w: WindowView): Promise<void> {
    for (const [i, r] of residents.entries()) {
      const reg = (
        await r.put(`/api/windows/${w.id}/registration`, { lines: [{ itemId: item.id, quantity: i % 2 === 0 ? 2 : 1 }] }).expect(200)
      ).body as RegistrationView;
      expect(reg.state).toBe('REGISTERED');
    }
  }

  it('households register instead of ordering; the draw waits for the close', async () => {
    const w = await fairWindow(5);
    const r = residents[0] as Client;
    expect((await r.post('/api/orders', { windowId: w.id, lines: [{ itemId: item.id, quantity: 1 }] }).expect(409)).body).toMatchObject({
      code: 'WINDOW_IS_FAIR_SHARE',
      message: '本批次需要先登记，截止后按抽签分配',
    });
    expect((await r.put(`/api/windows/${w.id}/registration`, { lines: [{ itemId: item.id, quantity: 3 }] }).expect(409)).body.code).toBe(
      'HOUSEHOLD_LIMIT',
    );
    await registerAll(w);
    // Changing the wish replaces it; withdrawing and registering again works while open.
    await r.put(`/api/windows/${w.id}/registration`, { lines: [{ itemId: item.id, quantity: 1 }] }).expect(200);
    expect(((await r.post(`/api/windows/${w.id}/registration/withdraw`).expect(200)).body as RegistrationView).state).toBe('WITHDRAWN');
    await r.put(`/api/windows/${w.id}/registration`, { lines: [{ itemId: item.id, quantity: 2 }] }).expect(200);
    expect((await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(409)).body.code).toBe('WINDOW_STILL_OPEN');
    expect((await r.get(`/api/windows/${w.id}/allocation`).expect(404)).body.code).toBe('NOT_ALLOCATED');
    expect((await (residents[1] as Client).post('/api/staff/windows/' + w.id + '/allocate', {}).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('the draw never exceeds stock, serves priority households first, makes orders for winners, and runs once', async () => {
    const w = await fairWindow(5);
    await registerAll(w);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);
    const result = (await staff.post(`/api/staff/windows/${w.id}/allocate`, { seed: '2022-04-25 滨湖和园 肉蛋奶' }).expect(200))
      .body as AllocationView;
    expect(result).toMatchObject({ seed: '2022-04-25 滨湖和园 肉蛋奶', households: 8, winners: 5 });
    expect(result.items).toEqual([{ itemId: item.id, name: '肉蛋奶套餐', stock: 5, requested: 12, allocated: 5 }]);
    expect(result.draw[0]?.priority).toBe(true);
    expect(result.draw.filter((d) => d.allocated > 0).map((d) => d.allocated)).toEqual([1, 1, 1, 1, 1]);
    expect(result.method).toContain('SHA-256');

    const view = (await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView;
    expect(view.items[0]?.stock).toBe(0);
    const orders = (await t.db.query(`SELECT household_id, state, total_fen FROM orders WHERE window_id = ${w.id}`)) as {
      household_id: number;
      state: string;
      total_fen: number;
    }[];
    expect(orders).toHaveLength(5);
    expect(orders.every((o) => o.state === 'CONFIRMED' && Number(o.total_fen) === 12800)).toBe(true);
    expect(orders.map((o) => Number(o.household_id))).toContain(priorityHousehold);

    const mine = (await (residents[7] as Client).get(`/api/windows/${w.id}/registration`).expect(200)).body as RegistrationView;
    expect(mine).toMatchObject({ state: 'WON', priority: true, allocated: [{ itemId: item.id, name: '肉蛋奶套餐', quantity: 1 }] });
    const order = (await (residents[7] as Client).get(`/api/orders/${mine.orderId}`).expect(200)).body as OrderView;
    expect(order.lines[0]).toMatchObject({ quantity: 1, unitPriceFen: 12800 });

    const states = await Promise.all(
      residents.map(async (r) => ((await r.get(`/api/windows/${w.id}/registration`).expect(200)).body as RegistrationView).state),
    );
    expect(states.filter((s) => s === 'LOST')).toHaveLength(3);

    // Residents see the published draw with masked doors.
    const published = (await (residents[0] as Client).get(`/api/windows/${w.id}/allocation`).expect(200)).body as AllocationView;
    expect(published.seed).toBe(result.seed);
    expect(published.draw.every((d) => /\*\*\d{2}$/.test(d.door))).toBe(true);
    expect(result.draw.every((d) => !d.door.includes('*'))).toBe(true);

    expect((await staff.post(`/api/staff/windows/${w.id}/allocate`, { seed: 'again' }).expect(409)).body.code).toBe('ALREADY_ALLOCATED');
    expect(((await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView).items[0]?.stock).toBe(0);
  });

  it('the same seed gives the same draw', async () => {
    const draws: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const w = await fairWindow(3);
      await registerAll(w);
      t.clock.advance(2 * HOUR);
      try {
        const result = (await staff.post(`/api/staff/windows/${w.id}/allocate`, { seed: 'same seed' }).expect(200)).body as AllocationView;
        draws.push(result.draw.map((d) => `${d.door}:${d.allocated}`));
      } finally {
        t.clock.advance(-2 * HOUR);
      }
    }
    expect(draws[1]).toEqual(draws[0]);
  });
});
