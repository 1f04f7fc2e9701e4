import type { BindingRequestView, BuildingView, HouseholdView, MeResponse, Page } from '@linli/shared-types';
import { randomUUID } from 'node:crypto';
import { type Client, TestApp } from './support/test-app';

/** A resident binds to a household; staff approve; 「我的」 then shows the household. */
describe('binding a resident to a household', () => {
  let t: TestApp;
  let staff: Client;
  let door: { buildingId: number; unit: string; room: string; address: string; householdId: number };

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    const page = (await staff.get('/api/staff/households?pageSize=1&page=3').expect(200)).body as Page<HouseholdView>;
    const h = page.items[0] as HouseholdView;
    door = { buildingId: h.buildingId, unit: h.unit, room: h.room, address: h.address, householdId: h.id };
  });
  afterAll(async () => {
    await t.close();
  });

  const form = (extra: object = {}): object => ({
    buildingId: door.buildingId,
    unit: door.unit,
    room: door.room,
    name: '赵桂兰',
    phone: '13912345678',
    ...extra,
  });

  it('a new resident has no household and sees the buildings to choose from', async () => {
    const resident = await t.newResident('赵桂兰');
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    expect(me.household).toBeNull();
    expect(me.binding).toBeNull();
    expect(me.roles).toEqual([]);
    expect(me.community?.name).toBe('滨湖和园');
    const buildings = (await resident.get('/api/community/buildings').expect(200)).body as BuildingView[];
    expect(buildings.map((b) => b.name)).toContain('1栋');
    expect(buildings[0]?.units).toEqual(['1单元', '2单元']);
  });

  it('binding request → staff approval → 「我的」 shows the household, its members and its address', async () => {
    const resident = await t.newResident('微信用户');
    const created = (await resident.post('/api/bindings', form()).expect(201)).body as BindingRequestView;
    expect(created).toMatchObject({ state: 'PENDING', address: door.address, actions: ['CANCELLED'] });

    const pending = (await resident.get('/api/me').expect(200)).body as MeResponse;
    expect(pending.household).toBeNull();
    expect(pending.binding?.state).toBe('PENDING');

    const queue = (await staff.get('/api/staff/bindings?state=PENDING').expect(200)).body as BindingRequestView[];
    const mine = queue.find((r) => r.id === created.id);
    expect(mine).toMatchObject({ name: '赵桂兰', phone: '13912345678', actions: ['APPROVED', 'REJECTED'] });

    const approved = (await staff.post(`/api/staff/bindings/${created.id}/approve`).expect(200)).body as BindingRequestView;
    expect(approved.state).toBe('APPROVED');
    expect(approved.actions).toEqual([]);

    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    expect(me.roles).toEqual(['resident']);
    expect(me.household).toMatchObject({ id: door.householdId, address: door.address });
    expect(me.household?.members.map((m) => m.nickname)).toContain('赵桂兰');
    expect(me.user).toMatchObject({ nickname: '赵桂兰', phone: '13912345678' });

    // Approving again is not a valid move any more.
    const again = await staff.post(`/api/staff/bindings/${created.id}/approve`).expect(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    // And a bound resident cannot ask again.
    expect((await resident.post('/api/bindings', form()).expect(409)).body.code).toBe('ALREADY_BOUND');
  });

  it('a resident cannot approve, list requests, or read another household', async () => {
    const asker = await t.newResident();
    const created = (await asker.post('/api/bindings', form()).expect(201)).body as BindingRequestView;
    const resident = await t.login('resident');
    const denied = await resident.post(`/api/staff/bindings/${created.id}/approve`).expect(403);
    expect(denied.body).toMatchObject({ code: 'FORBIDDEN', message: '您没有权限进行此操作' });
    await resident.get('/api/staff/bindings').expect(403);
    await resident.get('/api/staff/households').expect(403);
    const other = await resident.get(`/api/households/${door.householdId}`).expect(404);
    expect(other.body.code).toBe('HOUSEHOLD_NOT_FOUND');
    // Nor cancel someone else's request.
    expect((await resident.post(`/api/bindings/${created.id}/cancel`).expect(404)).body.code).toBe('NOT_FOUND');
    const still = (await staff.get('/api/staff/bindings?state=PENDING').expect(200)).body as BindingRequestView[];
    expect(still.some((r) => r.id === created.id)).toBe(true);
  });

  it('a resident reads their own household but no one else can without logging in', async () => {
    const resident = await t.login('resident');
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    const own = (await resident.get(`/api/households/${me.household?.id}`).expect(200)).body as HouseholdView;
    expect(own.address).toBe('滨湖和园 1栋1单元101');
    const anonymous = await t.http.get('/api/me').expect(401);
    expect(anonymous.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    await t.as('not-a-token').get('/api/me').expect(401);
  });

  it('a bad phone or an unknown field is a 400 with a reason per field, and writes nothing', async () => {
    const resident = await t.newResident();
    const before = await t.count('binding_requests');
    const badPhone = await resident.post('/api/bindings', form({ phone: '12345' })).expect(400);
    expect(badPhone.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { phone: '请填写正确的 11 位手机号' } } });
    const unknown = await resident.post('/api/bindings', form({ isAdmin: true })).expect(400);
    expect(unknown.body.details.fields).toEqual({ isAdmin: '不认识的字段，请勿提交' });
    const noDoor = await resident.post('/api/bindings', form({ room: '9999' })).expect(404);
    expect(noDoor.body).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND', message: '没有找到这户人家，请核对楼栋、单元和房号' });
    expect(await t.count('binding_requests')).toBe(before);
  });

  it('one open request per resident; a retried POST with the same Idempotency-Key gets the same answer and one row', async () => {
    const resident = await t.newResident();
    const key = randomUUID();
    const before = await t.count('binding_requests');
    const first = await resident.post('/api/bindings', form(), key).expect(201);
    const retry = await resident.post('/api/bindings', form(), key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.count('binding_requests')).toBe(before + 1);

    const reused = await resident.post('/api/bindings', form({ name: '别人' }), key).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const second = await resident.post('/api/bindings', form()).expect(409);
    expect(second.body.code).toBe('BINDING_PENDING');
    expect(await t.count('binding_requests')).toBe(before + 1);
  });

  it('retries racing each other with one key all get the first answer, and one row is written', async () => {
    const resident = await t.newResident();
    const key = randomUUID();
    const before = await t.count('binding_requests');
    const answers = await Promise.all(Array.from({ length: 5 }, () => resident.post('/api/bindings', form(), key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(answers.map((a) => (a.body as BindingRequestView).id));
    expect(ids.size).toBe(1);
    expect(await t.count('binding_requests')).toBe(before + 1);
  });

  it('a refusal is stored under its key and replayed, and still writes nothing', async () => {
    const resident = await t.newResident();
    const key = randomUUID();
    const before = await t.count('binding_requests');
    const first = await resident.post('/api/bindings', form({ room: '8888' }), key).expect(404);
    const retry = await resident.post('/api/bindings', form({ room: '8888' }), key).expect(404);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.count('binding_requests')).toBe(before);
  });

  it('two taps at once make one request', async () => {
    const resident = await t.newResident();
    const before = await t.count('binding_requests');
    const answers = await Promise.all([resident.post('/api/bindings', form()), resident.post('/api/bindings', form())]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await t.count('binding_requests')).toBe(before + 1);
  });

  it('staff reject with a reason; the resident sees it and may ask again', async () => {
    const resident = await t.newResident();
    const created = (await resident.post('/api/bindings', form()).expect(201)).body as BindingRequestView;
    const noReason = await staff.post(`/api/staff/bindings/${created.id}/reject`, { reason: '' }).expect(400);
    expect(noReason.body.details.fields.reason).toBeDefined();
    const rejected = (await staff.post(`/api/staff/bindings/${created.id}/reject`, { reason: '该户登记的住户中没有此人' }).expect(200))
      .body as BindingRequestView;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectReason: '该户登记的住户中没有此人' });
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    expect(me.binding).toMatchObject({ state: 'REJECTED', rejectReason: '该户登记的住户中没有此人' });
    await resident.post('/api/bindings', form()).expect(201);
  });

  it('a resident withdraws a pending request', async () => {
    const resident = await t.newResident();
    const created = (await resident.post('/api/bindings', form()).expect(201)).body as BindingRequestView;
    const cancelled = (await resident.post(`/api/bindings/${created.id}/cancel`).expect(200)).body as BindingRequestView;
    expect(cancelled.state).toBe('CANCELLED');
    expect((await staff.post(`/api/staff/bindings/${created.id}/approve`).expect(409)).body.code).toBe('INVALID_TRANSITION');
  });

  it('a binding code printed by staff binds at once, and only once', async () => {
    const code = (await staff.post(`/api/staff/households/${door.householdId}/binding-code`).expect(201)).body as {
      code: string;
      address: string;
    };
    expect(code.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(code.address).toBe(door.address);
    const resident = await t.newResident();
    const bound = (
      await resident.post('/api/bindings', { bindingCode: code.code.toLowerCase(), name: '孙丽娟', phone: '13800001111' }).expect(201)
    ).body as BindingRequestView;
    expect(bound).toMatchObject({ state: 'APPROVED', viaCode: true, householdId: door.householdId });
    const me = (await resident.get('/api/me').expect(200)).body as MeResponse;
    expect(me.household?.id).toBe(door.householdId);

    const another = await t.newResident();
    const reused = await another.post('/api/bindings', { bindingCode: code.code, name: '周明', phone: '13800002222' }).expect(400);
    expect(reused.body.code).toBe('BINDING_CODE_INVALID');
  });

  it('a binding code expires after a week', async () => {
    const code = (await staff.post(`/api/staff/households/${door.householdId}/binding-code`).expect(201)).body as { code: string };
    t.clock.advance(8 * 24 * 3600 * 1000);
    try {
      const resident = await t.newResident();
      const late = await resident.post('/api/bindings', { bindingCode: code.code, name: '周明', phone: '13800002222' }).expect(400);
      expect(late.body.code).toBe('BINDING_CODE_INVALID');
    } finally {
      t.clock.advance(-8 * 24 * 3600 * 1000);
    }
  });
});
