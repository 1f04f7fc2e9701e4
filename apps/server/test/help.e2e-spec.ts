import type {
  FileView,
  BuildingTeamView,
  HelpBoardPage,
  HelpDetail,
  HelpHistory,
  HelpInboxPage,
  MeResponse,
  MessagesPage,
  MyTeamView,
} from '@linli/shared-types';
import { Clock } from '../src/common/clock';
import { AuditService } from '../src/common/audit/audit.service';
import { Db } from '../src/common/database/db';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { RoleAssignment } from '../src/modules/community/entities/role-assignment.entity';
import { MessagesService } from '../src/modules/messages/messages.service';
import { HelpAccess } from '../src/modules/help/help-access';
import { HelpEscalator } from '../src/modules/help/help-escalator';
import { HelpFlowService } from '../src/modules/help/help-flow.service';
import { PNG } from 'pngjs';
import { TestApp, type Client } from './support/test-app';

function photo(): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(120);
  return PNG.sync.write(png);
}

const MIN = 60_000;

/**
 * Help requests (issue 17): the building's team answers in time; the first response, the take,
 * the close and the resident's confirmation; reopening and rating; escalation by the clock,
 * once even with two sweeps at once; the supervisor reassigns; strangers get 404; counselling
 * stays between the counsellor and the resident.
 */
