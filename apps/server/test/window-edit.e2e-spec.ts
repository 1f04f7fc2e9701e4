import type { ItemView, MeResponse, OrderView, SupplierView, WindowView } from '@linli/shared-types';
import type { Client } from './support/test-app';
import { TestApp } from './support/test-app';

const HOUR = 3600 * 1000;

/** Staff change a window while it is open (issue 13): stock, hours, caps, buildings; residents see it at once. */
describe('editing an open window', () => {
  let t: TestApp;
  let staff: Client;
  let rice: ItemView;
  let eggs: ItemView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    const supplier = (await staff.post('/api/staff/suppliers', { name: '邻家超市' }).expect(201)).body as SupplierView;
    const item = async (name: string, limit: number): Promise<ItemView> =>
      (
        await staff
          .post('/api/staff/items', {
            kind: 'essential',
            name,
            contents: [],
            priceFen: 1000,
            limitPerHousehold: limit,
            supplierId: supplier.id,
          })
          .expect(201)
      ).body as ItemView;
    rice = await item('大米', 5);
    eggs = await item('鸡蛋', 5);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A window open now (by the test clock) for an hour, or as `extra` says. */
  async function openWindow(extra: object = {}, stock = { rice: 10, eggs: 10 }): Promise<WindowView> {
    const now = t.clock.now().getTime();
    const body = {
      title: '可修改的批次',
      mode: 'fcfs',
      paymentMode: 'cod',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + HOUR).toISOString(),
      deliveryDate: '2026-04-26',
      items: [
        { itemId: rice.id, stock: stock.rice },
        { itemId: eggs.id, stock: stock.eggs },
      ],
      ...extra,
    };
    return (await staff.post('/api/staff/windows', body).expect(201)).body as WindowView;
  }

  const order = (resident: Client, w: WindowView, quantity = 1, itemId = rice.id) =>
    resident.post('/api/orders', { windowId: w.id, lines: [{ itemId, quantity }] });

  const seen = async (who: Client, w: WindowView): Promise<WindowView> =>
    (await who.get(`/api/windows/${w.id}`).expect(200)).body as WindowView;
  const itemOf = (w: WindowView, itemId = rice.id) => w.items.find((i) => i.itemId === itemId);
  const audits = async (w: WindowView): Promise<{ action: string; details: string }[]> =>
    (await t.db.query(
      `SELECT action, details FROM audit_logs WHERE target_type = 'window' AND target_id = '${w.id}' AND action = 'window.update' ORDER BY id`,
    )) as {
      action: string;
      details: string;
    }[];

  it('topping up stock: the resident sees more left at once, and the audit log has before and after', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    await order(resident, w, 3).expect(201);
    const edited = (
      await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, stock: [{ itemId: rice.id, total: 25 }] }).expect(200)
    ).body as WindowView;
    expect(edited.version).toBe(w.version + 1);
    expect(itemOf(await seen(resident, w))).toMatchObject({ stock: 22, sold: 3 });
    expect(itemOf(await seen(resident, w), eggs.id)).toMatchObject({ stock: 10, sold: 0 });
    const [audit] = await audits(w);
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({ changes: { [`stock.${rice.id}`]: { before: 10, after: 25 } } });
  });

  it('lowering stock below what is taken is refused with the figure and changes nothing; down to it is fine', async () => {
    const w = await openWindow();
    const residents = await t.residents(2);
    for (const r of residents) await order(r, w, 2).expect(201);
    const refused = await staff
      .patch(`/api/staff/windows/${w.id}`, { version: w.version, stock: [{ itemId: rice.id, total: 3 }] })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'STOCK_BELOW_TAKEN',
      message: '大米已经订出 4 份，库存不能少于 4',
      details: { itemId: rice.id, taken: 4 },
    });
    // Refused as a whole: the eggs line sent with it did not change either.
    await staff
      .patch(`/api/staff/windows/${w.id}`, {
        version: w.version,
        stock: [
          { itemId: eggs.id, total: 50 },
          { itemId: rice.id, total: 1 },
        ],
      })
      .expect(409);
    const after = await seen(staff, w);
    expect(itemOf(after)).toMatchObject({ stock: 6, sold: 4 });
    expect(itemOf(after, eggs.id)).toMatchObject({ stock: 10 });
    expect(after.version).toBe(w.version);
    expect(await audits(w)).toHaveLength(0);

    await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, stock: [{ itemId: rice.id, total: 4 }] }).expect(200);
    const [late] = (await t.residents(1)) as [Client];
    expect((await order(late, w).expect(409)).body.code).toBe('OUT_OF_STOCK');
  });

  it('lowering stock while residents order never oversells', async () => {
    const w = await openWindow({}, { rice: 40, eggs: 10 });
    const residents = await t.residents(24);
    const rush = residents.map((r) => order(r, w));
    const edit = staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, stock: [{ itemId: rice.id, total: 12 }] });
    const [answers, edited] = await Promise.all([Promise.all(rush), edit]);
    const ordered = answers.filter((a) => a.status === 201).length;
    expect(answers.every((a) => a.status === 201 || a.body.code === 'OUT_OF_STOCK')).toBe(true);
    const item = itemOf(await seen(staff, w));
    expect(item?.sold).toBe(ordered);
    expect(item?.stock).toBeGreaterThanOrEqual(0);
    if (edited.status === 200) {
      // The new total held: never more ordered than it.
      expect(ordered).toBeLessThanOrEqual(12);
      expect((item?.stock ?? 0) + (item?.sold ?? 0)).toBe(12);
    } else {
      // Refused because more than 12 were already taken when it ran: the old total stands.
      expect(edited.body.code).toBe('STOCK_BELOW_TAKEN');
      expect((item?.stock ?? 0) + (item?.sold ?? 0)).toBe(40);
    }
    const rows = (await t.db.query(
      `SELECT COALESCE(SUM(l.quantity), 0) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.window_id = ${w.id}`,
    )) as { n: number | string }[];
    expect(Number(rows[0]?.n)).toBe(item?.sold);
  });

  it('extending the hours lets a resident order after the old close; the close cannot go into the past or before the opening', async () => {
    const w = await openWindow();
    const [resident] = (await t.residents(1)) as [Client];
    const later = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString();
    const edited = (await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, closesAt: later }).expect(200))
      .body as WindowView;
    expect((await seen(resident, w)).closesAt).toBe(later);
    t.clock.advance(2 * HOUR);
    try {
      await order(resident, w).expect(201);
      const past = await staff
        .patch(`/api/staff/windows/${w.id}`, {
          version: edited.version,
          closesAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        })
        .expect(400);
      expect(past.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { closesAt: expect.stringContaining('提前结束') } },
      });
      const before = await staff.patch(`/api/staff/windows/${w.id}`, { version: edited.version, closesAt: w.opensAt }).expect(400);
      expect(before.body.code).toBe('VALIDATION_FAILED');
      // The window opened: its opening time stays.
      const moved = await staff
        .patch(`/api/staff/windows/${w.id}`, { version: edited.version, opensAt: new Date(t.clock.now().getTime() + HOUR).toISOString() })
        .expect(409);
      expect(moved.body.code).toBe('OPENS_AT_FIXED');
      // Shortening (still in the future) closes it earlier for residents.
      const soon = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
      await staff.patch(`/api/staff/windows/${w.id}`, { version: edited.version, closesAt: soon }).expect(200);
      t.clock.advance(11 * 60_000);
      const [other] = (await t.residents(1)) as [Client];
      expect((await order(other, w).expect(409)).body.code).toBe('WINDOW_CLOSED');
      // Once ended it cannot be changed.
      const ended = await staff.patch(`/api/staff/windows/${w.id}`, { version: edited.version + 1, closesAt: later }).expect(409);
      expect(ended.body.code).toBe('WINDOW_ENDED');
    } finally {
      t.clock.advance(-(2 * HOUR + 11 * 60_000));
    }
  });

  it('a window not open yet can move its opening and take a cap; an open one only changes the cap it has', async () => {
    const now = t.clock.now().getTime();
    const upcoming = await openWindow({ opensAt: new Date(now + HOUR).toISOString(), closesAt: new Date(now + 3 * HOUR).toISOString() });
    const opensAt = new Date(now + 2 * HOUR).toISOString();
    const moved = (
      await staff
        .patch(`/api/staff/windows/${upcoming.id}`, { version: upcoming.version, opensAt, maxOrders: 5, maxOrdersPerBuilding: 2 })
        .expect(200)
    ).body as WindowView;
    expect(moved).toMatchObject({ opensAt, maxOrders: 5, maxOrdersPerBuilding: 2, orderCount: 0, phase: 'UPCOMING' });

    const open = await openWindow();
    const added = await staff.patch(`/api/staff/windows/${open.id}`, { version: open.version, maxOrders: 5 }).expect(409);
    expect(added.body.code).toBe('CAP_FIXED_ONCE_OPEN');
    const capped = await openWindow({ maxOrders: 3 });
    const removed = await staff.patch(`/api/staff/windows/${capped.id}`, { version: capped.version, maxOrders: null }).expect(409);
    expect(removed.body.code).toBe('CAP_FIXED_ONCE_OPEN');
  });

  it('the total cap: never below the orders counted; raising it reopens a full window', async () => {
    const w = await openWindow({ maxOrders: 2 });
    const [a, b, c] = (await t.residents(3)) as [Client, Client, Client];
    await order(a, w).expect(201);
    await order(b, w).expect(201);
    expect((await seen(c, w)).phase).toBe('CLOSED');
    const refused = await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, maxOrders: 1 }).expect(409);
    expect(refused.body).toMatchObject({ code: 'CAP_BELOW_COUNTED', message: '已经有 2 单，订单上限不能少于 2', details: { counted: 2 } });
    await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, maxOrders: 3 }).expect(200);
    expect(await seen(c, w)).toMatchObject({ phase: 'OPEN', maxOrders: 3, orderCount: 2 });
    await order(c, w).expect(201);
    const [d] = (await t.residents(1)) as [Client];
    expect((await order(d, w).expect(409)).body.code).toBe('WINDOW_FULL');
    const [audit] = await audits(w);
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({ changes: { maxOrders: { before: 2, after: 3 } } });
  });

  it('the per-building cap: never below the busiest building; raised, a full building orders again', async () => {
    const w = await openWindow({ maxOrdersPerBuilding: 2 });
    const residents = await t.residents(30);
    const byBuilding = new Map<number, Client[]>();
    for (const r of residents) {
      const b = ((await r.get('/api/me').expect(200)).body as MeResponse).household?.buildingId ?? 0;
      byBuilding.set(b, [...(byBuilding.get(b) ?? []), r]);
    }
    const [x, y, z] = [...byBuilding.values()].sort((p, q) => q.length - p.length)[0] as [Client, Client, Client];
    await order(x, w).expect(201);
    await order(y, w).expect(201);
    expect((await order(z, w).expect(409)).body.code).toBe('BUILDING_FULL');
    const refused = await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, maxOrdersPerBuilding: 1 }).expect(409);
    expect(refused.body).toMatchObject({ code: 'CAP_BELOW_COUNTED', details: { counted: 2 } });
    expect((await seen(staff, w)).maxOrdersPerBuilding).toBe(2);
    await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, maxOrdersPerBuilding: 3 }).expect(200);
    await order(z, w).expect(201);
  });

  it('a building no longer served keeps its orders; its households cannot order; another community’s building is refused', async () => {
    const w = await openWindow();
    const residents = await t.residents(20);
    const buildingOf = new Map<Client, number>();
    for (const r of residents) buildingOf.set(r, ((await r.get('/api/me').expect(200)).body as MeResponse).household?.buildingId ?? 0);
    const [first] = residents as [Client];
    const dropped = buildingOf.get(first) ?? 0;
    const neighbour = residents.find((r) => r !== first && buildingOf.get(r) === dropped) as Client;
    const kept = residents.find((r) => buildingOf.get(r) !== dropped) as Client;
    const placed = (await order(first, w).expect(201)).body as OrderView;
    const keptBuilding = buildingOf.get(kept) ?? 0;
    await staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, buildingIds: [keptBuilding] }).expect(200);
    expect((await first.get(`/api/orders/${placed.id}`).expect(200)).body).toMatchObject({ id: placed.id, state: placed.state });
    await neighbour.get(`/api/windows/${w.id}`).expect(404);
    expect((await order(neighbour, w).expect(403)).body.code).toBe('NOT_YOUR_ZONE');
    await order(kept, w).expect(201);
    const [audit] = await audits(w);
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({ changes: { buildingIds: { before: [], after: [keptBuilding] } } });

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('远方小区', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '远方小区'")) as { id: number }[];
    await t.db.query(`INSERT INTO buildings (community_id, name, units, zone, sort_order) VALUES (${c?.id}, '1号楼', '1单元', NULL, 0)`);
    const [far] = (await t.db.query(`SELECT id FROM buildings WHERE community_id = ${c?.id}`)) as { id: number }[];
    const edited = await seen(staff, w);
    const foreign = await staff
      .patch(`/api/staff/windows/${w.id}`, { version: edited.version, buildingIds: [Number(far?.id)] })
      .expect(404);
    expect(foreign.body.code).toBe('BUILDING_NOT_FOUND');
  });

  it('two staff editing at once: one wins, the other is told to refresh and changes nothing', async () => {
    const w = await openWindow();
    const [one, two] = await Promise.all([
      staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, stock: [{ itemId: rice.id, total: 30 }] }),
      staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, stock: [{ itemId: rice.id, total: 50 }] }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const lost = one.status === 409 ? one : two;
    expect(lost.body).toMatchObject({ code: 'WINDOW_CHANGED', message: '别人刚改过这个批次，请刷新后再改' });
    const won = one.status === 200 ? 30 : 50;
    expect(itemOf(await seen(staff, w))?.stock).toBe(won);
    expect(await audits(w)).toHaveLength(1);
    // Saving what is already there changes nothing: same version, no audit row.
    const now = await seen(staff, w);
    const same = (
      await staff
        .patch(`/api/staff/windows/${w.id}`, { version: now.version, stock: [{ itemId: rice.id, total: won }], closesAt: now.closesAt })
        .expect(200)
    ).body as WindowView;
    expect(same.version).toBe(now.version);
    expect(await audits(w)).toHaveLength(1);
  });

  it('only staff of the window’s community may edit it', async () => {
    const w = await openWindow();
    const body = { version: w.version, stock: [{ itemId: rice.id, total: 99 }] };
    expect((await (await t.login('resident')).patch(`/api/staff/windows/${w.id}`, body).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await (await t.login('volunteer')).patch(`/api/staff/windows/${w.id}`, body).expect(403)).body.code).toBe('FORBIDDEN');
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('隔壁小区', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '隔壁小区'")) as { id: number }[];
    await t.db.query("INSERT INTO users (nickname, household_id, created_at) VALUES ('隔壁社区工作人员', NULL, CURRENT_TIMESTAMP)");
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '隔壁社区工作人员'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const stranger = await t.tokenFor(Number(u?.id));
    expect((await stranger.patch(`/api/staff/windows/${w.id}`, body).expect(404)).body.code).toBe('WINDOW_NOT_FOUND');
    expect(itemOf(await seen(staff, w))?.stock).toBe(10);
  });

  it('bad input is a 400 that changes nothing: impossible dates, negative stock, an item not in the window, unknown fields', async () => {
    const w = await openWindow();
    const patch = (body: object) => staff.patch(`/api/staff/windows/${w.id}`, { version: w.version, ...body });
    const impossible = await patch({ closesAt: '2026-02-31T10:00:00+08:00' }).expect(400);
    expect(impossible.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { closesAt: expect.stringContaining('没有这一天') } },
    });
    await patch({ closesAt: '2026-13-01T10:00:00Z' }).expect(400);
    await patch({ closesAt: '2026-04-25 10:00' }).expect(400);
    const negative = await patch({ stock: [{ itemId: rice.id, total: -1 }] }).expect(400);
    expect(negative.body.details.fields['stock.0.total']).toBe('库存不能为负');
    await patch({ maxOrders: -3 }).expect(400);
    expect((await patch({ stock: [{ itemId: 987654, total: 5 }] }).expect(400)).body.code).toBe('ITEM_NOT_IN_WINDOW');
    await patch({ title: '改名' }).expect(400);
    await staff.patch(`/api/staff/windows/${w.id}`, { stock: [{ itemId: rice.id, total: 5 }] }).expect(400);
    expect(await seen(staff, w)).toMatchObject({ version: w.version, closesAt: w.closesAt });
    expect(itemOf(await seen(staff, w))?.stock).toBe(10);

    // Creating a window: an impossible day is refused too, no longer rolled into March.
    const windows = await t.count('windows');
    const now = t.clock.now().getTime();
    const base = {
      title: '日期不对',
      mode: 'fcfs',
      paymentMode: 'cod',
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + HOUR).toISOString(),
      deliveryDate: '2026-04-26',
      items: [{ itemId: rice.id, stock: 1 }],
    };
    const delivery = await staff.post('/api/staff/windows', { ...base, deliveryDate: '2026-02-31' }).expect(400);
    expect(delivery.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { deliveryDate: expect.stringContaining('日历上有的一天') } },
    });
    await staff.post('/api/staff/windows', { ...base, opensAt: '2026-02-29T08:00:00+08:00' }).expect(400);
    expect(await t.count('windows')).toBe(windows);
  });
});
