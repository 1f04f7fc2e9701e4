import type { AllocationView, ItemView, MeResponse, OrderView, RegistrationView, SupplierView, WindowView } from '@linli/shared-types';
import { createHash } from 'node:crypto';
import { allocate, type Entry } from '../src/modules/orders/lottery';
import type { Client } from './support/test-app';
import { TestApp } from './support/test-app';

const HOUR = 3600 * 1000;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

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
    const result = (await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(200)).body as AllocationView;
    expect(result).toMatchObject({ seedHash: w.seedHash, households: 8, winners: 5 });
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

    expect((await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(409)).body.code).toBe('ALREADY_ALLOCATED');
    expect(((await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView).items[0]?.stock).toBe(0);
  });

  it('the seed is committed when the window is created: only its SHA-256 shows until the draw, and staff cannot choose it', async () => {
    const createdAt = t.clock.now().toISOString();
    const w = await fairWindow(3);
    t.clock.advance(60_000);
    try {
      await commitment(w, createdAt);
    } finally {
      t.clock.advance(-60_000);
    }
  });

  async function commitment(w: WindowView, createdAt: string): Promise<void> {
    expect(w.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(w.allocationSeed).toBeNull();
    // Residents see the hash, never the seed, while they register; so do staff.
    const seen = (await (residents[0] as Client).get(`/api/windows/${w.id}`).expect(200)).body as WindowView;
    expect(seen).toMatchObject({ seedHash: w.seedHash, allocationSeed: null });
    expect((await staff.get('/api/staff/windows').expect(200)).body as WindowView[]).toContainEqual(
      expect.objectContaining({ id: w.id, seedHash: w.seedHash, allocationSeed: null }),
    );
    // Another window gets a seed of its own.
    expect((await fairWindow(1)).seedHash).not.toBe(w.seedHash);
    await registerAll(w);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);

    // A seed chosen now, with the registrations known, is refused and nothing is drawn.
    const refused = await staff.post(`/api/staff/windows/${w.id}/allocate`, { seed: 'picked after registration' }).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(await t.count(`registrations WHERE window_id = ${w.id} AND state <> 'REGISTERED'`)).toBe(0);

    const result = (await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(200)).body as AllocationView;
    expect(result.seedHash).toBe(w.seedHash);
    expect(sha256(result.seed)).toBe(w.seedHash);
    expect(result.seedHashPublishedAt).toBe(createdAt);
    expect(Date.parse(result.seedHashPublishedAt ?? '')).toBeLessThan(Date.parse(result.allocatedAt));
    const published = (await (residents[0] as Client).get(`/api/windows/${w.id}/allocation`).expect(200)).body as AllocationView;
    expect(published).toMatchObject({ seed: result.seed, seedHash: w.seedHash });
    expect(((await (residents[0] as Client).get(`/api/windows/${w.id}`).expect(200)).body as WindowView).allocationSeed).toBe(result.seed);

    // Anyone with the seed and the registrations gets the same draw (the published method).
    const rows = (await t.db.query(
      `SELECT household_id, priority, requested, draw_position FROM registrations WHERE window_id = ${w.id}`,
    )) as {
      household_id: number;
      priority: number | boolean;
      requested: string;
      draw_position: number;
    }[];
    const entries: Entry[] = rows.map((r) => ({
      householdId: Number(r.household_id),
      priority: Boolean(Number(r.priority)),
      wants: new Map((JSON.parse(r.requested) as { itemId: number; quantity: number }[]).map((u) => [u.itemId, u.quantity])),
    }));
    const again = allocate(entries, new Map([[item.id, 3]]), result.seed);
    const byPosition = [...rows].sort((a, b) => Number(a.draw_position) - Number(b.draw_position)).map((r) => Number(r.household_id));
    expect(again.order).toEqual(byPosition);
  }

  it('the published draw shows a household only its own priority; staff see every one', async () => {
    const w = await fairWindow(3);
    await registerAll(w);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);
    const staffView = (await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(200)).body as AllocationView;
    expect(staffView.draw.map((d) => d.priority)).toEqual([true, false, false, false, false, false, false, false]);

    // A neighbour sees the order and the method, and no household's priority but its own.
    const neighbour = (await (residents[0] as Client).get(`/api/windows/${w.id}/allocation`).expect(200)).body as AllocationView;
    expect(neighbour.draw).toHaveLength(8);
    expect(neighbour.method).toContain('SHA-256');
    expect(JSON.stringify(neighbour)).not.toContain('"priority":true');
    const others = neighbour.draw.filter((d) => !d.mine);
    expect(others).toHaveLength(7);
    expect(others.every((d) => d.priority === null)).toBe(true);
    expect(neighbour.draw.find((d) => d.mine)?.priority).toBe(false);

    // The vulnerable household sees its own flag, on its own row only.
    const own = (await (residents[7] as Client).get(`/api/windows/${w.id}/allocation`).expect(200)).body as AllocationView;
    expect(own.draw.find((d) => d.mine)).toMatchObject({ position: 1, priority: true });
    expect(own.draw.filter((d) => !d.mine).every((d) => d.priority === null)).toBe(true);
  });

  it('a second round draws what cancelled winners gave back for the households that lost, in the first round order, once', async () => {
    const w = await fairWindow(4);
    expect((await staff.post(`/api/staff/windows/${w.id}/second-round`).expect(404)).body.code).toBe('NOT_ALLOCATED');
    await registerAll(w);
    await staff.post(`/api/staff/windows/${w.id}/status`, { status: 'CLOSED' }).expect(200);
    const first = (await staff.post(`/api/staff/windows/${w.id}/allocate`, {}).expect(200)).body as AllocationView;
    expect(first).toMatchObject({ winners: 4, payBy: null, secondRound: null });
    const mine = async (r: Client): Promise<RegistrationView> =>
      (await r.get(`/api/windows/${w.id}/registration`).expect(200)).body as RegistrationView;
    const before = await Promise.all(residents.map(mine));
    expect(before.map((r) => r.state).filter((s) => s === 'LOST')).toHaveLength(4);
    // Nothing has come back yet: there is nothing to draw, and the round is not used up.
    expect((await staff.post(`/api/staff/windows/${w.id}/second-round`).expect(409)).body.code).toBe('NOTHING_TO_DRAW');

    // The priority household (first in the draw, one unit) gives its unit back.
    const cancelled = before[7] as RegistrationView;
    expect(cancelled).toMatchObject({ state: 'WON', round: 1 });
    await (residents[7] as Client).post(`/api/orders/${cancelled.orderId}/cancel`).expect(200);
    expect(((await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView).items[0]?.stock).toBe(1);

    // Two staff press 「第二轮分配」 at once: the round is claimed once.
    const both = await Promise.all([
      staff.post(`/api/staff/windows/${w.id}/second-round`),
      staff.post(`/api/staff/windows/${w.id}/second-round`),
    ]);
    expect(both.map((res) => res.status).sort()).toEqual([200, 409]);
    expect(both.find((res) => res.status === 409)?.body.code).toBe('SECOND_ROUND_DONE');
    const second = both.find((res) => res.status === 200)?.body as AllocationView;
    const round = second.secondRound;
    expect(round).toMatchObject({ round: 2, winners: 1, payBy: null });
    expect(round?.items).toEqual([{ itemId: item.id, name: '肉蛋奶套餐', stock: 1, requested: expect.any(Number), allocated: 1 }]);
    // Drawn again: the households that lost and those that got part; not the ones that won in full, nor the one that gave up its win.
    const eligible = before.filter((r) => r.state === 'LOST' || r.state === 'PARTIAL');
    expect(round?.draw).toHaveLength(eligible.length);
    // The unit goes to the first household that lost, in the first round's order: a household
    // holding a unit already waits until every loser has one.
    expect(round?.draw.filter((d) => d.allocated > 0)).toHaveLength(1);
    const firstLoser = first.draw.find((d) => d.allocated === 0);
    expect(round?.draw.find((d) => d.allocated > 0)?.door).toBe(firstLoser?.door);

    const after = await Promise.all(residents.map(mine));
    const lucky = after.filter((r) => r.wins.some((win) => win.round === 2));
    expect(lucky).toHaveLength(1);
    expect(lucky[0]).toMatchObject({
      round: 2,
      wins: [{ round: 2, allocated: [{ itemId: item.id, quantity: 1 }], orderState: 'CONFIRMED', payBy: null }],
    });
    expect(['WON', 'PARTIAL']).toContain(lucky[0]?.state);
    const order = (await staff.get(`/api/orders/${lucky[0]?.wins[0]?.orderId}`).expect(200)).body as OrderView;
    expect(order).toMatchObject({ state: 'CONFIRMED', householdId: lucky[0]?.householdId, lines: [{ quantity: 1 }] });
    expect(after[7]).toMatchObject({ state: 'WON', round: 1, wins: [{ round: 1, orderState: 'CANCELLED' }] });
    expect(((await staff.get(`/api/windows/${w.id}`).expect(200)).body as WindowView).items[0]?.stock).toBe(0);

    // Residents see the second round too, doors masked and priorities hidden.
    const published = (await (residents[0] as Client).get(`/api/windows/${w.id}/allocation`).expect(200)).body as AllocationView;
    expect(published.secondRound?.draw.every((d) => /\*\*\d{2}$/.test(d.door) && (d.mine || d.priority === null))).toBe(true);

    // A round is drawn once.
    expect((await staff.post(`/api/staff/windows/${w.id}/second-round`).expect(409)).body.code).toBe('SECOND_ROUND_DONE');
    expect(await t.count(`orders WHERE window_id = ${w.id}`)).toBe(5);
  });
});