describe('help requests', () => {
  let t: TestApp;
  let staff: Client;
  let supervisor: Client;
  let resident: Client;
  let volunteer: Client;
  let medic: Client;
  let stranger: Client;
  let neighbour: Client;
  let ids: { staff: number; supervisor: number; volunteer: number; medic: number; stranger: number; resident: number };
  let building1: number;
  let building2: number;
  let householdId: number;

  const me = async (c: Client): Promise<MeResponse> => (await c.get('/api/me').expect(200)).body as MeResponse;
  const messages = async (c: Client, kind: string): Promise<MessagesPage['items']> =>
    ((await c.get('/api/messages?pageSize=100').expect(200)).body as MessagesPage).items.filter((m) => m.kind === kind);
  const ask = async (c: Client, body: object): Promise<HelpDetail> => (await c.post('/api/help', body).expect(201)).body as HelpDetail;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    supervisor = await t.login('supervisor');
    resident = await t.login('resident');
    volunteer = await t.login('volunteer');
    const made = await t.residents(3);
    [medic, stranger, neighbour] = made as [Client, Client, Client];
    const m = await Promise.all([staff, supervisor, volunteer, medic as Client, stranger as Client, resident].map(me));
    ids = {
      staff: m[0]!.user.id,
      supervisor: m[1]!.user.id,
      volunteer: m[2]!.user.id,
      medic: m[3]!.user.id,
      stranger: m[4]!.user.id,
      resident: m[5]!.user.id,
    };
    householdId = Number(m[5]!.household?.id);
    const [h] = (await t.db.query(`SELECT building_id AS b FROM households WHERE id = ${householdId}`)) as { b: number }[];
    building1 = Number(h?.b);
    const [other] = (await t.db.query(`SELECT id FROM buildings WHERE id <> ${building1} ORDER BY id LIMIT 1`)) as { id: number }[];
    building2 = Number(other?.id);
  });

  afterAll(async () => {
    await t.close();
  });

  it('staff put a team on 1栋 (a person without a phone is refused) and the resident sees whom to call', async () => {
    const noPhone = await staff.put('/api/staff/help/teams', { buildingId: building1, role: 'medic', userId: ids.medic }).expect(409);
    expect(noPhone.body.code).toBe('HELP_RESPONDER_NO_PHONE');
    await t.db.query(`UPDATE users SET phone = '13800000011' WHERE id = ${ids.medic}`);
    await t.db.query(`UPDATE users SET phone = '13800000012' WHERE id = ${ids.stranger}`);
    await staff.put('/api/staff/help/teams', { buildingId: building1, role: 'medic', userId: ids.medic }).expect(200);
    await staff.put('/api/staff/help/teams', { buildingId: building1, role: 'cadre', userId: ids.staff }).expect(200);
    const team = (await staff.put('/api/staff/help/teams', { buildingId: building1, role: 'volunteer', userId: ids.volunteer }).expect(200))
      .body as BuildingTeamView;
    expect(team.members.map((x) => x.role)).toEqual(['cadre', 'medic', 'volunteer']);
    await staff.put('/api/staff/help/teams', { buildingId: building2, role: 'volunteer', userId: ids.stranger }).expect(200);
    expect(
      (await staff.put('/api/staff/help/teams', { buildingId: building1, role: 'chef', userId: ids.medic }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    const mine = (await resident.get('/api/me/help-team').expect(200)).body as MyTeamView;
    expect(mine.members.map((x) => [x.role, x.phone])).toEqual([
      ['cadre', '13955000002'],
      ['medic', '13800000011'],
      ['volunteer', '13955120302'],
    ]);
  });

  it('request → first response → take → close → confirm with a rating', async () => {
    const before = t.clock.now().getTime();
    const asked = await ask(resident, { category: 'medical', urgency: 'urgent', text: '老人发烧38度5，需要就医' });
    expect(asked).toMatchObject({ state: 'OPEN', category: 'medical', proxy: false, firstResponseAt: null });
    expect(new Date(asked.firstResponseDue).getTime() - new Date(asked.createdAt).getTime()).toBe(15 * MIN);
    expect(new Date(asked.createdAt).getTime()).toBeGreaterThanOrEqual(before);
    const told = await messages(medic as Client, 'help.new');
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain('请医护人员优先处理');
    expect(told[0]?.link).toBe(`/help/request/index?id=${asked.id}`);
    expect(told[0]?.deadline).toBe(asked.firstResponseDue);
    expect(await messages(volunteer, 'help.new')).toHaveLength(1);
    expect(await messages(stranger as Client, 'help.new')).toHaveLength(0);

    const inbox = (await (medic as Client).get('/api/help/inbox?state=open').expect(200)).body as HelpInboxPage;
    expect(inbox.items.map((i) => i.id)).toContain(asked.id);
    expect(((await (stranger as Client).get('/api/help/inbox').expect(200)).body as HelpInboxPage).items).toHaveLength(0);
    expect((await (stranger as Client).get(`/api/help/${asked.id}`).expect(404)).body.code).toBe('HELP_NOT_FOUND');
    expect((await (neighbour as Client).get(`/api/help/${asked.id}`).expect(404)).body.code).toBe('HELP_NOT_FOUND');
    expect((await (stranger as Client).post(`/api/help/${asked.id}/take`).expect(404)).body.code).toBe('HELP_NOT_FOUND');

    const replied = (await (medic as Client).post(`/api/help/${asked.id}/messages`, { text: '我马上过来' }).expect(200)).body as HelpDetail;
    expect(replied.firstResponseAt).not.toBeNull();
    expect(await messages(resident, 'help.answered')).toHaveLength(1);

    const raced = await Promise.all([(medic as Client).post(`/api/help/${asked.id}/take`), volunteer.post(`/api/help/${asked.id}/take`)]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = raced.find((r) => r.status === 409);
    expect(loser?.body.code).toBe('HELP_TAKEN_BY_OTHER');
    const winner = raced[0]?.status === 200 ? (medic as Client) : volunteer;
    const other = winner === volunteer ? (medic as Client) : volunteer;
    expect((await other.post(`/api/help/${asked.id}/resolve`, { summary: '已处理' }).expect(409)).body.code).toBe('HELP_TAKEN_BY_OTHER');
    const resolved = (await winner.post(`/api/help/${asked.id}/resolve`, { summary: '已陪同去社区医院看诊' }).expect(200))
      .body as HelpDetail;
    expect(resolved.state).toBe('RESOLVED');
    const resolvedMsg = (await messages(resident, 'help.resolved'))[0];
    expect(resolvedMsg?.deadline).toBe(new Date(new Date(resolved.resolvedAt as string).getTime() + 24 * 3600_000).toISOString());

    const view = (await resident.get(`/api/help/${asked.id}`).expect(200)).body as HelpDetail;
    expect(view.actions).toEqual(expect.arrayContaining(['confirm', 'reopen']));
    expect(view.reopenUntil).toBe(resolvedMsg?.deadline);
    const closed = (await resident.post(`/api/help/${asked.id}/confirm`, { rating: 5, comment: '谢谢' }).expect(200)).body as HelpDetail;
    expect(closed).toMatchObject({ state: 'CLOSED', rating: 5 });
    expect((await resident.post(`/api/help/${asked.id}/rate`, { rating: 3 }).expect(409)).body.code).toBe('HELP_ALREADY_RATED');

    const history = (await staff.get(`/api/staff/help/${asked.id}/history`).expect(200)).body as HelpHistory;
    expect(history.events.map((e) => e.kind)).toEqual(['created', 'reply', 'taken', 'resolved', 'confirmed', 'rated']);
    const audit = (await t.db.query(
      `SELECT action FROM audit_logs WHERE target_type = 'help_request' AND target_id = '${asked.id}' ORDER BY id`,
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['help.create', 'help.reply', 'help.take', 'help.resolve', 'help.confirm', 'help.rate']);
  });

  it('reopened within 24 hours it goes back to its responder; later the system closes it and the resident rates it', async () => {
    const asked = await ask(resident, { category: 'supplies', urgency: 'normal', text: '家里没有大米了' });
    await volunteer.post(`/api/help/${asked.id}/resolve`, { summary: '送了一袋米' }).expect(200);
    const reopened = (await resident.post(`/api/help/${asked.id}/reopen`, { reason: '米还没送到' }).expect(200)).body as HelpDetail;
    expect(reopened.state).toBe('TAKEN');
    expect(reopened.assignee?.userId).toBe(ids.volunteer);
    expect(await messages(volunteer, 'help.reopened')).toHaveLength(1);
    await volunteer.post(`/api/help/${asked.id}/resolve`, { summary: '米已送到门口' }).expect(200);
    t.clock.advance(25 * 3600_000);
    expect((await resident.post(`/api/help/${asked.id}/reopen`, { reason: '还是没有' }).expect(409)).body.code).toBe('HELP_REOPEN_EXPIRED');
    await t.app.get(HelpEscalator).runOnce();
    const closed = (await resident.get(`/api/help/${asked.id}`).expect(200)).body as HelpDetail;
    expect(closed.state).toBe('CLOSED');
    expect(closed.actions).toContain('rate');
    expect((await messages(resident, 'help.closed')).some((m) => m.link === `/help/request/index?id=${asked.id}`)).toBe(true);
    const rated = (await resident.post(`/api/help/${asked.id}/rate`, { rating: 4 }).expect(200)).body as HelpDetail;
    expect(rated.rating).toBe(4);
    const [row] = (await t.db.query(`SELECT reopen_count AS n FROM help_requests WHERE id = ${asked.id}`)) as { n: number }[];
    expect(Number(row?.n)).toBe(1);
  });

  it('past the deadline with no response it escalates exactly once, even with two sweeps at once; the supervisor reassigns', async () => {
    const asked = await ask(resident, { category: 'complaint', urgency: 'normal', text: '楼下噪音太大' });
    const first = t.app.get(HelpEscalator);
    const second = new HelpEscalator(
      t.app.get<AppConfig>(APP_CONFIG),
      t.app.get(Db),
      t.app.get(Clock),
      t.app.get(AuditService),
      t.app.get(MessagesService),
      t.app.get(HelpAccess),
      t.app.get(HelpFlowService),
    );
    t.clock.advance(119 * MIN);
    await Promise.all([first.runOnce(), second.runOnce()]);
    expect((await messages(supervisor, 'help.escalated')).filter((m) => m.link?.endsWith(`=${asked.id}`))).toHaveLength(0);
    t.clock.advance(2 * MIN);
    await Promise.all([first.runOnce(), second.runOnce(), first.runOnce()]);
    await Promise.all([first.runOnce(), second.runOnce()]);
    const escalated = (await messages(supervisor, 'help.escalated')).filter((m) => m.link?.endsWith(`=${asked.id}`));
    expect(escalated).toHaveLength(1);
    expect((await messages(staff, 'help.reminder')).filter((m) => m.link?.endsWith(`=${asked.id}`))).toHaveLength(1);
    const events = (await t.db.query(`SELECT COUNT(*) AS n FROM help_events WHERE request_id = ${asked.id} AND kind = 'escalated'`)) as {
      n: number;
    }[];
    expect(Number(events[0]?.n)).toBe(1);

    const board = (await supervisor.get('/api/staff/help?state=open').expect(200)).body as HelpBoardPage;
    expect(board.items[0]).toMatchObject({ id: asked.id, escalation: 1, overdue: true });
    expect(((await supervisor.get('/api/staff/help?state=overdue').expect(200)).body as HelpBoardPage).items.map((i) => i.id)).toEqual([
      asked.id,
    ]);

    const invalid = await supervisor.post(`/api/staff/help/${asked.id}/reassign`, { userId: ids.stranger }).expect(409);
    expect(invalid.body.code).toBe('HELP_ASSIGNEE_INVALID');
    const moved = (await supervisor.post(`/api/staff/help/${asked.id}/reassign`, { userId: ids.volunteer }).expect(200)).body;
    expect(moved).toMatchObject({ state: 'TAKEN', assignee: { userId: ids.volunteer, as: 'volunteer' } });
    expect((await messages(volunteer, 'help.reassigned')).filter((m) => m.link?.endsWith(`=${asked.id}`))).toHaveLength(1);
    // The solution deadline (3 days) passes: escalated a second time, once.
    t.clock.advance(3 * 24 * 60 * MIN);
    await Promise.all([first.runOnce(), second.runOnce()]);
    const [row] = (await t.db.query(`SELECT escalation AS e, state FROM help_requests WHERE id = ${asked.id}`)) as {
      e: number;
      state: string;
    }[];
    expect(Number(row?.e)).toBe(2);
    expect((await messages(supervisor, 'help.escalated')).filter((m) => m.link?.endsWith(`=${asked.id}`))).toHaveLength(2);
    await staff.post(`/api/help/${asked.id}/cancel`, { reason: '已当面解决' }).expect(200);
  });

  it('wrong role and another household are refused; staff may ask by proxy; duplicates are merged', async () => {
    expect((await resident.get('/api/staff/help').expect(403)).body.code).toBe('FORBIDDEN');
    const proxyRefused = await (neighbour as Client)
      .post('/api/help', { category: 'other', urgency: 'normal', text: '帮邻居问问', householdId })
      .expect(403);
    expect(proxyRefused.body.code).toBe('HELP_NOT_RESPONDER');
    expect((await resident.post('/api/help', { category: 'food', urgency: 'normal', text: '要吃的' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await resident.post('/api/help', { category: 'other', urgency: 'normal', text: '' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const noHome = await staff.post('/api/help', { category: 'other', urgency: 'normal', text: '自己求助' }).expect(409);
    expect(noHome.body.code).toBe('HELP_NO_HOUSEHOLD');

    const proxied = await ask(staff, { category: 'medicine', urgency: 'normal', text: '帮王阿姨买降压药', householdId });
    expect(proxied.proxy).toBe(true);
    expect((await messages(resident, 'help.new')).some((m) => m.link?.endsWith(`=${proxied.id}`))).toBe(true);
    const dup = await ask(resident, { category: 'medicine', urgency: 'normal', text: '降压药吃完了' });
    const merged = (await staff.post(`/api/staff/help/${dup.id}/merge`, { intoId: proxied.id }).expect(200)).body;
    expect(merged).toMatchObject({ state: 'MERGED' });
    expect((await messages(resident, 'help.merged'))[0]?.link).toBe(`/help/request/index?id=${proxied.id}`);
    expect((await staff.post(`/api/staff/help/${dup.id}/merge`, { intoId: proxied.id }).expect(409)).body.code).toBe('INVALID_TRANSITION');
    expect((await resident.post(`/api/help/${proxied.id}/confirm`, {}).expect(409)).body.code).toBe('INVALID_TRANSITION');
    await (medic as Client).post(`/api/help/${proxied.id}/resolve`, { summary: '降压药已送到' }).expect(200);
    expect((await (medic as Client).post(`/api/help/${proxied.id}/confirm`, {}).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await (neighbour as Client).post(`/api/help/${proxied.id}/confirm`, {}).expect(404)).body.code).toBe('HELP_NOT_FOUND');
    await resident.post(`/api/help/${proxied.id}/confirm`, {}).expect(200);
  });

  it('counselling: refused without a counsellor; then only the counsellor who takes it and the resident read the thread', async () => {
    const none = await resident.post('/api/help', { category: 'counselling', urgency: 'normal', text: '最近睡不着，心里很慌' }).expect(409);
    expect(none.body.code).toBe('HELP_NO_COUNSELLOR');
    const [c1, c2] = await t.residents(2);
    const [community] = (await t.db.query('SELECT id FROM communities ORDER BY id LIMIT 1')) as { id: number }[];
    const cIds = await Promise.all([c1, c2].map(async (c) => (await me(c as Client)).user.id));
    for (const userId of cIds)
      await t.db.getRepository(RoleAssignment).insert({ userId, communityId: Number(community?.id), role: 'counsellor' });
    const picture = (await resident.upload('/api/files', photo(), 'a.png', { purpose: 'help' }).expect(201)).body as FileView;
    const asked = await ask(resident, { category: 'counselling', urgency: 'normal', text: '最近睡不着，心里很慌', photoIds: [picture.id] });
    const told = await messages(c1 as Client, 'help.new');
    expect(told).toHaveLength(1);
    expect(told[0]?.body).not.toContain('睡不着');
    expect(await messages(medic as Client, 'help.new').then((m) => m.filter((x) => x.link?.endsWith(`=${asked.id}`)))).toHaveLength(0);
    await (c2 as Client).get(`/api/help/${asked.id}`).expect(200);
    await (c1 as Client).post(`/api/help/${asked.id}/take`).expect(200);
    await (c1 as Client).post(`/api/help/${asked.id}/messages`, { text: '您好，我是心理咨询师，我们聊聊' }).expect(200);
    for (const outsider of [c2, medic, staff, supervisor, volunteer] as Client[]) {
      expect((await outsider.get(`/api/help/${asked.id}`).expect(404)).body.code).toBe('HELP_NOT_FOUND');
    }
    expect((await supervisor.post(`/api/help/${asked.id}/take`).expect(404)).body.code).toBe('HELP_NOT_FOUND');
    await (c1 as Client).get(`/api/files/${picture.id}`).expect(200);
    await resident.get(`/api/files/${picture.id}`).expect(200);
    for (const outsider of [c2, staff, supervisor] as Client[]) await outsider.get(`/api/files/${picture.id}`).expect(404);
    const thread = (await resident.get(`/api/help/${asked.id}`).expect(200)).body as HelpDetail;
    expect(thread.events.map((e) => e.text)).toContain('您好，我是心理咨询师，我们聊聊');
    const own = (await (c1 as Client).get(`/api/help/${asked.id}`).expect(200)).body as HelpDetail;
    expect(own.text).toBe('最近睡不着，心里很慌');

    const board = (await supervisor.get('/api/staff/help?state=open').expect(200)).body as HelpBoardPage;
    expect(board.items.find((i) => i.id === asked.id)).toMatchObject({
      text: null,
      category: 'counselling',
      firstResponseAt: expect.any(String),
    });
    const history = (await staff.get(`/api/staff/help/${asked.id}/history`).expect(200)).body as HelpHistory;
    expect(history.events.length).toBeGreaterThanOrEqual(3);
    expect(history.events.every((e) => e.text === null)).toBe(true);

    expect((await supervisor.post(`/api/staff/help/${asked.id}/reassign`, { userId: ids.supervisor }).expect(409)).body.code).toBe(
      'HELP_ASSIGNEE_INVALID',
    );
    await supervisor.post(`/api/staff/help/${asked.id}/reassign`, { userId: cIds[1] }).expect(200);
    await (c2 as Client).get(`/api/help/${asked.id}`).expect(200);
    await (c1 as Client).get(`/api/help/${asked.id}`).expect(404);
  });
});
