import type { ErrorBody, HouseholdView, MeResponse, UpsertHouseholdRequest } from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

/**
 * Elderly mode (issue 18): a person turns it on or off on 「我的」 and it follows them (stored on
 * the server, not in the phone); staff set a default per household for the elderly living alone,
 * which applies to everyone there who has not chosen; the staff change is audited; refusals are
 * 4xx with a Chinese message, never a 500.
 */
describe('elderly mode', () => {
  let t: TestApp;
  let staff: Client;
  let resident: Client;
  let household: HouseholdView;

  const me = async (c: Client): Promise<MeResponse> => (await c.get('/api/me').expect(200)).body as MeResponse;
  const upsert = (h: HouseholdView, changes: Partial<UpsertHouseholdRequest>): UpsertHouseholdRequest => ({
    buildingId: h.buildingId,
    unit: h.unit,
    room: h.room,
    headcount: h.headcount,
    tags: h.tags,
    zone: h.zone,
    contactName: h.contactName,
    contactPhone: h.contactPhone,
    ...changes,
  });
  const audits = async (action: string): Promise<{ details: string | null }[]> =>
    (await t.db.query(`SELECT details FROM audit_logs WHERE action = '${action}' ORDER BY id`)) as { details: string | null }[];

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    resident = await t.login('resident');
    household = (await me(resident)).household as HouseholdView;
  });

  afterAll(async () => {
    await t.close();
  });

  it('is off for a resident who has not chosen and whose household has no default', async () => {
    expect((await me(resident)).preferences).toEqual({ elderly: false, elderlySource: 'default' });
    expect(household.elderlyDefault).toBe(false);
  });

  it('a resident turns it on and off; it is kept on the server', async () => {
    const on = (await resident.put('/api/me/preferences', { elderly: true }).expect(200)).body as MeResponse;
    expect(on.preferences).toEqual({ elderly: true, elderlySource: 'user' });
    expect((await me(resident)).preferences.elderly).toBe(true);
    // Doing it again changes nothing.
    await resident.put('/api/me/preferences', { elderly: true }).expect(200);
    expect(await t.count('user_preferences')).toBe(1);
    const off = (await resident.put('/api/me/preferences', { elderly: false }).expect(200)).body as MeResponse;
    expect(off.preferences).toEqual({ elderly: false, elderlySource: 'user' });
    expect((await me(resident)).preferences.elderly).toBe(false);
  });

  it('staff set the household default; members who have not chosen get it, a member who chose keeps theirs', async () => {
    const other = (await t.residents(1, household.id))[0] as Client;
    expect((await me(other)).preferences).toEqual({ elderly: false, elderlySource: 'default' });

    const saved = (await staff.patch(`/api/staff/households/${household.id}`, upsert(household, { elderlyDefault: true })).expect(200))
      .body as HouseholdView;
    expect(saved.elderlyDefault).toBe(true);
    expect(((await staff.get(`/api/households/${household.id}`).expect(200)).body as HouseholdView).elderlyDefault).toBe(true);

    expect((await me(other)).preferences).toEqual({ elderly: true, elderlySource: 'household' });
    // The resident said 「关」 themselves earlier: their own choice wins.
    expect((await me(resident)).preferences).toEqual({ elderly: false, elderlySource: 'user' });
    // Forgetting their choice (null) brings the household's default back.
    const follow = (await resident.put('/api/me/preferences', { elderly: null }).expect(200)).body as MeResponse;
    expect(follow.preferences).toEqual({ elderly: true, elderlySource: 'household' });
    // A member may still turn it off for themselves.
    expect(((await other.put('/api/me/preferences', { elderly: false }).expect(200)).body as MeResponse).preferences).toEqual({
      elderly: false,
      elderlySource: 'user',
    });
  });

  it('the staff change is audited with before and after; an edit that leaves it out keeps it', async () => {
    const logged = await audits('household.elderly-default');
    expect(logged).toHaveLength(1);
    const details: unknown = typeof logged[0]?.details === 'string' ? JSON.parse(logged[0].details) : logged[0]?.details;
    expect(details).toEqual({ from: false, to: true });

    const without = upsert(household, { headcount: 2 });
    delete without.elderlyDefault;
    const kept = (await staff.patch(`/api/staff/households/${household.id}`, without).expect(200)).body as HouseholdView;
    expect(kept).toMatchObject({ headcount: 2, elderlyDefault: true });
    expect(await audits('household.elderly-default')).toHaveLength(1);
  });

  it('staff create a household with the default on', async () => {
    const created = (
      await staff
        .post('/api/staff/households', upsert(household, { room: '9901', tags: ['elderly-alone'], headcount: 1, elderlyDefault: true }))
        .expect(201)
    ).body as HouseholdView;
    expect(created).toMatchObject({ room: '9901', tags: ['elderly-alone'], elderlyDefault: true });
    const plain = (await staff.post('/api/staff/households', upsert(household, { room: '9902', elderlyDefault: undefined })).expect(201))
      .body as HouseholdView;
    expect(plain.elderlyDefault).toBe(false);
  });

  it('a resident cannot set a household default, nor read another household', async () => {
    const before = await audits('household.update');
    const refused = await resident.patch(`/api/staff/households/${household.id}`, upsert(household, { elderlyDefault: false })).expect(403);
    expect((refused.body as ErrorBody).code).toBe('FORBIDDEN');
    const [neighbour] = (await t.db.query(`SELECT id FROM households WHERE id <> ${household.id} ORDER BY id LIMIT 1`)) as { id: number }[];
    const hidden = await resident.get(`/api/households/${Number(neighbour?.id)}`).expect(404);
    expect((hidden.body as ErrorBody).code).toBe('HOUSEHOLD_NOT_FOUND');
    expect(await audits('household.update')).toHaveLength(before.length);
    expect(((await staff.get(`/api/households/${household.id}`).expect(200)).body as HouseholdView).elderlyDefault).toBe(true);
  });

  it("staff of another community cannot touch this household's default", async () => {
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, community_id, created_at) VALUES ('翡翠湾社工', ${Number(c?.id)}, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${Number(u?.id)}, ${Number(c?.id)}, 'staff')`);
    const other = await t.tokenFor(Number(u?.id));
    const refused = await other.patch(`/api/staff/households/${household.id}`, upsert(household, { elderlyDefault: false })).expect(404);
    expect((refused.body as ErrorBody).code).toBe('HOUSEHOLD_NOT_FOUND');
    await other.get(`/api/households/${household.id}`).expect(404);
    expect(((await staff.get(`/api/households/${household.id}`).expect(200)).body as HouseholdView).elderlyDefault).toBe(true);
  });

  it.each([
    ['nothing', {}],
    ['a word', { elderly: 'yes' }],
    ['a number', { elderly: 1 }],
    ['an unknown field', { elderly: true, fontSize: 40 }],
  ])('a bad preferences body (%s) is 400 VALIDATION_FAILED', async (_name, body) => {
    const res = await resident.put('/api/me/preferences', body as object).expect(400);
    expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    expect((res.body as ErrorBody).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a bad household default is 400 VALIDATION_FAILED, and nothing changes', async () => {
    const res = await staff
      .patch(`/api/staff/households/${household.id}`, upsert(household, { elderlyDefault: 'on' as unknown as boolean }))
      .expect(400);
    expect((res.body as ErrorBody).code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('长辈模式请选是或否');
    expect(((await staff.get(`/api/households/${household.id}`).expect(200)).body as HouseholdView).elderlyDefault).toBe(true);
  });

  it('a body that is not an object is refused as 400 too', async () => {
    const res = await resident.put('/api/me/preferences', [true]).expect(400);
    expect((res.body as ErrorBody).code).toBe('BODY_NOT_JSON');
  });

  it('someone not logged in cannot set preferences', async () => {
    await t.http.put('/api/me/preferences').send({ elderly: true }).expect(401);
  });
});
