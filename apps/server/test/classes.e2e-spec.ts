import type { ClassSignupsView, ClassView, StaffClassView } from '@linli/shared-types';
import { Clock } from '../src/common/clock';
import { Db } from '../src/common/database/db';
import { ClassReminder } from '../src/modules/activities/classes/class-reminder';
import { MessagesService } from '../src/modules/messages/messages.service';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { TestApp, type Client } from './support/test-app';

const MINUTE = 60_000;

/**
 * Online classes (issue 16): staff schedule a class for some buildings; households sign up; a
 * full class keeps a waiting list that moves up when someone cancels; signed households are
 * reminded 15 minutes before; the replay comes afterwards.
 */
describe('classes', () => {
  let t: TestApp;
  let staff: Client;
  let building: Record<string, number>;
  /** Households of 1栋 with one resident each (logged in), and one of 2栋. */
  let h1: { id: number; client: Client }[];
  let h2: { id: number; client: Client };

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    const rows = (await t.db.query('SELECT id, name FROM buildings ORDER BY id')) as { id: number; name: string }[];
    building = Object.fromEntries(rows.map((b) => [b.name, Number(b.id)]));
    const free = async (name: string, n: number): Promise<number[]> =>
      (
        (await t.db.query(
          `SELECT h.id AS id FROM households h WHERE h.building_id = ${building[name]} AND NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id) ORDER BY h.id LIMIT ${n}`,
        )) as { id: number }[]
      ).map((h) => Number(h.id));
    h1 = [];
    for (const id of await free('1栋', 5)) h1.push({ id, client: (await t.residents(1, id))[0] as Client });
    const [id2] = await free('2栋', 1);
    h2 = { id: Number(id2), client: (await t.residents(1, id2))[0] as Client };
  });

  afterAll(async () => {
    await t.close();
  });

  const startsIn = (minutes: number): string => new Date(t.clock.now().getTime() + minutes * MINUTE).toISOString();
  const schedule = async (body: object = {}): Promise<StaffClassView> =>
    (
      await staff
        .post('/api/staff/classes', {
          kind: 'yoga',
          title: '居家瑜伽',
          teacher: '李老师',
          startsAt: startsIn(120),
          minutes: 45,
          capacity: 2,
          liveUrl: 'https://meeting.tencent.com/dm/abc123',
          buildingIds: [building['1栋']],
          ...body,
        })
        .expect(201)
    ).body as StaffClassView;
  const signUp = (who: Client, id: number, waitlist?: boolean) =>
    who.post(`/api/classes/${id}/signup`, waitlist === undefined ? {} : { waitlist });
  const told = async (kind: string, householdId: number): Promise<number> =>
    Number(
      (
        (await t.db.query(
          `SELECT COUNT(*) AS n FROM messages m JOIN users u ON u.id = m.user_id WHERE m.kind = '${kind}' AND u.household_id = ${householdId}`,
        )) as { n: number | string }[]
      )[0]?.n,
    );

  it('a full class offers the waiting list, which moves up when a signed household cancels', async () => {
    const [a, b, c, d] = h1 as [(typeof h1)[0], (typeof h1)[0], (typeof h1)[0], (typeof h1)[0]];
    const cls = await schedule();
    expect(cls).toMatchObject({ state: 'SCHEDULED', capacity: 2, signed: 0, left: 2, audience: '1栋', phase: 'UPCOMING' });

    const first = (await signUp(a.client, cls.id).expect(200)).body as ClassView;
    expect(first.mine).toEqual({ state: 'SIGNED', position: null, byStaff: false });
    expect(first.liveUrl).toBe('https://meeting.tencent.com/dm/abc123');
    expect(first.startsInSeconds).toBe(7200);
    expect(first.endsAt).toBe(new Date(Date.parse(cls.startsAt) + 45 * MINUTE).toISOString());
    expect(((await signUp(b.client, cls.id).expect(200)).body as ClassView).left).toBe(0);
    expect((await signUp(a.client, cls.id).expect(409)).body.code).toBe('CLASS_ALREADY_SIGNED');

    const full = await signUp(c.client, cls.id).expect(409);
    expect(full.body).toMatchObject({ code: 'CLASS_FULL', details: { capacity: 2, waiting: 0 } });
    t.clock.advance(1000);
    const waiting = (await signUp(c.client, cls.id, true).expect(200)).body as ClassView;
    expect(waiting.mine).toEqual({ state: 'WAITING', position: 1, byStaff: false });
    expect(waiting.liveUrl).toBeNull();
    t.clock.advance(1000);
    expect(((await signUp(d.client, cls.id, true).expect(200)).body as ClassView).mine).toMatchObject({ state: 'WAITING', position: 2 });
    expect(((await c.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).waiting).toBe(2);

    const left = (await a.client.post(`/api/classes/${cls.id}/cancel`).expect(200)).body as ClassView;
    expect(left.mine).toBeNull();
    const promoted = (await c.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView;
    expect(promoted).toMatchObject({ signed: 2, waiting: 1, mine: { state: 'SIGNED', position: null } });
    expect(await told('class.promoted', c.id)).toBe(1);
    expect(await told('class.promoted', d.id)).toBe(0);
    expect(((await d.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).mine).toMatchObject({ position: 1 });

    // Signing up again after cancelling: the class is full, so at the end of the line.
    expect((await signUp(a.client, cls.id).expect(409)).body.code).toBe('CLASS_FULL');
    t.clock.advance(1000);
    expect(((await signUp(a.client, cls.id, true).expect(200)).body as ClassView).mine).toMatchObject({ state: 'WAITING', position: 2 });
    // A waiting household leaving moves nobody up and shortens the line.
    await d.client.post(`/api/classes/${cls.id}/cancel`).expect(200);
    expect(((await a.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).mine).toMatchObject({ position: 1 });
    expect((await d.client.post(`/api/classes/${cls.id}/cancel`).expect(409)).body.code).toBe('CLASS_NOT_SIGNED');

    const signups = (await staff.get(`/api/staff/classes/${cls.id}/signups`).expect(200)).body as ClassSignupsView;
    expect(signups).toMatchObject({ signed: 2, waiting: 1 });
    expect(signups.perBuilding).toEqual([{ buildingId: building['1栋'], name: '1栋', signed: 2, waiting: 1 }]);
    expect(signups.signups.map((s) => [s.householdId, s.state, s.position])).toEqual([
      [b.id, 'SIGNED', null],
      [c.id, 'SIGNED', null],
      [a.id, 'WAITING', 1],
      [d.id, 'CANCELLED', null],
    ]);
    expect(signups.signups[0]?.door).toMatch(/1栋/);

    // A larger capacity moves the line up; a smaller one than the signed households is refused.
    expect((await staff.patch(`/api/staff/classes/${cls.id}`, { capacity: 1 }).expect(409)).body.code).toBe('CLASS_CAPACITY_BELOW_SIGNED');
    expect(((await staff.patch(`/api/staff/classes/${cls.id}`, { capacity: 3 }).expect(200)).body as StaffClassView).signed).toBe(3);
    expect(await told('class.promoted', a.id)).toBe(1);
    const row = (await t.db.query(`SELECT signed_count AS n FROM activity_classes WHERE id = ${cls.id}`)) as { n: number }[];
    expect(Number(row[0]?.n)).toBe(3);
  });

  it('parallel sign-ups never take more seats than the class has', async () => {
    const cls = await schedule({ capacity: 2, title: '广场舞入门', kind: 'dance' });
    const answers = await Promise.all(h1.map((h) => signUp(h.client, cls.id)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(2);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.code === 'CLASS_FULL')).toBe(true);
    const view = (await staff.get(`/api/staff/classes/${cls.id}`).expect(200)).body as StaffClassView;
    expect(view.signed).toBe(2);
    expect(await t.count('class_signups')).toBeGreaterThanOrEqual(2);
    const seated = (await t.db.query(`SELECT COUNT(*) AS n FROM class_signups WHERE class_id = ${cls.id} AND state = 'SIGNED'`)) as {
      n: number;
    }[];
    expect(Number(seated[0]?.n)).toBe(2);
  });

  it('reminds every signed household once, 15 minutes before the start', async () => {
    const [a, b, c] = h1 as [(typeof h1)[0], (typeof h1)[0], (typeof h1)[0]];
    const cls = await schedule({ capacity: 1, title: '亲子绘本共读', kind: 'reading', startsAt: startsIn(60) });
    await signUp(a.client, cls.id).expect(200);
    await signUp(b.client, cls.id, true).expect(200);
    const reminder = t.app.get(ClassReminder);
    const reminded = async (householdId: number): Promise<number> =>
      Number(
        (
          (await t.db.query(
            `SELECT COUNT(*) AS n FROM messages m JOIN users u ON u.id = m.user_id WHERE m.kind = 'class.reminder' AND u.household_id = ${householdId} AND m.link = '/activities/class/index?id=${cls.id}'`,
          )) as { n: number | string }[]
        )[0]?.n,
      );
    t.clock.advance(44 * MINUTE); // 16 minutes before
    await reminder.runOnce();
    expect(await reminded(a.id)).toBe(0);
    t.clock.advance(MINUTE); // 15 minutes before
    // A second server instance's job at the same moment: the claim on reminded_at decides.
    const other = new ClassReminder(t.app.get<AppConfig>(APP_CONFIG), t.app.get(Db), t.app.get(Clock), t.app.get(MessagesService));
    await Promise.all([reminder.runOnce(), other.runOnce()]);
    await reminder.runOnce();
    expect(await reminded(a.id)).toBe(1);
    expect(await reminded(b.id)).toBe(0);
    expect(await reminded(c.id)).toBe(0);
    const [msg] = (await t.db.query(
      `SELECT m.title AS title, m.body AS body FROM messages m JOIN users u ON u.id = m.user_id WHERE m.kind = 'class.reminder' AND u.household_id = ${a.id}`,
    )) as { title: string; body: string }[];
    expect(msg?.title).toBe('快上课了：亲子绘本共读');
    expect(msg?.body).toMatch(/\d+月\d+日 \d\d:\d\d 开始/);
    expect(((await staff.get(`/api/staff/classes/${cls.id}`).expect(200)).body as StaffClassView).remindedAt).not.toBeNull();

    // The live opens 10 minutes before; once started, sign-ups and cancellations are refused.
    t.clock.advance(5 * MINUTE);
    expect(((await a.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).phase).toBe('LIVE');
    t.clock.advance(10 * MINUTE);
    expect((await signUp(c.client, cls.id, true).expect(409)).body.code).toBe('CLASS_STARTED');
    expect((await a.client.post(`/api/classes/${cls.id}/cancel`).expect(409)).body.code).toBe('CLASS_STARTED');

    // Afterwards: the replay (signed households told, once), done, and it lists among the past.
    await staff.post(`/api/staff/classes/${cls.id}/replay`, { replayUrl: 'https://example.com/replay/1' }).expect(200);
    await staff.post(`/api/staff/classes/${cls.id}/replay`, { replayUrl: 'https://example.com/replay/2' }).expect(200);
    expect(await told('class.replay', a.id)).toBe(1);
    expect(await told('class.replay', b.id)).toBe(0);
    const done = (await staff.post(`/api/staff/classes/${cls.id}/done`).expect(200)).body as StaffClassView;
    expect(done).toMatchObject({ state: 'DONE', phase: 'OVER', replayUrl: 'https://example.com/replay/2' });
    expect((await staff.post(`/api/staff/classes/${cls.id}/done`).expect(409)).body.code).toBe('CLASS_DONE');
    const list = (await a.client.get('/api/classes').expect(200)).body as ClassView[];
    const ahead = list.findIndex((v) => v.phase === 'UPCOMING');
    const past = list.findIndex((v) => v.id === cls.id);
    expect(past).toBeGreaterThan(ahead);
    expect(list[past]).toMatchObject({ replayUrl: 'https://example.com/replay/2', mine: { state: 'SIGNED' } });
  });

  it('staff sign a household up by proxy, for the class’s buildings only; a cancelled class tells its households', async () => {
    const [a, b] = h1 as [(typeof h1)[0], (typeof h1)[0]];
    const cls = await schedule({ capacity: null, title: '健康讲座：居家防疫', kind: 'health' });
    expect(cls.left).toBeNull();
    const signups = (await staff.post(`/api/staff/classes/${cls.id}/signups`, { householdId: a.id }).expect(200)).body as ClassSignupsView;
    expect(signups.signups[0]).toMatchObject({ householdId: a.id, state: 'SIGNED', byStaff: true });
    expect(((await a.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).mine).toMatchObject({ byStaff: true });
    expect((await staff.post(`/api/staff/classes/${cls.id}/signups`, { householdId: h2.id }).expect(403)).body.code).toBe(
      'CLASS_NOT_FOR_BUILDING',
    );
    await signUp(b.client, cls.id).expect(200);
    await staff.post(`/api/staff/classes/${cls.id}/signups/${b.id}/cancel`).expect(200);
    await signUp(b.client, cls.id).expect(200);
    await staff.post(`/api/staff/classes/${cls.id}/cancel`).expect(200);
    expect(await told('class.cancelled', a.id)).toBe(1);
    expect(await told('class.cancelled', b.id)).toBe(1);
    expect((await signUp(h1[2]?.client as Client, cls.id).expect(404)).body.code).toBe('CLASS_NOT_FOUND');
    expect(((await a.client.get(`/api/classes/${cls.id}`).expect(200)).body as ClassView).phase).toBe('CANCELLED');
    expect((await a.client.post(`/api/classes/${cls.id}/cancel`).expect(409)).body.code).toBe('CLASS_CANCELLED');
    expect((await staff.post(`/api/staff/classes/${cls.id}/cancel`).expect(409)).body.code).toBe('CLASS_CANCELLED');
    expect(await t.count("audit_logs WHERE action = 'class.proxy_signup'")).toBe(1);
  });

  it('refuses the wrong role, another building, another community, and bad bodies', async () => {
    const cls = await schedule({ title: '1栋专场' });
    expect((await h2.client.get(`/api/classes/${cls.id}`).expect(404)).body.code).toBe('CLASS_NOT_FOUND');
    expect((await signUp(h2.client, cls.id).expect(404)).body.code).toBe('CLASS_NOT_FOUND');
    expect(((await h2.client.get('/api/classes').expect(200)).body as ClassView[]).map((c) => c.id)).not.toContain(cls.id);
    const everyone = await schedule({ title: '全体课程', buildingIds: [] });
    expect(everyone.audience).toBe('全体居民');
    await signUp(h2.client, everyone.id).expect(200);

    const resident = h1[0]?.client as Client;
    expect((await resident.post('/api/staff/classes', { kind: 'yoga' }).expect(403)).body.code).toBe('FORBIDDEN');
    await resident.get('/api/staff/classes').expect(403);
    await resident.get(`/api/staff/classes/${cls.id}/signups`).expect(403);
    await staff.get('/api/classes').expect(403);
    const volunteer = await t.login('volunteer');
    await volunteer.post(`/api/staff/classes/${cls.id}/cancel`).expect(403);
    await volunteer.post(`/api/staff/classes/${cls.id}/signups`, { householdId: h1[0]?.id }).expect(403);

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const otherStaff = await t.tokenFor(Number(u?.id));
    expect((await otherStaff.get(`/api/staff/classes/${cls.id}`).expect(404)).body.code).toBe('CLASS_NOT_FOUND');
    await otherStaff.get(`/api/staff/classes/${cls.id}/signups`).expect(404);
    await otherStaff.patch(`/api/staff/classes/${cls.id}`, { title: '别的社区来改' }).expect(404);
    await otherStaff.post(`/api/staff/classes/${cls.id}/cancel`).expect(404);
    await otherStaff.post(`/api/staff/classes/${cls.id}/signups`, { householdId: h1[0]?.id }).expect(404);
    expect((await otherStaff.get('/api/staff/classes').expect(200)).body).toEqual([]);

    const before = await t.count('activity_classes');
    const bad = async (body: object, code: string, status = 400): Promise<void> => {
      const res = await staff
        .post('/api/staff/classes', {
          kind: 'yoga',
          title: '瑜伽',
          teacher: '李老师',
          startsAt: startsIn(60),
          minutes: 45,
          liveUrl: 'https://example.com/live',
          ...body,
        })
        .expect(status);
      expect(res.body.code).toBe(code);
    };
    await bad({ kind: 'boxing' }, 'VALIDATION_FAILED');
    await bad({ title: '' }, 'VALIDATION_FAILED');
    await bad({ minutes: 0 }, 'VALIDATION_FAILED');
    await bad({ minutes: 45.5 }, 'VALIDATION_FAILED');
    await bad({ capacity: 0 }, 'VALIDATION_FAILED');
    await bad({ liveUrl: 'javascript:alert(1)' }, 'VALIDATION_FAILED');
    await bad({ startsAt: '2026-02-31T08:00:00+08:00' }, 'VALIDATION_FAILED');
    await bad({ buildingIds: ['1栋'] }, 'VALIDATION_FAILED');
    await bad({ extra: 1 }, 'VALIDATION_FAILED');
    await bad({ startsAt: startsIn(-5) }, 'CLASS_START_PASSED');
    await bad({ buildingIds: [999999] }, 'BUILDING_NOT_FOUND', 404);
    expect(await t.count('activity_classes')).toBe(before);
    expect((await signUp(resident, cls.id, 'yes' as unknown as boolean).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await staff.post(`/api/staff/classes/${cls.id}/replay`, { replayUrl: 'https://example.com/r' }).expect(409)).body.code).toBe(
      'CLASS_NOT_STARTED',
    );
    expect((await staff.post(`/api/staff/classes/${cls.id}/done`).expect(409)).body.code).toBe('CLASS_NOT_STARTED');
    expect((await resident.get('/api/classes/999999').expect(404)).body.code).toBe('CLASS_NOT_FOUND');
  });
});
