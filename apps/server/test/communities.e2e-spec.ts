import type {
  BindingCodeResponse,
  BindingRequestView,
  BuildingView,
  CommunityView,
  HouseholdView,
  ItemView,
  MedicineRequestView,
  MeResponse,
  OrderView,
  Page,
  PharmacistInvite,
  PharmacyView,
  SignupView,
  SupplierView,
  WindowView,
} from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3600_000;

/**
 * Many communities on one server (issue 13): a newcomer chooses theirs before binding; every
 * request acts in the person's current community and reaches nothing of another; a person with
 * roles in two switches between them.
 */
describe('two communities on one server', () => {
  let t: TestApp;
  let other: { id: number; buildingIds: number[]; householdIds: number[] };
  let staffA: Client;
  let staffB: Client;
  let residentA: Client;
  let residentB: Client;

  beforeAll(async () => {
    t = await TestApp.boot();
    staffA = await t.login('staff');
    other = await secondCommunity();
    staffB = await userWithRole('翡翠湾社区工作人员', 'staff');
    [residentA] = (await t.residents(1)) as [Client];
    residentB = await userWithRole('翡翠湾居民', 'resident', other.householdIds[0]);
  });
  afterAll(async () => {
    await t.close();
  });

  /** 翡翠湾: a second community with two buildings and four households, written straight to the database. */
  async function secondCommunity(): Promise<typeof other> {
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    const id = Number(c?.id);
    const buildingIds: number[] = [];
    for (const [i, name] of ['A座', 'B座'].entries()) {
      await t.db.query(
        `INSERT INTO buildings (community_id, name, units, zone, sort_order) VALUES (${id}, '${name}', '1单元', NULL, ${i})`,
      );
      const [b] = (await t.db.query(`SELECT id FROM buildings WHERE community_id = ${id} AND name = '${name}'`)) as { id: number }[];
      buildingIds.push(Number(b?.id));
    }
    for (const [i, buildingId] of [buildingIds[0], buildingIds[0], buildingIds[1], buildingIds[1]].entries()) {
      await t.db.query(
        `INSERT INTO households (community_id, building_id, unit, room, headcount, tags, zone, contact_name, contact_phone, created_at, updated_at)
         VALUES (${id}, ${buildingId}, '1单元', '${101 + i}', 2, '', NULL, '住户${i}', '1380000${String(1000 + i)}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      );
    }
    const households = (await t.db.query(`SELECT id FROM households WHERE community_id = ${id} ORDER BY id`)) as { id: number }[];
    return { id, buildingIds, householdIds: households.map((h) => Number(h.id)) };
  }

  async function userWithRole(nickname: string, role: string, householdId?: number): Promise<Client> {
    await t.db.query(
      `INSERT INTO users (nickname, household_id, created_at) VALUES ('${nickname}', ${householdId ?? 'NULL'}, CURRENT_TIMESTAMP)`,
    );
    const [u] = (await t.db.query(`SELECT id FROM users WHERE nickname = '${nickname}'`)) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${other.id}, '${role}')`);
    return t.tokenFor(Number(u?.id));
  }

  async function openWindow(staff: Client, title: string): Promise<{ window: WindowView; item: ItemView }> {
    const supplier = (await staff.post('/api/staff/suppliers', { name: `${title}超市` }).expect(201)).body as SupplierView;
    const item = (
      await staff
        .post('/api/staff/items', {
          kind: 'essential',
          name: `${title}鸡蛋`,
          contents: [],
          priceFen: 1500,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    const now = t.clock.now().getTime();
    const window = (
      await staff
        .post('/api/staff/windows', {
          title,
          mode: 'fcfs',
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + HOUR).toISOString(),
          deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
          items: [{ itemId: item.id, stock: 10 }],
        })
        .expect(201)
    ).body as WindowView;
    return { window, item };
  }

  it('a newcomer chooses a community before binding: by its poster or by name', async () => {
    const newcomer = await t.newResident('新来的');
    const before = (await newcomer.get('/api/me').expect(200)).body as MeResponse;
    expect(before).toMatchObject({ community: null, communities: [], household: null });
    expect(await newcomer.get('/api/community/buildings').expect(200)).toMatchObject({ body: [] });
    const refused = await newcomer.post('/api/bindings', {
      buildingId: other.buildingIds[0],
      unit: '1单元',
      room: '101',
      name: '新来的',
      phone: '13900002222',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'COMMUNITY_NOT_CHOSEN', message: expect.stringContaining('选择您所在的社区') });
    const found = (await newcomer.get(`/api/communities?q=${encodeURIComponent('翡翠')}`).expect(200)).body as CommunityView[];
    expect(found).toEqual([{ id: other.id, name: '翡翠湾' }]);
    expect(((await newcomer.get('/api/communities').expect(200)).body as CommunityView[]).map((c) => c.name)).toEqual(
      expect.arrayContaining(['翡翠湾', '滨湖和园']),
    );
    expect((await newcomer.put('/api/me/community', { communityId: 987654 }).expect(404)).body.code).toBe('COMMUNITY_NOT_FOUND');
    await newcomer.put('/api/me/community', { communityId: 'x' }).expect(400);
    const chosen = (await newcomer.put('/api/me/community', { communityId: other.id }).expect(200)).body as MeResponse;
    expect(chosen.community).toEqual({ id: other.id, name: '翡翠湾' });
    const buildings = (await newcomer.get('/api/community/buildings').expect(200)).body as BuildingView[];
    expect(buildings.map((b) => b.name)).toEqual(['A座', 'B座']);
    // A door of the other community is not found from here.
    const [a] = (await t.db.query('SELECT building_id AS b, unit, room FROM households WHERE community_id = 1 ORDER BY id LIMIT 1')) as {
      b: number;
      unit: string;
      room: string;
    }[];
    await newcomer
      .post('/api/bindings', { buildingId: Number(a?.b), unit: a?.unit, room: a?.room, name: '新来的', phone: '13900002222' })
      .expect(404);
    const asked = (
      await newcomer
        .post('/api/bindings', { buildingId: other.buildingIds[0], unit: '1单元', room: '102', name: '新来的', phone: '13900002222' })
        .expect(201)
    ).body as BindingRequestView;
    // Staff of 滨湖和园 never see it; 翡翠湾's do, and approve it.
    const queueA = (await staffA.get('/api/staff/bindings?state=PENDING').expect(200)).body as BindingRequestView[];
    expect(queueA.some((b) => b.id === asked.id)).toBe(false);
    await staffA.post(`/api/staff/bindings/${asked.id}/approve`).expect(404);
    await staffB.post(`/api/staff/bindings/${asked.id}/approve`).expect(200);
    const bound = (await newcomer.get('/api/me').expect(200)).body as MeResponse;
    expect(bound).toMatchObject({ community: { id: other.id }, roles: ['resident'], household: { room: '102' } });
  });

  it('staff of each community reach only their own households, buildings, windows and parcels', async () => {
    const householdsA = (await staffA.get('/api/staff/households?pageSize=200').expect(200)).body as Page<HouseholdView>;
    const householdsB = (await staffB.get('/api/staff/households?pageSize=200').expect(200)).body as Page<HouseholdView>;
    expect(householdsB.items.every((h) => h.communityId === other.id)).toBe(true);
    expect(householdsA.items.some((h) => h.communityId === other.id)).toBe(false);
    await staffA.get(`/api/staff/households/${other.householdIds[0]}`).expect(404);
    await staffA.get(`/api/households/${other.householdIds[0]}`).expect(404);
    expect((await staffA.post(`/api/staff/households/${other.householdIds[0]}/binding-code`).expect(404)).body.code).toBe(
      'HOUSEHOLD_NOT_FOUND',
    );
    const { window: windowA, item: itemA } = await openWindow(staffA, '滨湖');
    const { window: windowB } = await openWindow(staffB, '翡翠');
    expect(((await staffB.get('/api/staff/windows').expect(200)).body as WindowView[]).map((w) => w.id)).toEqual([windowB.id]);
    await staffB.get(`/api/staff/windows/${windowA.id}/stats`).expect(404);
    await staffB.post(`/api/staff/windows/${windowA.id}/pack`).expect(404);
    await staffB
      .post('/api/staff/items', { kind: 'essential', name: 'x', contents: [], priceFen: 1, limitPerHousehold: 1, supplierId: 1 })
      .expect(404);
    // A window for the other community's building is refused.
    const now = t.clock.now().getTime();
    const crossing = await staffA.post('/api/staff/windows', {
      title: '越界',
      mode: 'fcfs',
      paymentMode: 'cod',
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + HOUR).toISOString(),
      deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
      buildingIds: [other.buildingIds[0]],
      items: [{ itemId: itemA.id, stock: 1 }],
    });
    expect(crossing.status).toBe(404);
    // Residents see their own community's windows only, and order only there.
    expect(((await residentA.get('/api/windows').expect(200)).body as WindowView[]).some((w) => w.id === windowB.id)).toBe(false);
    expect(((await residentB.get('/api/windows').expect(200)).body as WindowView[]).map((w) => w.id)).toEqual([windowB.id]);
    const placed = (await residentA.post('/api/orders', { windowId: windowA.id, lines: [{ itemId: itemA.id, quantity: 1 }] }).expect(201))
      .body as OrderView;
    await residentB.post('/api/orders', { windowId: windowA.id, lines: [{ itemId: itemA.id, quantity: 1 }] }).expect(404);
    await residentB.get(`/api/orders/${placed.id}`).expect(404);
    await staffB.get(`/api/orders/${placed.id}`).expect(404);
    await staffA.post(`/api/staff/windows/${windowA.id}/pack`).expect(200);
    const parcelsB = (await staffB.get('/api/staff/parcels').expect(200)).body as Page<ParcelOf>;
    expect(parcelsB.items).toEqual([]);
    const parcelsA = (await staffA.get(`/api/staff/parcels?batch=window:${windowA.id}`).expect(200)).body as Page<ParcelOf>;
    expect(parcelsA.items).toHaveLength(1);
    await staffB.get(`/api/staff/parcels/${parcelsA.items[0]?.id}`).expect(404);
  });

  it('a resident of one community who joins a pharmacy in another acts there, and switches back', async () => {
    const pharmacy = (
      await staffB
        .post('/api/staff/pharmacies', { name: '翡翠湾药店', address: '翡翠路 1 号', hours: '全天', defaultFor: [''], paymentMode: 'cod' })
        .expect(201)
    ).body as PharmacyView;
    await staffA
      .get('/api/staff/pharmacies')
      .expect(200)
      .expect((res) => expect((res.body as PharmacyView[]).some((p) => p.id === pharmacy.id)).toBe(false));
    const invite = (await staffB.post(`/api/staff/pharmacies/${pharmacy.id}/invite`).expect(201)).body as PharmacistInvite;
    const [resident] = (await t.residents(1)) as [Client];
    const home = (await resident.get('/api/me').expect(200)).body as MeResponse;
    await resident.post('/api/pharmacy/join', { code: invite.code }).expect(200);
    // Joined: acting in 翡翠湾 as its pharmacist, where the household of 滨湖和园 does not reach.
    expect(((await resident.get('/api/pharmacy/me').expect(200)).body as PharmacyView).id).toBe(pharmacy.id);
    const there = (await resident.get('/api/me').expect(200)).body as MeResponse;
    expect(there).toMatchObject({ community: { id: other.id }, roles: ['pharmacist'], household: null });
    expect(there.communities).toEqual([
      { id: home.community?.id, name: '滨湖和园', roles: ['resident'] },
      { id: other.id, name: '翡翠湾', roles: ['pharmacist'] },
    ]);
    await resident
      .get('/api/orders/mine')
      .expect(200)
      .expect((res) => expect(res.body).toEqual([]));
    // The queue holds 翡翠湾's requests only.
    const req = (
      await residentB
        .post('/api/medicine-requests', { items: [{ name: '布洛芬', quantity: 1, brand: 'any', prescription: false }], urgency: 'normal' })
        .expect(201)
    ).body as MedicineRequestView;
    expect(req.pharmacy.id).toBe(pharmacy.id);
    const queue = (await resident.get('/api/pharmacy/requests').expect(200)).body as MedicineRequestView[];
    expect(queue.map((r) => r.id)).toEqual([req.id]);
    // Back home: the household again, the pharmacy not.
    const back = (await resident.put('/api/me/community', { communityId: home.community?.id }).expect(200)).body as MeResponse;
    expect(back).toMatchObject({ roles: ['resident'], household: { id: home.household?.id } });
    await resident.get('/api/pharmacy/me').expect(403);
    await resident.get(`/api/pharmacy/requests/${req.id}`).expect(403);
    await resident.put('/api/me/community', { communityId: other.id }).expect(200);
    await resident.get(`/api/pharmacy/requests/${req.id}`).expect(200);
  });

  it("every staff route of one community reaches nothing of the other's: catalog, orders, parcels, volunteers, pharmacy", async () => {
    const { window: windowA, item: itemA } = await openWindow(staffA, '滨湖二');
    const [supplierA] = (await staffA.get('/api/staff/suppliers').expect(200)).body as SupplierView[];
    const householdA = ((await residentA.get('/api/me').expect(200)).body as MeResponse).household?.id;
    await residentA.post('/api/orders', { windowId: windowA.id, lines: [{ itemId: itemA.id, quantity: 1 }] }).expect(201);
    await staffA.post(`/api/staff/windows/${windowA.id}/pack`).expect(200);
    const [parcelA] = ((await staffA.get(`/api/staff/parcels?batch=window:${windowA.id}`).expect(200)).body as Page<ParcelOf>).items;
    const volunteerA = await t.login('volunteer');
    const volunteerAId = ((await volunteerA.get('/api/me').expect(200)).body as MeResponse).user.id;
    const post = (
      await staffA
        .post('/api/staff/volunteer-posts', { squad: 'delivery', title: '滨湖送货', requirements: '能爬楼', shift: '每天上午', slots: 3 })
        .expect(201)
    ).body as { id: number };
    const signup = (await residentA.post(`/api/volunteer-posts/${post.id}/signups`, { note: '我来' }).expect(201)).body as { id: number };
    const [pharmacyA] = (await staffA.get('/api/staff/pharmacies').expect(200)).body as PharmacyView[];
    const medicineA = (
      await residentA
        .post('/api/medicine-requests', {
          items: [{ name: '降压药', quantity: 1, brand: 'usual', prescription: false }],
          urgency: 'normal',
        })
        .expect(201)
    ).body as MedicineRequestView;
    const pharmacyB = (
      await staffB
        .post('/api/staff/pharmacies', { name: '翡翠湾二药店', address: '翡翠路 2 号', hours: '全天', defaultFor: [], paymentMode: 'cod' })
        .expect(201)
    ).body as PharmacyView;
    const supplier = { name: '改名超市' };
    const item = { kind: 'essential', name: '改名', contents: [], priceFen: 1, limitPerHousehold: 1, supplierId: supplierA?.id };
    const tries: [string, () => Promise<{ status: number; body: { code?: string } }>][] = [
      ['edit a supplier', () => staffB.patch(`/api/staff/suppliers/${supplierA?.id}`, supplier)],
      ['edit an item', () => staffB.patch(`/api/staff/items/${itemA.id}`, item)],
      ['close a window', () => staffB.post(`/api/staff/windows/${windowA.id}/status`, { status: 'CLOSED' })],
      ['export its orders', () => staffB.get(`/api/staff/windows/${windowA.id}/orders.xlsx`)],
      ['print its pick lists', () => staffB.get(`/api/staff/windows/${windowA.id}/pick-lists.pdf`)],
      ['pick lists as Excel', () => staffB.get(`/api/staff/windows/${windowA.id}/pick-lists.xlsx`)],
      [
        'order for its household',
        () =>
          staffB.post('/api/staff/orders', { householdId: householdA, windowId: windowA.id, lines: [{ itemId: itemA.id, quantity: 1 }] }),
      ],
      ['reassign its parcel', () => staffB.post(`/api/staff/parcels/${parcelA?.id}/assign`, { volunteerId: null })],
      ['cancel its parcel', () => staffB.post(`/api/staff/parcels/${parcelA?.id}/cancel`, { reason: '越界取消' })],
      ['resolve its parcel', () => staffB.post(`/api/staff/parcels/${parcelA?.id}/resolve`, { to: 'READY' })],
      ['set its volunteer', () => staffB.put(`/api/staff/volunteers/${volunteerAId}`, { buildingIds: [], capacity: 5 })],
      ['close its recruitment', () => staffB.post(`/api/staff/volunteer-posts/${post.id}/close`)],
      ['read its sign-ups', () => staffB.get(`/api/staff/volunteer-posts/${post.id}/signups`)],
      ['approve its sign-up', () => staffB.post(`/api/staff/volunteer-signups/${signup.id}/approve`)],
      ['reject its sign-up', () => staffB.post(`/api/staff/volunteer-signups/${signup.id}/reject`, { reason: '越界' })],
      [
        'edit its pharmacy',
        () =>
          staffB.put(`/api/staff/pharmacies/${pharmacyA?.id}`, {
            name: '改名',
            address: '某路',
            hours: '全天',
            defaultFor: [],
            paymentMode: 'cod',
          }),
      ],
      ['invite to its pharmacy', () => staffB.post(`/api/staff/pharmacies/${pharmacyA?.id}/invite`)],
      ['take its medicine request', () => staffB.post(`/api/staff/medicine-requests/${medicineA.id}/move`, { pharmacyId: pharmacyB?.id })],
      [
        'ask medicine for its household',
        () =>
          staffB.post('/api/staff/medicine-requests', {
            householdId: householdA,
            items: [{ name: '布洛芬', quantity: 1, brand: 'any', prescription: false }],
            urgency: 'normal',
          }),
      ],
    ];
    for (const [what, attempt] of tries) {
      const res = await attempt();
      expect({ what, status: res.status }).toEqual({ what, status: 404 });
    }
    // A volunteer of 翡翠湾 cannot grab, accept or scan 滨湖和园's parcel either.
    const volunteerB = await userWithRole('翡翠湾志愿者', 'volunteer');
    await volunteerB.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    expect((await volunteerB.get('/api/volunteer/pool').expect(200)).body).toEqual([]);
    for (const path of [`/api/volunteer/parcels/${parcelA?.id}/grab`, `/api/volunteer/tasks/${parcelA?.id}/accept`]) {
      const res = await volunteerB.post(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    // Lists of 翡翠湾 hold nothing of 滨湖和园.
    const volunteersB = (await staffB.get('/api/staff/volunteers').expect(200)).body as { userId: number }[];
    expect(volunteersB.some((v) => v.userId === volunteerAId)).toBe(false);
    const postsB = (await staffB.get('/api/staff/volunteer-posts').expect(200)).body as { id: number }[];
    expect(postsB.some((p) => p.id === post.id)).toBe(false);
    const medicineB = (await staffB.get('/api/staff/medicine-requests').expect(200)).body as MedicineRequestView[];
    expect(medicineB.some((r) => r.id === medicineA.id)).toBe(false);
    const suppliersB = (await staffB.get('/api/staff/suppliers').expect(200)).body as SupplierView[];
    expect(suppliersB.some((s) => s.id === supplierA?.id)).toBe(false);
    const itemsB = (await staffB.get('/api/staff/items').expect(200)).body as ItemView[];
    expect(itemsB.some((i) => i.id === itemA.id)).toBe(false);
    // Dispatch in 翡翠湾 leaves 滨湖和园's parcel where it was; nothing of A was changed by B's attempts.
    await staffB.post('/api/staff/parcels/dispatch').expect((res) => expect(res.status).toBeLessThan(300));
    const still = (await staffA.get(`/api/staff/parcels/${parcelA?.id}`).expect(200)).body as { state: string; volunteer?: unknown };
    expect(still.state).toBe('READY');
    const windowNow = (await staffA.get('/api/staff/windows').expect(200)).body as WindowView[];
    expect(windowNow.find((w) => w.id === windowA.id)?.phase).toBe('OPEN');
    expect(((await staffA.get('/api/staff/suppliers').expect(200)).body as SupplierView[]).map((s) => s.name)).not.toContain('改名超市');
    const signups = (await staffA.get(`/api/staff/volunteer-posts/${post.id}/signups`).expect(200)).body as SignupView[];
    expect(signups.map((x) => x.status)).toEqual(['PENDING']);
    const medicineNow = (await residentA.get(`/api/medicine-requests/${medicineA.id}`).expect(200)).body as MedicineRequestView;
    expect(medicineNow.pharmacy.id).toBe(medicineA.pharmacy.id);
  });

  it('a binding code binds to the community it was made in, whatever the newcomer was looking at', async () => {
    const code = (await staffB.post(`/api/staff/households/${other.householdIds[3]}/binding-code`).expect(201)).body as BindingCodeResponse;
    const newcomer = await t.newResident('扫码来的');
    await newcomer.put('/api/me/community', { communityId: 1 }).expect(200);
    await newcomer.post('/api/bindings', { bindingCode: code.code, name: '扫码来的', phone: '13900003333' }).expect(201);
    const me = (await newcomer.get('/api/me').expect(200)).body as MeResponse;
    expect(me).toMatchObject({ community: { id: other.id }, roles: ['resident'], household: { id: other.householdIds[3] } });
  });
});

type ParcelOf = { id: number };
