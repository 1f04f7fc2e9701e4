import type {
  AddDoorsResult,
  BindingRequestView,
  BuildingView,
  HouseholdView,
  ItemView,
  MeResponse,
  Page,
  ParcelTaskView,
  ParcelView,
  PharmacyView,
  StaffBuildingView,
  SupplierView,
  WindowView,
  ZoneView,
} from '@linli/shared-types';
import { packedWindow } from './support/scenes';
import { TestApp, type Client } from './support/test-app';

/**
 * Staff set a community up on the screen (issue 13): buildings with their units and zone, the
 * doors in them, renames that show everywhere, and deletion only of an empty building.
 */
describe('staff keep buildings, units, zones and doors', () => {
  let t: TestApp;
  let staff: Client;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
  });
  afterAll(async () => {
    await t.close();
  });

  const buildings = async (): Promise<StaffBuildingView[]> =>
    (await staff.get('/api/staff/buildings').expect(200)).body as StaffBuildingView[];
  const audits = async (action: string): Promise<number> =>
    Number(((await t.db.query(`SELECT COUNT(*) AS n FROM audit_logs WHERE action = '${action}'`)) as { n: number | string }[])[0]?.n);

  it('lists the demo buildings with their units, zone and households', async () => {
    const list = await buildings();
    expect(list).toHaveLength(12);
    expect(list[0]).toMatchObject({ name: '1栋', units: ['1单元', '2单元'], zone: 'A区', households: 24 });
    expect(list[0]?.unitHouseholds).toEqual({ '1单元': 12, '2单元': 12 });
  });

  it('a new building with two units and generated doors can be found by a newcomer binding to it', async () => {
    const created = (await staff.post('/api/staff/buildings', { name: '13', units: ['1', '2单元'], zone: 'D区' }).expect(201))
      .body as StaffBuildingView;
    // Bare numbers are named the way the Excel import names them.
    expect(created).toMatchObject({ name: '13栋', units: ['1单元', '2单元'], zone: 'D区', households: 0 });
    expect(await audits('building.create')).toBe(1);

    const doors = (
      await staff.post(`/api/staff/buildings/${created.id}/households`, { unit: '1单元', floors: 6, roomsPerFloor: 4 }).expect(201)
    ).body as AddDoorsResult;
    expect(doors).toEqual({ created: 24, existing: [] });
    const single = (await staff.post(`/api/staff/buildings/${created.id}/households`, { unit: '2单元', rooms: ['101'] }).expect(201))
      .body as AddDoorsResult;
    expect(single.created).toBe(1);

    const register = (await staff.get(`/api/staff/households?buildingId=${created.id}&pageSize=100`).expect(200))
      .body as Page<HouseholdView>;
    expect(register.total).toBe(25);
    expect(register.items.map((h) => `${h.unit}${h.room}`)).toEqual(expect.arrayContaining(['1单元101', '1单元604', '2单元101']));
    expect(register.items.every((h) => h.zone === 'D区' && h.headcount === 1)).toBe(true);
    expect((await buildings()).find((b) => b.id === created.id)).toMatchObject({
      households: 25,
      unitHouseholds: { '1单元': 24, '2单元': 1 },
    });

    // A newcomer sees the building in the binding form and asks for one of its doors.
    const newcomer = await t.newResident('新楼住户');
    const offered = (await newcomer.get('/api/community/buildings').expect(200)).body as BuildingView[];
    expect(offered.find((b) => b.id === created.id)).toEqual({ id: created.id, name: '13栋', units: ['1单元', '2单元'], zone: 'D区' });
    const asked = (
      await newcomer
        .post('/api/bindings', { buildingId: created.id, unit: '1单元', room: '604', name: '钱阿姨', phone: '13912340604' })
        .expect(201)
    ).body as BindingRequestView;
    expect(asked.address).toBe('滨湖和园 13栋1单元604');
    await staff.post(`/api/staff/bindings/${asked.id}/approve`).expect(200);

    // Renamed: the building list, the register, the resident's household and the request show the new name.
    const renamed = (await staff.patch(`/api/staff/buildings/${created.id}`, { name: '13号楼' }).expect(200)).body as StaffBuildingView;
    expect(renamed.name).toBe('13号楼');
    expect((await newcomer.get('/api/community/buildings').expect(200)).body).toContainEqual(expect.objectContaining({ name: '13号楼' }));
    const me = (await newcomer.get('/api/me').expect(200)).body as MeResponse;
    expect(me.household).toMatchObject({ building: '13号楼', address: '滨湖和园 13号楼1单元604' });
    const queue = (await staff.get('/api/staff/bindings').expect(200)).body as BindingRequestView[];
    expect(queue.find((r) => r.id === asked.id)?.address).toBe('滨湖和园 13号楼1单元604');
    const listed = (await staff.get(`/api/staff/households?buildingId=${created.id}&room=604`).expect(200)).body as Page<HouseholdView>;
    expect(listed.items[0]?.address).toBe('滨湖和园 13号楼1单元604');
    expect(await audits('building.update')).toBe(1);
  });

  it('adding doors again skips those already there; listing an existing door is refused and adds nothing', async () => {
    const b = (await staff.post('/api/staff/buildings', { name: '14栋', units: ['1单元'] }).expect(201)).body as StaffBuildingView;
    await staff.post(`/api/staff/buildings/${b.id}/households`, { unit: '1单元', floors: 2, roomsPerFloor: 2 }).expect(201);
    const more = (await staff.post(`/api/staff/buildings/${b.id}/households`, { unit: '1单元', floors: 3, roomsPerFloor: 2 }).expect(201))
      .body as AddDoorsResult;
    expect(more).toEqual({ created: 2, existing: ['101', '102', '201', '202'] });
    const before = await t.count('households');
    const dup = await staff.post(`/api/staff/buildings/${b.id}/households`, { unit: '1单元', rooms: ['901', '301'] }).expect(409);
    expect(dup.body).toMatchObject({ code: 'HOUSEHOLD_EXISTS', message: '这户已经登记过了', details: { rooms: ['301'] } });
    const noUnit = await staff.post(`/api/staff/buildings/${b.id}/households`, { unit: '5单元', rooms: ['101'] }).expect(400);
    expect(noUnit.body.code).toBe('UNIT_NOT_FOUND');
    expect(await t.count('households')).toBe(before);
  });

  it('units are renamed with their households, added, and removed only when empty', async () => {
    const b = (await staff.post('/api/staff/buildings', { name: '15栋', units: ['1单元', '2单元'] }).expect(201)).body as StaffBuildingView;
    await staff.post(`/api/staff/buildings/${b.id}/households`, { unit: '1单元', rooms: ['101', '102'] }).expect(201);
    const edited = (
      await staff
        .patch(`/api/staff/buildings/${b.id}`, { renameUnits: [{ from: '1单元', to: '东单元' }], units: ['东单元', '2单元', '3单元'] })
        .expect(200)
    ).body as StaffBuildingView;
    expect(edited).toMatchObject({ units: ['东单元', '2单元', '3单元'], unitHouseholds: { 东单元: 2, '2单元': 0, '3单元': 0 } });
    const moved = (await staff.get(`/api/staff/households?buildingId=${b.id}`).expect(200)).body as Page<HouseholdView>;
    expect(moved.items.map((h) => h.unit)).toEqual(['东单元', '东单元']);

    const refused = await staff.patch(`/api/staff/buildings/${b.id}`, { units: ['2单元'] }).expect(409);
    expect(refused.body).toMatchObject({ code: 'UNIT_HAS_HOUSEHOLDS', details: { unit: '东单元', households: 2 } });
    expect(refused.body.message).toContain('2 户');
    const removed = (await staff.patch(`/api/staff/buildings/${b.id}`, { units: ['东单元'] }).expect(200)).body as StaffBuildingView;
    expect(removed.units).toEqual(['东单元']);
  });

  it('a building moved to another zone takes its households along', async () => {
    const b = (await staff.post('/api/staff/buildings', { name: '16栋', units: ['1单元'], zone: 'A区' }).expect(201))
      .body as StaffBuildingView;
    await staff.post(`/api/staff/buildings/${b.id}/households`, { unit: '1单元', rooms: ['101'] }).expect(201);
    await staff.patch(`/api/staff/buildings/${b.id}`, { zone: 'B区' }).expect(200);
    const h = (await staff.get(`/api/staff/households?buildingId=${b.id}`).expect(200)).body as Page<HouseholdView>;
    expect(h.items[0]?.zone).toBe('B区');
    const cleared = (await staff.patch(`/api/staff/buildings/${b.id}`, { zone: '' }).expect(200)).body as StaffBuildingView;
    expect(cleared.zone).toBeNull();
  });

  it('a zone renamed shows on buildings, households, the windows serving it and its default pharmacy', async () => {
    const zones = (await staff.get('/api/staff/zones').expect(200)).body as ZoneView[];
    expect(zones.find((z) => z.name === 'C区')).toEqual({ name: 'C区', buildings: 4, households: 96 });
    const window = await openWindow(['C区']);
    const pharmacy = (await staff.get('/api/staff/pharmacies').expect(200)).body as PharmacyView[];
    const p = pharmacy[0] as PharmacyView;
    await staff
      .put(`/api/staff/pharmacies/${p.id}`, {
        name: p.name,
        address: p.address,
        hours: p.hours,
        defaultFor: ['', 'C区'],
        paymentMode: p.paymentMode,
      })
      .expect(200);

    const renamed = (await staff.post('/api/staff/zones/rename', { from: 'C区', to: '西片' }).expect(200)).body as ZoneView[];
    expect(renamed.find((z) => z.name === '西片')).toEqual({ name: '西片', buildings: 4, households: 96 });
    expect(renamed.some((z) => z.name === 'C区')).toBe(false);
    const list = await buildings();
    expect(list.filter((b) => b.zone === '西片')).toHaveLength(4);
    const windows = (await staff.get('/api/staff/windows').expect(200)).body as WindowView[];
    expect(windows.find((w) => w.id === window.id)?.zones).toEqual(['西片']);
    const after = (await staff.get('/api/staff/pharmacies').expect(200)).body as PharmacyView[];
    expect(after[0]?.defaultFor.sort()).toEqual(['', '西片']);
    expect(await audits('zone.rename')).toBe(1);

    expect((await staff.post('/api/staff/zones/rename', { from: 'C区', to: '北片' }).expect(404)).body.code).toBe('ZONE_NOT_FOUND');
    expect((await staff.post('/api/staff/zones/rename', { from: '西片', to: 'A区' }).expect(409)).body.code).toBe('ZONE_EXISTS');
  });

  it('a duplicate name in the community is refused in Chinese; the same name in another community is fine', async () => {
    const before = await t.count('buildings');
    const dup = await staff.post('/api/staff/buildings', { name: '1栋', units: ['1单元'] }).expect(409);
    expect(dup.body).toMatchObject({ code: 'BUILDING_EXISTS', message: '本社区已经有同名的楼栋了，请换一个名字' });
    const two = (await buildings()).find((b) => b.name === '2栋') as StaffBuildingView;
    const renameDup = await staff.patch(`/api/staff/buildings/${two.id}`, { name: '1' }).expect(409);
    expect(renameDup.body.code).toBe('BUILDING_EXISTS');
    expect(await t.count('buildings')).toBe(before);

    const other = await secondCommunityStaff();
    const theirs = (await other.post('/api/staff/buildings', { name: '1栋', units: ['1单元'] }).expect(201)).body as StaffBuildingView;
    expect((await other.get('/api/staff/buildings').expect(200)).body).toEqual([theirs]);
    // Their building is not ours to see, change, fill or delete, and ours is not theirs.
    expect((await staff.patch(`/api/staff/buildings/${theirs.id}`, { name: '偷改' }).expect(404)).body.code).toBe('BUILDING_NOT_FOUND');
    await staff.post(`/api/staff/buildings/${theirs.id}/households`, { unit: '1单元', rooms: ['101'] }).expect(404);
    await staff.delete(`/api/staff/buildings/${theirs.id}`).expect(404);
    await other.delete(`/api/staff/buildings/${two.id}`).expect(404);
    expect((await other.get('/api/staff/buildings').expect(200)).body).toEqual([theirs]);
    expect((await buildings()).some((b) => b.id === theirs.id)).toBe(false);
  });

  it('a building with households cannot be deleted (the count says why); an empty one can', async () => {
    const one = (await buildings()).find((b) => b.name === '1栋') as StaffBuildingView;
    const refused = await staff.delete(`/api/staff/buildings/${one.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'BUILDING_HAS_HOUSEHOLDS', details: { households: 24 } });
    expect(refused.body.message).toBe('1栋还登记着 24 户住户，不能删除。请先把这些住户改到别的楼栋');
    const empty = (await staff.post('/api/staff/buildings', { name: '临时楼', units: ['1单元'] }).expect(201)).body as StaffBuildingView;
    await staff.delete(`/api/staff/buildings/${empty.id}`).expect(204);
    const list = await buildings();
    expect(list.some((b) => b.id === empty.id)).toBe(false);
    expect(list.some((b) => b.id === one.id)).toBe(true);
    expect(await audits('building.delete')).toBe(1);
  });

  it('residents and volunteers may not touch buildings', async () => {
    const before = await t.count('buildings');
    for (const key of ['resident', 'volunteer'] as const) {
      const who = await t.login(key);
      expect((await who.get('/api/staff/buildings').expect(403)).body.code).toBe('FORBIDDEN');
      await who.post('/api/staff/buildings', { name: '99栋', units: ['1单元'] }).expect(403);
      await who.patch('/api/staff/buildings/1', { name: '99栋' }).expect(403);
      await who.delete('/api/staff/buildings/1').expect(403);
      await who.post('/api/staff/buildings/1/households', { unit: '1单元', rooms: ['101'] }).expect(403);
      await who.post('/api/staff/zones/rename', { from: 'A区', to: '东区' }).expect(403);
    }
    await t.http.get('/api/staff/buildings').expect(401);
    expect(await t.count('buildings')).toBe(before);
  });

  it('bad bodies are 400 with a reason per field and change nothing', async () => {
    const b = (await buildings())[0] as StaffBuildingView;
    const rows = { buildings: await t.count('buildings'), households: await t.count('households') };
    const cases: [string, 'post' | 'patch', object, string][] = [
      ['/api/staff/buildings', 'post', { name: '', units: ['1单元'] }, 'name'],
      ['/api/staff/buildings', 'post', { name: '20栋', units: [] }, 'units'],
      ['/api/staff/buildings', 'post', { name: '20栋', units: ['1单元', '1'] }, 'units'],
      ['/api/staff/buildings', 'post', { name: '20栋', units: ['1,2单元'] }, 'units'],
      ['/api/staff/buildings', 'post', { name: '20栋', units: '1单元' }, 'units'],
      ['/api/staff/buildings', 'post', { name: '20栋', units: ['1单元'], zone: 7 }, 'zone'],
      ['/api/staff/buildings', 'post', { name: '20栋', units: ['1单元'], owner: 1 }, 'owner'],
      [`/api/staff/buildings/${b.id}`, 'patch', { name: 'x'.repeat(41) }, 'name'],
      [`/api/staff/buildings/${b.id}`, 'patch', { renameUnits: [{ from: '1单元' }] }, 'renameUnits.0.to'],
      [`/api/staff/buildings/${b.id}`, 'patch', { renameUnits: [null] }, 'renameUnits.0'],
      [`/api/staff/buildings/${b.id}/households`, 'post', { unit: '1单元' }, 'rooms'],
      [`/api/staff/buildings/${b.id}/households`, 'post', { unit: '1单元', floors: 0, roomsPerFloor: 4 }, 'floors'],
      [`/api/staff/buildings/${b.id}/households`, 'post', { unit: '1单元', floors: 6, roomsPerFloor: 21 }, 'roomsPerFloor'],
      [`/api/staff/buildings/${b.id}/households`, 'post', { unit: '1单元', rooms: ['12 03'] }, 'rooms'],
      [`/api/staff/buildings/${b.id}/households`, 'post', { unit: '1单元', rooms: ['101'], floors: 2 }, 'rooms'],
      ['/api/staff/zones/rename', 'post', { from: 'A区', to: '' }, 'to'],
    ];
    for (const [path, method, body, field] of cases) {
      const res = await staff[method](path, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.details.fields as object)).toContain(field);
    }
    const renameMissing = await staff.patch(`/api/staff/buildings/${b.id}`, { renameUnits: [{ from: '9单元', to: '8单元' }] }).expect(400);
    expect(renameMissing.body.code).toBe('UNIT_NOT_FOUND');
    const renameOnto = await staff.patch(`/api/staff/buildings/${b.id}`, { renameUnits: [{ from: '1单元', to: '2单元' }] }).expect(400);
    expect(renameOnto.body.details.fields.renameUnits).toBe('已经有“2单元”了，请换一个名字');
    await staff.patch('/api/staff/buildings/abc', { name: '1栋' }).expect(400);
    expect({ buildings: await t.count('buildings'), households: await t.count('households') }).toEqual(rows);
    expect((await buildings())[0]).toEqual(b);
  });

  it('a renamed building shows on parcels, window figures and the volunteer pool; coverage by id stays', async () => {
    const [resident] = (await t.residents(1)) as [Client];
    const { window, parcels } = await packedWindow(t, staff, [resident]);
    const parcel = parcels[0] as ParcelView;
    const building = (await buildings()).find((b) => b.name === parcel.building) as StaffBuildingView;
    const volunteer = await t.login('volunteer');
    const me = (await volunteer.get('/api/me').expect(200)).body as MeResponse;
    await staff.put(`/api/staff/volunteers/${me.user.id}`, { buildingIds: [building.id], capacity: 10 }).expect(200);

    await staff.patch(`/api/staff/buildings/${building.id}`, { name: `${building.name}（改）` }).expect(200);
    const renamed = `${building.name}（改）`;
    const listed = (await staff.get(`/api/staff/parcels?batch=window:${window.id}`).expect(200)).body as Page<ParcelView>;
    expect(listed.items.find((p) => p.id === parcel.id)?.building).toBe(renamed);
    const stats = (await staff.get(`/api/staff/windows/${window.id}/stats`).expect(200)).body as { perBuilding: { building: string }[] };
    expect(stats.perBuilding.map((b) => b.building)).toContain(renamed);
    const pool = (await volunteer.get('/api/volunteer/pool').expect(200)).body as ParcelTaskView[];
    expect(pool.find((p) => p.id === parcel.id)?.building).toBe(renamed);
  });

  async function openWindow(zones: string[]): Promise<WindowView> {
    const supplier = (await staff.post('/api/staff/suppliers', { name: '片区超市' }).expect(201)).body as SupplierView;
    const item = (
      await staff
        .post('/api/staff/items', {
          kind: 'essential',
          name: '片区鸡蛋',
          contents: [],
          priceFen: 1500,
          limitPerHousehold: 2,
          supplierId: supplier.id,
        })
        .expect(201)
    ).body as ItemView;
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/windows', {
          title: '片区批次',
          mode: 'fcfs',
          paymentMode: 'cod',
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 3600_000).toISOString(),
          deliveryDate: new Date(now + 86_400_000).toISOString().slice(0, 10),
          zones,
          items: [{ itemId: item.id, stock: 10 }],
        })
        .expect(201)
    ).body as WindowView;
  }

  /** Staff of 翡翠湾, a second community on the same server (written straight to the database). */
  async function secondCommunityStaff(): Promise<Client> {
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query("INSERT INTO users (nickname, community_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)");
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`UPDATE users SET community_id = ${Number(c?.id)} WHERE id = ${Number(u?.id)}`);
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${Number(u?.id)}, ${Number(c?.id)}, 'staff')`);
    return t.tokenFor(Number(u?.id));
  }
});
