import type {
  ErrorBody,
  FamilyBindingView,
  ItemView,
  MedicineRequestView,
  MeResponse,
  MessagesPage,
  OrderView,
  ProxyHousehold,
  SupplierView,
  WindowView,
} from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

/**
 * Acting for a household (issue 18): a family member living elsewhere binds as 家属 with staff
 * approval and then orders and asks for medicine for it; the household's grid worker does the
 * same for the households of their grid; each act is recorded with who acted and as whom; a 家属
 * of another household, someone not yet approved, and another community are refused.
 */
describe('proxy: 家属 and grid workers act for a household', () => {
  let t: TestApp;
  let staff: Client;
  let daughter: Client;
  let daughterId: number;
  let home: { id: number; buildingId: number; unit: string; room: string };
  let neighbour: number;
  let window: WindowView;
  let item: ItemView;

  const medicine = (householdId: number) => ({
    householdId,
    urgency: 'chronic',
    items: [{ name: '二甲双胍片', spec: '0.5g×60片', quantity: 1, brand: 'usual', prescription: false }],
  });

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    const [h, n] = (await t.db.query(
      "SELECT id, building_id AS buildingId, unit, room FROM households WHERE tags LIKE '%,elderly-alone,%' ORDER BY id LIMIT 2",
    )) as { id: number; buildingId: number; unit: string; room: string }[];
    home = { id: Number(h?.id), buildingId: Number(h?.buildingId), unit: String(h?.unit), room: String(h?.room) };
    neighbour = Number(n?.id);
    daughter = await t.newResident('李女儿');
    daughterId = ((await daughter.get('/api/me').expect(200)).body as MeResponse).user.id;
    const supplier = (await staff.post('/api/staff/suppliers', { name: '合家福超市' }).expect(201)).body as SupplierView;
    item = (
      await staff
        .post('/api/staff/items', {
          kind: 'package',
          name: '蔬菜套餐',
          contents: [{ name: '青菜', quantity: '2斤' }],
          priceFen: 3900,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    const now = t.clock.now().getTime();
    window = (
      await staff
        .post('/api/staff/windows', {
          title: '今日蔬菜',
          mode: 'fcfs',
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 3_600_000).toISOString(),
          deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
          items: [{ itemId: item.id, stock: 100 }],
        })
        .expect(201)
    ).body as WindowView;
  });

  afterAll(async () => {
    await t.close();
  });

  let binding: FamilyBindingView;

  it('a family member asks by the door; until staff approve they cannot act for the household', async () => {
    binding = (
      await daughter
        .post('/api/me/family-bindings', {
          buildingId: home.buildingId,
          unit: home.unit,
          room: home.room,
          relation: '女儿',
          name: '李红',
          phone: '13900001111',
        })
        .expect(201)
    ).body as FamilyBindingView;
    expect(binding).toMatchObject({ householdId: home.id, relation: '女儿', state: 'PENDING' });
    const twice = await daughter
      .post('/api/me/family-bindings', {
        buildingId: home.buildingId,
        unit: home.unit,
        room: home.room,
        relation: '女儿',
        name: '李红',
        phone: '13900001111',
      })
      .expect(409);
    expect((twice.body as ErrorBody).code).toBe('FAMILY_PENDING');
    const early = await daughter
      .post('/api/proxy/orders', { householdId: home.id, windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] })
      .expect(403);
    expect((early.body as ErrorBody).code).toBe('NOT_PROXY');
    const pending = (await staff.get('/api/staff/family-bindings?state=PENDING').expect(200)).body as FamilyBindingView[];
    expect(pending.map((b) => b.id)).toContain(binding.id);
  });

  it('staff approve; the family member and the household are told; the household is on my list', async () => {
    const [member] = await t.residents(1, home.id);
    const approved = (await staff.post(`/api/staff/family-bindings/${binding.id}/approve`).expect(200)).body as FamilyBindingView;
    expect(approved.state).toBe('APPROVED');
    await staff.post(`/api/staff/family-bindings/${binding.id}/approve`).expect(409);
    const told = ((await daughter.get('/api/messages').expect(200)).body as MessagesPage).items.find((m) => m.kind === 'family.approved');
    expect(told?.body).toContain('家属');
    const household = ((await (member as Client).get('/api/messages').expect(200)).body as MessagesPage).items.find(
      (m) => m.kind === 'family.bound',
    );
    expect(household?.body).toContain('李红（女儿）');
    const mine = (await daughter.get('/api/me/proxy-households').expect(200)).body as ProxyHousehold[];
    expect(mine).toEqual([expect.objectContaining({ householdId: home.id, as: 'family', asLabel: '家属' })]);
  });

  it('the 家属 orders and asks for medicine for the household, recorded as proxy with who acted', async () => {
    const order = (
      await daughter
        .post('/api/proxy/orders', { householdId: home.id, windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] })
        .expect(201)
    ).body as OrderView;
    expect(order).toMatchObject({ householdId: home.id, placedBy: { userId: daughterId, proxy: true } });
    const [row] = (await t.db.query(`SELECT placed_by AS placedBy, proxy FROM orders WHERE id = ${order.id}`)) as {
      placedBy: number;
      proxy: number;
    }[];
    expect(Number(row?.placedBy)).toBe(daughterId);
    const audit = (await t.db.query(
      `SELECT actor_user_id AS who, details FROM audit_logs WHERE action = 'order.proxy' AND target_id = '${order.id}'`,
    )) as {
      who: number;
      details: string;
    }[];
    expect(audit.map((a) => [Number(a.who), JSON.parse(a.details) as unknown])).toEqual([
      [daughterId, { householdId: home.id, as: 'family' }],
    ]);

    const request = (await daughter.post('/api/proxy/medicine-requests', medicine(home.id)).expect(201)).body as MedicineRequestView;
    expect(request).toMatchObject({ householdId: home.id, state: 'SUBMITTED' });
    // The 家属 follows it like the household: it opens, with the household's buttons.
    const seen = (await daughter.get(`/api/medicine-requests/${request.id}`).expect(200)).body as MedicineRequestView;
    expect(seen.actions).toContain('CANCELLED');
    const medAudit = (await t.db.query(
      `SELECT actor_user_id AS who, details FROM audit_logs WHERE action = 'medicine.proxy' AND target_id = '${request.id}'`,
    )) as {
      who: number;
      details: string;
    }[];
    expect(medAudit.map((a) => [Number(a.who), JSON.parse(a.details) as unknown])).toEqual([[daughterId, { as: 'family' }]]);
  });

  it('a 家属 of one household cannot act for another, nor read its requests', async () => {
    const other = await daughter
      .post('/api/proxy/orders', { householdId: neighbour, windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] })
      .expect(403);
    expect((other.body as ErrorBody).code).toBe('NOT_PROXY');
    await daughter.post('/api/proxy/medicine-requests', medicine(neighbour)).expect(403);
    const [theirs] = await t.residents(1, neighbour);
    const request = (
      await (theirs as Client).post('/api/medicine-requests', { urgency: 'normal', items: medicine(neighbour).items }).expect(201)
    ).body as MedicineRequestView;
    await daughter.get(`/api/medicine-requests/${request.id}`).expect(404);
    await daughter.post('/api/me/family-bindings/999999/cancel').expect(404);
  });

  it("the household's grid worker acts for the households of their grid, not for others", async () => {
    const worker = await t.login('volunteer');
    const workerId = ((await worker.get('/api/me').expect(200)).body as MeResponse).user.id;
    await staff.put('/api/staff/help/teams', { buildingId: home.buildingId, role: 'grid_worker', userId: workerId }).expect(200);
    const request = (await worker.post('/api/proxy/medicine-requests', medicine(home.id)).expect(201)).body as MedicineRequestView;
    expect(request.householdId).toBe(home.id);
    const [elsewhere] = (await t.db.query(`SELECT id FROM households WHERE building_id <> ${home.buildingId} ORDER BY id LIMIT 1`)) as {
      id: number;
    }[];
    expect(((await worker.post('/api/proxy/medicine-requests', medicine(Number(elsewhere?.id))).expect(403)).body as ErrorBody).code).toBe(
      'NOT_PROXY',
    );
    const list = (await worker.get('/api/me/proxy-households').expect(200)).body as ProxyHousehold[];
    expect(list.some((h) => h.householdId === home.id && h.as === 'grid_worker')).toBe(true);
  });

  it('staff revoke; the 家属 can no longer act; refusals change nothing', async () => {
    await staff.post(`/api/staff/family-bindings/${binding.id}/revoke`).expect(200);
    await daughter
      .post('/api/proxy/orders', { householdId: home.id, windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] })
      .expect(403);
    // After it ended, asking again is allowed (and staff may reject with a reason).
    const again = (
      await daughter
        .post('/api/me/family-bindings', {
          buildingId: home.buildingId,
          unit: home.unit,
          room: home.room,
          relation: '女儿',
          name: '李红',
          phone: '13900001111',
        })
        .expect(201)
    ).body as FamilyBindingView;
    const rejected = (await staff.post(`/api/staff/family-bindings/${again.id}/reject`, { reason: '电话核实不是家属' }).expect(200))
      .body as FamilyBindingView;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectReason: '电话核实不是家属' });
    const before = await t.count('family_bindings');
    for (const body of [
      { buildingId: home.buildingId, unit: home.unit, room: home.room, relation: '', name: '李红', phone: '13900001111' },
      { buildingId: home.buildingId, unit: home.unit, room: home.room, relation: '女儿', name: '李红', phone: '123' },
      { buildingId: 'x', unit: home.unit, room: home.room, relation: '女儿', name: '李红', phone: '13900001111' },
      { buildingId: home.buildingId, unit: home.unit, room: home.room, relation: '女儿', name: '李红', phone: '13900001111', extra: 1 },
    ]) {
      expect(((await daughter.post('/api/me/family-bindings', body).expect(400)).body as ErrorBody).code).toBe('VALIDATION_FAILED');
    }
    expect(
      (
        (
          await daughter
            .post('/api/me/family-bindings', {
              buildingId: home.buildingId,
              unit: home.unit,
              room: '9999',
              relation: '女儿',
              name: '李红',
              phone: '13900001111',
            })
            .expect(404)
        ).body as ErrorBody
      ).code,
    ).toBe('HOUSEHOLD_NOT_FOUND');
    const resident = await t.login('resident');
    const own = ((await resident.get('/api/me').expect(200)).body as MeResponse).household;
    const [door] = (await t.db.query(`SELECT building_id AS b, unit, room FROM households WHERE id = ${Number(own?.id)}`)) as {
      b: number;
      unit: string;
      room: string;
    }[];
    expect(
      (
        (
          await resident
            .post('/api/me/family-bindings', {
              buildingId: Number(door?.b),
              unit: door?.unit,
              room: door?.room,
              relation: '本人',
              name: '王秀兰',
              phone: '13900002222',
            })
            .expect(409)
        ).body as ErrorBody
      ).code,
    ).toBe('FAMILY_OWN_HOUSEHOLD');
    expect(await t.count('family_bindings')).toBe(before);
    // Residents and volunteers do not decide.
    await resident.get('/api/staff/family-bindings').expect(403);
    await resident.post(`/api/staff/family-bindings/${again.id}/approve`).expect(403);
  });

  it('another community: its staff neither see the bindings nor act for the household', async () => {
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const other = await t.tokenFor(Number(u?.id));
    expect((await other.get('/api/staff/family-bindings').expect(200)).body).toEqual([]);
    await other.post(`/api/staff/family-bindings/${binding.id}/approve`).expect(404);
    expect(
      (
        (
          await other
            .post('/api/proxy/orders', { householdId: home.id, windowId: window.id, lines: [{ itemId: item.id, quantity: 1 }] })
            .expect(404)
        ).body as ErrorBody
      ).code,
    ).toBe('HOUSEHOLD_NOT_FOUND');
  });
});
