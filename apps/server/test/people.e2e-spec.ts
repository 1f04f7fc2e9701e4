import type { MeResponse, PersonView, RedeemInviteResponse, RoleInviteView, SquadView } from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3600_000;

/**
 * Staff manage people (issue 13): one-time invite codes for staff, supervisors and squad
 * leaders, the list of role holders, revoking a role — per community, audited, race-safe.
 */
describe('people and their roles', () => {
  let t: TestApp;
  let staff: Client;
  let supervisor: Client;
  let resident: Client;
  let volunteer: Client;
  let other: { id: number };
  let staffB: Client;

  beforeAll(async () => {
    t = await TestApp.boot();
    [staff, supervisor, resident, volunteer] = await Promise.all([
      t.login('staff'),
      t.login('supervisor'),
      t.login('resident'),
      t.login('volunteer'),
    ]);
    other = await secondCommunity();
    staffB = await userIn(other.id, '翡翠湾工作人员', 'staff');
  });
  afterAll(async () => {
    await t.close();
  });

  async function secondCommunity(): Promise<{ id: number }> {
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    return { id: Number(c?.id) };
  }

  async function userIn(communityId: number, nickname: string, role: string): Promise<Client> {
    await t.db.query(`INSERT INTO users (nickname, community_id, created_at) VALUES ('${nickname}', ${communityId}, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query(`SELECT id FROM users WHERE nickname = '${nickname}'`)) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${communityId}, '${role}')`);
    return t.tokenFor(Number(u?.id));
  }

  async function me(client: Client): Promise<MeResponse> {
    return (await client.get('/api/me').expect(200)).body as MeResponse;
  }

  async function invite(by: Client, body: object): Promise<RoleInviteView> {
    return (await by.post('/api/staff/invites', body).expect(201)).body as RoleInviteView;
  }

  async function people(by: Client): Promise<PersonView[]> {
    return (await by.get('/api/staff/people').expect(200)).body as PersonView[];
  }

  async function audits(action: string, targetId: number): Promise<{ actor_user_id: number; community_id: number; details: string }[]> {
    return (await t.db.query(
      `SELECT actor_user_id, community_id, details FROM audit_logs WHERE action = '${action}' AND target_id = '${targetId}' ORDER BY id`,
    )) as { actor_user_id: number; community_id: number; details: string }[];
  }

  it('residents and volunteers can neither invite, nor list people or invites, nor revoke', async () => {
    const staffId = (await me(staff)).user.id;
    for (const who of [resident, volunteer]) {
      expect((await who.post('/api/staff/invites', { role: 'staff' }).expect(403)).body.code).toBe('FORBIDDEN');
      await who.get('/api/staff/invites').expect(403);
      await who.get('/api/staff/people').expect(403);
      await who.post(`/api/staff/people/${staffId}/revoke`, { role: 'staff', reason: '测试一下' }).expect(403);
    }
    expect(await t.count('role_invites')).toBe(0);
  });

  it('a staff invite makes a newcomer staff of the community; revoked, their next staff request is refused', async () => {
    const code = await invite(staff, { role: 'staff', note: '王阿姨' });
    expect(code.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(code.status).toBe('OPEN');
    expect(new Date(code.expiresAt).getTime() - t.clock.now().getTime()).toBe(72 * HOUR);

    const newcomer = await t.newResident('王阿姨');
    await newcomer.get('/api/staff/people').expect(403);
    const redeemed = (await newcomer.post('/api/invites/redeem', { code: ` ${code.code.toLowerCase()} ` }).expect(200))
      .body as RedeemInviteResponse;
    expect(redeemed).toMatchObject({ granted: 'staff', community: { id: 1 }, pharmacy: null });
    const after = await me(newcomer);
    expect(after.roles).toEqual(['staff']);
    expect(after.community?.id).toBe(1);

    // The role works at once, and the list says who gave it.
    const list = await people(newcomer);
    const row = list.find((p) => p.userId === after.user.id);
    expect(row?.roles).toEqual([
      { role: 'staff', since: expect.any(String), grantedBy: { userId: (await me(staff)).user.id, nickname: '陈晓燕（社区）' } },
    ]);
    expect(list.find((p) => p.nickname === '张敏（药房）')?.pharmacy?.name).toBe('老百姓大药房（滨湖店）');
    expect(list.some((p) => p.roles.some((r) => r.role === 'resident'))).toBe(false);

    const used = ((await staff.get('/api/staff/invites').expect(200)).body as RoleInviteView[]).find((i) => i.id === code.id);
    expect(used).toMatchObject({ status: 'USED', usedBy: { userId: after.user.id, nickname: '王阿姨' }, note: '王阿姨' });
    expect(await audits('invite.redeem', code.id)).toEqual([expect.objectContaining({ actor_user_id: after.user.id, community_id: 1 })]);

    // One time only.
    const late = await (await t.newResident('晚来的')).post('/api/invites/redeem', { code: code.code }).expect(400);
    expect(late.body.code).toBe('ROLE_INVITE_INVALID');
    expect(late.body.message).toContain('邀请码');

    const revoked = (await staff.post(`/api/staff/people/${after.user.id}/revoke`, { role: 'staff', reason: '已调离社区' }).expect(200))
      .body as PersonView;
    expect(revoked.roles).toEqual([]);
    expect((await newcomer.get('/api/staff/people').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await me(newcomer)).roles).toEqual([]);
    const [audit] = await audits('people.revoke', after.user.id);
    expect(audit?.actor_user_id).toBe((await me(staff)).user.id);
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({ role: 'staff', reason: '已调离社区' });
    expect((await people(staff)).some((p) => p.userId === after.user.id)).toBe(false);
  });

  it('only a supervisor invites or revokes a supervisor', async () => {
    const before = await t.count('role_invites');
    const refused = await staff.post('/api/staff/invites', { role: 'supervisor' }).expect(403);
    expect(refused.body.code).toBe('SUPERVISOR_ONLY');
    expect(await t.count('role_invites')).toBe(before);

    const code = await invite(supervisor, { role: 'supervisor' });
    const newcomer = await t.newResident('新督导');
    await newcomer.post('/api/invites/redeem', { code: code.code }).expect(200);
    const newMe = await me(newcomer);
    expect(newMe.roles).toEqual(['supervisor']);
    await newcomer.get('/api/staff/invites').expect(200);

    // A supervisor holding no other staff role cannot take their own away.
    const self = await newcomer.post(`/api/staff/people/${newMe.user.id}/revoke`, { role: 'supervisor', reason: '不想干了' }).expect(409);
    expect(self.body.code).toBe('CANNOT_REVOKE_OWN_STAFF');
    const own = await staff
      .post(`/api/staff/people/${(await me(staff)).user.id}/revoke`, { role: 'staff', reason: '不想干了' })
      .expect(409);
    expect(own.body.code).toBe('CANNOT_REVOKE_OWN_STAFF');

    const byStaff = await staff.post(`/api/staff/people/${newMe.user.id}/revoke`, { role: 'supervisor', reason: '试试看' }).expect(403);
    expect(byStaff.body.code).toBe('SUPERVISOR_ONLY');
    expect((await me(newcomer)).roles).toEqual(['supervisor']);
    await supervisor.post(`/api/staff/people/${newMe.user.id}/revoke`, { role: 'supervisor', reason: '任期结束' }).expect(200);
    await newcomer.get('/api/staff/invites').expect(403);

    // A role the person does not hold; a body that is not a revocation.
    const resId = (await me(resident)).user.id;
    const volId = (await me(volunteer)).user.id;
    expect((await staff.post(`/api/staff/people/${volId}/revoke`, { role: 'staff', reason: '没有这个' }).expect(409)).body.code).toBe(
      'ROLE_NOT_HELD',
    );
    expect((await staff.post(`/api/staff/people/${resId}/revoke`, { role: 'volunteer', reason: '没有这个' }).expect(404)).body.code).toBe(
      'PERSON_NOT_FOUND',
    );
    expect((await staff.post(`/api/staff/people/${volId}/revoke`, { role: 'resident', reason: '搬走了' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await staff.post(`/api/staff/people/${volId}/revoke`, { role: 'volunteer' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('a squad leader invite makes a resident volunteer and leader of its squad; the lead and the role can be taken away', async () => {
    expect((await staff.post('/api/staff/invites', { role: 'squad_leader' }).expect(400)).body.code).toBe('SQUAD_REQUIRED');
    expect((await staff.post('/api/staff/invites', { role: 'squad_leader', squad: 'cooking' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const code = await invite(staff, { role: 'squad_leader', squad: 'patrol' });
    expect(code.squad).toBe('patrol');
    const [leader] = (await t.residents(1)) as [Client];
    const redeemed = (await leader.post('/api/invites/redeem', { code: code.code }).expect(200)).body as RedeemInviteResponse;
    expect(redeemed).toMatchObject({ granted: 'squad_leader', squad: 'patrol' });
    const leaderMe = await me(leader);
    expect(leaderMe.roles.sort()).toEqual(['resident', 'volunteer']);
    expect(((await leader.get('/api/volunteer/squad').expect(200)).body as SquadView).leader).toBe(true);
    expect((await people(staff)).find((p) => p.userId === leaderMe.user.id)).toMatchObject({ squad: 'patrol', leader: true });

    await leader.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    await staff.post(`/api/staff/people/${leaderMe.user.id}/revoke`, { role: 'squad_leader', reason: '换人带队' }).expect(200);
    expect((await leader.get('/api/volunteer/squad').expect(200)).body).toMatchObject({ squad: 'patrol', leader: false });
    await staff.post(`/api/staff/people/${leaderMe.user.id}/revoke`, { role: 'volunteer', reason: '不再参加' }).expect(200);
    await leader.get('/api/volunteer/squad').expect(403);
    expect((await me(leader)).roles).toEqual(['resident']);
    const [shift] = (await t.db.query(`SELECT ended_at FROM volunteer_shifts WHERE user_id = ${leaderMe.user.id}`)) as {
      ended_at: unknown;
    }[];
    expect(shift?.ended_at).not.toBeNull();
  });

  it('of two people redeeming one code at once, exactly one gets the role', async () => {
    const code = await invite(staff, { role: 'staff' });
    const racers = await Promise.all([t.newResident('甲'), t.newResident('乙'), t.newResident('丙')]);
    const answers = await Promise.all(racers.map((r) => r.post('/api/invites/redeem', { code: code.code })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
    const roles = await Promise.all(racers.map(async (r) => (await me(r)).roles));
    expect(roles.filter((r) => r.includes('staff'))).toHaveLength(1);
    expect(await audits('invite.redeem', code.id)).toHaveLength(1);
  });

  it('an expired, cancelled or unknown code is refused and grants nothing', async () => {
    const expiring = await invite(staff, { role: 'staff' });
    const cancelled = await invite(staff, { role: 'staff' });
    expect(((await staff.post(`/api/staff/invites/${cancelled.id}/cancel`).expect(200)).body as RoleInviteView).status).toBe('CANCELLED');
    expect((await staff.post(`/api/staff/invites/${cancelled.id}/cancel`).expect(404)).body.code).toBe('ROLE_INVITE_NOT_FOUND');
    t.clock.advance(72 * HOUR + 1000);
    try {
      const someone = await t.newResident('迟到的人');
      for (const code of [expiring.code, cancelled.code, 'ZZZZ2345']) {
        const res = await someone.post('/api/invites/redeem', { code }).expect(400);
        expect(res.body.code).toBe('ROLE_INVITE_INVALID');
      }
      expect((await someone.post('/api/invites/redeem', {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await me(someone)).roles).toEqual([]);
      expect(((await staff.get('/api/staff/invites').expect(200)).body as RoleInviteView[]).find((i) => i.id === expiring.id)?.status).toBe(
        'EXPIRED',
      );
    } finally {
      t.clock.advance(-(72 * HOUR + 1000));
    }
  });

  it("a pharmacy's code works at 「我有邀请码」 too", async () => {
    const pharmacyId = (await people(staff)).find((p) => p.pharmacy)?.pharmacy?.id;
    const code = (await staff.post(`/api/staff/pharmacies/${pharmacyId}/invite`).expect(201)).body as { code: string };
    const newcomer = await t.newResident('新药师');
    const redeemed = (await newcomer.post('/api/invites/redeem', { code: code.code }).expect(200)).body as RedeemInviteResponse;
    expect(redeemed).toMatchObject({ granted: 'pharmacist', pharmacy: { id: pharmacyId }, community: { id: 1 } });
    const id = (await me(newcomer)).user.id;
    await newcomer.get('/api/pharmacy/me').expect(200);
    await staff.post(`/api/staff/people/${id}/revoke`, { role: 'pharmacist', reason: '离职' }).expect(200);
    await newcomer.get('/api/pharmacy/me').expect(403);
  });

  it("staff of another community neither see nor revoke this one's people, nor cancel its invites", async () => {
    const listB = await people(staffB);
    expect(listB.map((p) => p.nickname)).toEqual(['翡翠湾工作人员']);
    const staffId = (await me(staff)).user.id;
    const res = await staffB.post(`/api/staff/people/${staffId}/revoke`, { role: 'staff', reason: '越权试试' }).expect(404);
    expect(res.body.code).toBe('PERSON_NOT_FOUND');
    const codeA = await invite(staff, { role: 'staff' });
    await staffB.post(`/api/staff/invites/${codeA.id}/cancel`).expect(404);
    expect(((await staffB.get('/api/staff/invites').expect(200)).body as RoleInviteView[]).some((i) => i.id === codeA.id)).toBe(false);
    expect((await me(staff)).roles).toEqual(['staff']);

    // A code of 翡翠湾 makes a resident of 滨湖和园 staff there, and 翡翠湾 their current community.
    const codeB = await invite(staffB, { role: 'staff' });
    const [res1] = (await t.residents(1)) as [Client];
    const redeemed = (await res1.post('/api/invites/redeem', { code: codeB.code }).expect(200)).body as RedeemInviteResponse;
    expect(redeemed.community).toEqual({ id: other.id, name: '翡翠湾' });
    const now = await me(res1);
    expect(now.community?.id).toBe(other.id);
    expect(now.roles).toEqual(['staff']);
    expect((await people(staffB)).map((p) => p.userId)).toContain(now.user.id);
    expect((await people(staff)).map((p) => p.userId)).not.toContain(now.user.id);
  });

  it('bad bodies and ids are refused with a stable code and change nothing', async () => {
    const before = await t.count('role_invites');
    for (const body of [
      {},
      { role: 'admin' },
      { role: 'staff', extra: 1 },
      { role: 'staff', note: 7 },
      { role: 'staff', note: 'x'.repeat(101) },
    ]) {
      expect((await staff.post('/api/staff/invites', body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
    expect(await t.count('role_invites')).toBe(before);
    for (const body of [{ code: ['AB23CD45'] }, { code: 42 }, { code: 'A'.repeat(40) }]) {
      expect((await resident.post('/api/invites/redeem', body).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
    expect((await staff.post('/api/staff/people/abc/revoke', { role: 'staff', reason: '原因原因' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await staff.post('/api/staff/people/99999999/revoke', { role: 'staff', reason: '原因原因' }).expect(404)).body.code).toBe(
      'PERSON_NOT_FOUND',
    );
    expect((await staff.post('/api/staff/invites/99999999/cancel').expect(404)).body.code).toBe('ROLE_INVITE_NOT_FOUND');
    expect((await me(resident)).roles).toEqual(['resident']);
  });

  it('two staff revoking each other at once: one wins, the community keeps a staff member', async () => {
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('碧水苑', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '碧水苑'")) as { id: number }[];
    const a = await userIn(Number(c?.id), '碧水苑甲', 'staff');
    const b = await userIn(Number(c?.id), '碧水苑乙', 'staff');
    const [idA, idB] = [(await me(a)).user.id, (await me(b)).user.id];
    const answers = await Promise.all([
      a.post(`/api/staff/people/${idB}/revoke`, { role: 'staff', reason: '互相撤销' }),
      b.post(`/api/staff/people/${idA}/revoke`, { role: 'staff', reason: '互相撤销' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    const refused = answers.find((r) => r.status !== 200);
    expect(['LAST_STAFF', 'FORBIDDEN']).toContain(refused?.body.code);
    const [n] = (await t.db.query(`SELECT COUNT(*) AS n FROM role_assignments WHERE community_id = ${c?.id} AND role = 'staff'`)) as {
      n: number | string;
    }[];
    expect(Number(n?.n)).toBe(1);
  });
});
