import type {
  ClassSignupsView,
  ClassView,
  ErrorBody,
  FamilyBindingView,
  ItemView,
  MeResponse,
  MessagesPage,
  OrderView,
  RegistrationView,
  StaffClassView,
  SupplierView,
  WindowView,
} from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3_600_000;

/**
 * Acting for a household in every flow (issue 18): a 家属 sees the household's own windows and
 * orders from them, registers it for a fair-share window and withdraws, signs it up for a class
 * and gives the place back; a grid worker does the same; each act is recorded with who acted and
 * as whom (what staff see), and the household is told. Anyone else is refused and nothing changes.
 */
describe('proxy flows: ordering, fair-share registration and classes for a household', () => {
  let t: TestApp;
  let staff: Client;
  let daughter: Client;
  let daughterId: number;
  let member: Client;
  let home: { id: number; buildingId: number; unit: string; room: string };
  let fcfs: WindowView;
  let fair: WindowView;
  let item: ItemView;
  let cls: StaffClassView;

  /** A family binding asked by `who` for the household, approved by staff. */
  async function bind(who: Client, h: { buildingId: number; unit: string; room: string }): Promise<void> {
    const binding = (
      await who
        .post('/api/me/family-bindings', {
          buildingId: h.buildingId,
          unit: h.unit,
          room: h.room,
          relation: '女儿',
          name: '李红',
          phone: '13900001111',
        })
        .expect(201)
    ).body as FamilyBindingView;
    await staff.post(`/api/staff/family-bindings/${binding.id}/approve`).expect(200);
  }

  async function window(mode: 'fcfs' | 'fair', title: string): Promise<WindowView> {
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/windows', {
          title,
          mode,
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + HOUR).toISOString(),
          deliveryDate: new Date(now + 24 * HOUR).toISOString().slice(0, 10),
          items: [{ itemId: item.id, stock: 100 }],
        })
        .expect(201)
    ).body as WindowView;
  }

  const proxyMessages = async (): Promise<string[]> =>
    ((await member.get('/api/messages').expect(200)).body as MessagesPage).items.filter((m) => m.kind === 'proxy.acted').map((m) => m.body);

  const rows = async (): Promise<number[]> => [
    await t.count('orders'),
    await t.count('registrations'),
    await t.count('class_signups'),
    await t.count('messages'),
  ];

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    const [h] = (await t.db.query(
      `SELECT h.id, h.building_id AS buildingId, h.unit, h.room FROM households h
        WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT 1`,
    )) as { id: number; buildingId: number; unit: string; room: string }[];
    home = { id: Number(h?.id), buildingId: Number(h?.buildingId), unit: String(h?.unit), room: String(h?.room) };
    [member] = (await t.residents(1, home.id)) as [Client];
    daughter = await t.newResident('李女儿');
    daughterId = ((await daughter.get('/api/me').expect(200)).body as MeResponse).user.id;
    await bind(daughter, home);
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
    fcfs = await window('fcfs', '今日蔬菜');
    fair = await window('fair', '肉蛋奶 公平分配');
    cls = (
      await staff
        .post('/api/staff/classes', {
          kind: 'yoga',
          title: '居家瑜伽',
          teacher: '李老师',
          startsAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(),
          minutes: 45,
          capacity: 5,
          liveUrl: 'https://meeting.tencent.com/dm/abc123',
        })
        .expect(201)
    ).body as StaffClassView;
  });

  afterAll(async () => {
    await t.close();
  });

  it("the 家属 sees the household's windows as the household does, orders, and the household's limit left goes down", async () => {
    const list = (await daughter.get(`/api/proxy/households/${home.id}/windows`).expect(200)).body as WindowView[];
    const shown = list.find((w) => w.id === fcfs.id);
    expect(shown?.items[0]).toMatchObject({
      itemId: item.id,
      name: '蔬菜套餐',
      priceFen: 3900,
      limitPerHousehold: 2,
      stock: 100,
      householdLeft: 2,
    });
    expect(list.some((w) => w.id === fair.id)).toBe(true);
    const order = (
      await daughter
        .post('/api/proxy/orders', { householdId: home.id, windowId: fcfs.id, lines: [{ itemId: item.id, quantity: 1 }] })
        .expect(201)
    ).body as OrderView;
    expect(order).toMatchObject({ householdId: home.id, placedBy: { userId: daughterId, proxy: true } });
    // What staff see of it: placed by the 家属, as proxy.
    const seen = (await staff.get(`/api/orders/${order.id}`).expect(200)).body as OrderView;
    expect(seen.placedBy).toEqual({ userId: daughterId, nickname: '李女儿', proxy: true });
    const after = (await daughter.get(`/api/proxy/households/${home.id}/windows`).expect(200)).body as WindowView[];
    expect(after.find((w) => w.id === fcfs.id)?.items[0]).toMatchObject({ stock: 99, householdLeft: 1 });
    // The household's own list is the same list.
    const own = (await member.get('/api/windows').expect(200)).body as WindowView[];
    expect(own.find((w) => w.id === fcfs.id)?.items[0]).toMatchObject({ stock: 99, householdLeft: 1 });
    expect((await member.get(`/api/windows/${fcfs.id}`).expect(200)).body).toMatchObject({ items: [{ householdLeft: 1 }] });
    // Staff's window views carry no household's limit.
    const staffView = (await staff.get(`/api/windows/${fcfs.id}`).expect(200)).body as WindowView;
    expect(staffView.items[0]?.householdLeft).toBeUndefined();
  });

  it('the 家属 registers the household for a fair-share window and withdraws; recorded as 家属, the household told', async () => {
    const registered = (
      await daughter
        .put(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`, { lines: [{ itemId: item.id, quantity: 2 }] })
        .expect(200)
    ).body as RegistrationView;
    expect(registered).toMatchObject({
      householdId: home.id,
      state: 'REGISTERED',
      requested: [{ itemId: item.id, name: '蔬菜套餐', quantity: 2 }],
      registeredBy: { userId: daughterId, nickname: '李女儿', as: 'family' },
    });
    // What staff see, and the household itself.
    const seen = (await staff.get(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`).expect(200)).body as RegistrationView;
    expect(seen.registeredBy).toEqual({ userId: daughterId, nickname: '李女儿', as: 'family' });
    const own = (await member.get(`/api/windows/${fair.id}/registration`).expect(200)).body as RegistrationView;
    expect(own.registeredBy.as).toBe('family');
    expect(
      (await proxyMessages()).some((b) =>
        b.startsWith('您的女儿 李红 已为您登记了「肉蛋奶 公平分配」：蔬菜套餐 2 份，截止后抽签。如果不认识此人，请联系社区'),
      ),
    ).toBe(true);

    const withdrawn = (await daughter.post(`/api/proxy/households/${home.id}/windows/${fair.id}/registration/withdraw`).expect(200))
      .body as RegistrationView;
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN', registeredBy: { userId: daughterId, as: 'family' } });
    expect(
      (await proxyMessages()).some((b) => b === '您的女儿 李红 已为您撤回了「肉蛋奶 公平分配」的登记。如果不认识此人，请联系社区'),
    ).toBe(true);

    // Registering again after a withdrawal works by proxy too, and a member's own change is recorded as theirs.
    await daughter
      .put(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`, { lines: [{ itemId: item.id, quantity: 1 }] })
      .expect(200);
    const mine = (await member.put(`/api/windows/${fair.id}/registration`, { lines: [{ itemId: item.id, quantity: 2 }] }).expect(200))
      .body as RegistrationView;
    expect(mine).toMatchObject({ state: 'REGISTERED', registeredBy: { as: null } });
  });

  it('the 家属 signs the household up for a class and gives the place back; staff see who did it and as whom', async () => {
    const list = (await daughter.get(`/api/proxy/households/${home.id}/classes`).expect(200)).body as ClassView[];
    expect(list.find((c) => c.id === cls.id)).toMatchObject({ title: '居家瑜伽', mine: null });
    const signed = (await daughter.post(`/api/proxy/classes/${cls.id}/signups`, { householdId: home.id }).expect(200)).body as ClassView;
    expect(signed.mine).toMatchObject({ state: 'SIGNED', byStaff: false });
    const twice = await daughter.post(`/api/proxy/classes/${cls.id}/signups`, { householdId: home.id }).expect(409);
    expect((twice.body as ErrorBody).code).toBe('CLASS_ALREADY_SIGNED');
    const signups = (await staff.get(`/api/staff/classes/${cls.id}/signups`).expect(200)).body as ClassSignupsView;
    expect(signups.signups.find((s) => s.householdId === home.id)).toMatchObject({
      state: 'SIGNED',
      byStaff: false,
      proxyKind: 'family',
      signedUpBy: '李女儿',
    });
    expect(((await member.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).mine?.state).toBe('SIGNED');
    expect((await proxyMessages()).some((b) => b.startsWith('您的女儿 李红 已为您报名了「居家瑜伽」'))).toBe(true);

    const cancelled = (await daughter.post(`/api/proxy/classes/${cls.id}/signups/${home.id}/cancel`).expect(200)).body as ClassView;
    expect(cancelled.mine).toBeNull();
    expect((await proxyMessages()).some((b) => b === '您的女儿 李红 已为您取消了「居家瑜伽」的报名。如果不认识此人，请联系社区')).toBe(
      true,
    );
    // Staff signing up by phone are recorded as staff.
    await staff.post(`/api/staff/classes/${cls.id}/signups`, { householdId: home.id }).expect(200);
    const byStaff = (await staff.get(`/api/staff/classes/${cls.id}/signups`).expect(200)).body as ClassSignupsView;
    expect(byStaff.signups.find((s) => s.householdId === home.id)).toMatchObject({ byStaff: true, proxyKind: 'staff' });
    await staff.post(`/api/staff/classes/${cls.id}/signups/${home.id}/cancel`).expect(200);
  });

  it('a 家属 of another household, a resident without a binding and a volunteer are refused; nothing changes', async () => {
    const otherDaughter = await t.newResident('张儿子');
    const [o] = (await t.db.query(
      `SELECT h.id, h.building_id AS buildingId, h.unit, h.room FROM households h WHERE h.id <> ${home.id} ORDER BY h.id DESC LIMIT 1`,
    )) as { id: number; buildingId: number; unit: string; room: string }[];
    await bind(otherDaughter, { buildingId: Number(o?.buildingId), unit: String(o?.unit), room: String(o?.room) });
    const [stranger] = (await t.residents(1)) as [Client];
    const volunteer = await t.login('volunteer');
    const before = await rows();
    for (const who of [otherDaughter, stranger, volunteer]) {
      const tries = [
        who.get(`/api/proxy/households/${home.id}/windows`),
        who.get(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`),
        who.put(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`, { lines: [{ itemId: item.id, quantity: 1 }] }),
        who.post(`/api/proxy/households/${home.id}/windows/${fair.id}/registration/withdraw`),
        who.get(`/api/proxy/households/${home.id}/classes`),
        who.post(`/api/proxy/classes/${cls.id}/signups`, { householdId: home.id }),
        who.post(`/api/proxy/classes/${cls.id}/signups/${home.id}/cancel`),
        who.post('/api/proxy/orders', { householdId: home.id, windowId: fcfs.id, lines: [{ itemId: item.id, quantity: 1 }] }),
      ];
      for (const attempt of tries) expect(((await attempt.expect(403)).body as ErrorBody).code).toBe('NOT_PROXY');
    }
    // A household that does not exist.
    const missing = await daughter.get('/api/proxy/households/999999/windows').expect(404);
    expect((missing.body as ErrorBody).code).toBe('HOUSEHOLD_NOT_FOUND');
    await daughter.post(`/api/proxy/classes/${cls.id}/signups`, { householdId: 999999 }).expect(404);
    expect(await rows()).toEqual(before);
  });

  it('bad bodies and wrong windows are refused with stable codes, and write nothing', async () => {
    const before = await rows();
    const url = `/api/proxy/households/${home.id}/windows/${fair.id}/registration`;
    for (const body of [
      { lines: [] },
      { lines: [{ itemId: item.id, quantity: 0 }] },
      { lines: [{ itemId: item.id, quantity: 1 }], householdId: 1 },
      {},
    ]) {
      expect(((await daughter.put(url, body).expect(400)).body as ErrorBody).code).toBe('VALIDATION_FAILED');
    }
    expect(((await daughter.post(`/api/proxy/classes/${cls.id}/signups`, {}).expect(400)).body as ErrorBody).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (
        (await daughter.post(`/api/proxy/classes/${cls.id}/signups`, { householdId: home.id, waitlist: 'yes' }).expect(400))
          .body as ErrorBody
      ).code,
    ).toBe('VALIDATION_FAILED');
    await daughter.get('/api/proxy/households/abc/windows').expect(400);
    const notFair = await daughter.put(`/api/proxy/households/${home.id}/windows/${fcfs.id}/registration`, {
      lines: [{ itemId: item.id, quantity: 1 }],
    });
    expect((notFair.body as ErrorBody).code).toBe('WINDOW_NOT_FAIR_SHARE');
    const over = await daughter.put(url, { lines: [{ itemId: item.id, quantity: 3 }] });
    expect((over.body as ErrorBody).code).toBe('HOUSEHOLD_LIMIT');
    expect(await rows()).toEqual(before);
  });

  it("the household's grid worker registers and signs up for it, recorded as 网格员", async () => {
    const worker = await t.login('volunteer');
    const workerId = ((await worker.get('/api/me').expect(200)).body as MeResponse).user.id;
    await staff.put('/api/staff/help/teams', { buildingId: home.buildingId, role: 'grid_worker', userId: workerId }).expect(200);
    const registered = (
      await worker
        .put(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`, { lines: [{ itemId: item.id, quantity: 1 }] })
        .expect(200)
    ).body as RegistrationView;
    expect(registered.registeredBy).toMatchObject({ userId: workerId, as: 'grid_worker' });
    await worker.post(`/api/proxy/classes/${cls.id}/signups`, { householdId: home.id }).expect(200);
    const signups = (await staff.get(`/api/staff/classes/${cls.id}/signups`).expect(200)).body as ClassSignupsView;
    expect(signups.signups.find((s) => s.householdId === home.id)).toMatchObject({ state: 'SIGNED', proxyKind: 'grid_worker' });
    expect((await proxyMessages()).some((b) => b.startsWith('网格员 ') && b.includes(' 已为您报名了「居家瑜伽」'))).toBe(true);
    const [row] = (await t.db.query(`SELECT proxy_kind AS kind, user_id AS userId FROM registrations WHERE household_id = ${home.id}`)) as {
      kind: string;
      userId: number;
    }[];
    expect(row).toEqual({ kind: 'grid_worker', userId: workerId });
    // Staff may too, recorded as staff.
    const byStaff = (
      await staff
        .put(`/api/proxy/households/${home.id}/windows/${fair.id}/registration`, { lines: [{ itemId: item.id, quantity: 2 }] })
        .expect(200)
    ).body as RegistrationView;
    expect(byStaff.registeredBy.as).toBe('staff');
  });
});
