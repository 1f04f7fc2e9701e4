import type { ContestView, FileView, MyContestEntryView, ParticipationView, StaffClassView, StaffQuizView } from '@linli/shared-types';
import { PNG } from 'pngjs';
import { TestApp, type Client } from './support/test-app';

function photo(): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(150);
  return PNG.sync.write(png);
}

/**
 * Participation (issue 16): staff see sign-ups, entries, votes and quiz attempts of their
 * community per Asia/Shanghai day and per building. Everything counted is done through the real
 * API, the clock moved between steps.
 */
describe('participation', () => {
  let t: TestApp;
  let staff: Client;
  let building: Record<string, number>;
  let household: Record<string, number>;

  /** Asia/Shanghai "2026-03-10 10:00". */
  const NOW = new Date('2026-03-10T02:00:00.000Z');

  const view = async (query = ''): Promise<ParticipationView> =>
    (await staff.get(`/api/staff/activities/participation${query}`).expect(200)).body as ParticipationView;
  const figures = (v: ParticipationView, name: string) => v.perBuilding.find((b) => b.name === name)?.figures;
  const series = (v: ParticipationView) => Object.fromEntries(v.series.map((s) => [s.kind, s.perDay]));

  beforeAll(async () => {
    t = await TestApp.boot();
    t.clock.set(NOW);
    staff = await t.login('staff');
    const rows = (await t.db.query('SELECT id, name FROM buildings ORDER BY id')) as { id: number; name: string }[];
    building = Object.fromEntries(rows.map((b) => [b.name, Number(b.id)]));
    household = {};
    for (const name of ['1栋', '2栋']) {
      const [h, second] = (await t.db.query(`SELECT id FROM households WHERE building_id = ? ORDER BY id LIMIT 2`, [building[name]])) as {
        id: number;
      }[];
      household[name] = Number(h?.id);
      household[`${name}b`] = Number(second?.id);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 14 zero-filled days up to today (Shanghai) and every building, before anything happened', async () => {
    const v = await view();
    expect(v.days).toHaveLength(14);
    expect(v.days[13]).toBe('2026-03-10');
    expect(v.days[0]).toBe('2026-02-25');
    expect(v.series.map((s) => [s.kind, s.label])).toEqual([
      ['signups', '报名'],
      ['entries', '作品'],
      ['votes', '投票'],
      ['attempts', '答题'],
    ]);
    expect(v.series.every((s) => s.perDay.length === 14 && s.perDay.every((n) => n === 0))).toBe(true);
    expect(v.perBuilding.map((b) => b.name)).toEqual(expect.arrayContaining(['1栋', '2栋']));
    expect(v.perBuilding).toHaveLength(Object.keys(building).length);
    expect(v.totals).toEqual({ signups: 0, entries: 0, votes: 0, attempts: 0 });
  });

  it('counts each kind on its Shanghai day and the household’s building', async () => {
    const [h1, h2] = [household['1栋'] as number, household['2栋'] as number];
    const [a1, b1, c1] = await t.residents(3, h1); // three people of one 1栋 household
    const [a2] = (await t.residents(1, h2)) as [Client]; // 2栋
    const [late] = (await t.residents(1, household['2栋b'])) as [Client]; // another 2栋 household
    const at = (iso: string): void => t.clock.set(new Date(iso));

    // 20 days ago (18 February, Shanghai noon): a contest, a class and a quiz; 1栋 enters the contest.
    at('2026-02-18T04:00:00.000Z');
    const contest = (
      await staff
        .post('/api/staff/contests', {
          kind: 'photo',
          title: '春天的小区',
          rules: '一户一件作品',
          entryStartsAt: '2026-02-18T00:00:00.000Z',
          entryEndsAt: '2026-03-11T00:00:00.000Z',
          voteStartsAt: '2026-02-18T00:00:00.000Z',
          voteEndsAt: '2026-03-12T00:00:00.000Z',
          entriesPerHousehold: 1,
          votesPerDay: 3,
          mode: 'vote',
          autoApprove: false,
        })
        .expect(201)
    ).body as ContestView;
    const yoga = (
      await staff
        .post('/api/staff/classes', {
          kind: 'yoga',
          title: '居家瑜伽',
          teacher: '李老师',
          startsAt: '2026-03-12T02:00:00.000Z',
          minutes: 45,
          capacity: 1,
          liveUrl: 'https://meeting.tencent.com/dm/abc123',
        })
        .expect(201)
    ).body as StaffClassView;
    await staff
      .post('/api/staff/quiz-questions', {
        kind: 'single',
        text: '出门要戴口罩吗？',
        options: ['要', '不要'],
        correct: [0],
        explanation: '要戴',
      })
      .expect(201);
    const quiz = (
      await staff
        .post('/api/staff/quizzes', {
          title: '防疫知识竞答',
          intro: '',
          questionCount: 1,
          timeLimitSeconds: 60,
          attemptsAllowed: 1,
          opensAt: '2026-02-18T00:00:00.000Z',
          closesAt: '2026-03-12T00:00:00.000Z',
        })
        .expect(201)
    ).body as StaffQuizView;
    const enter = async (who: Client): Promise<MyContestEntryView> => {
      const file = (await who.upload('/api/files', photo(), 'a.png', { purpose: 'contest' }).expect(201)).body as FileView;
      const entry = (
        await who.post(`/api/contests/${contest.id}/entries`, { title: '阳台的花', caption: '开了', pictureIds: [file.id] }).expect(201)
      ).body as MyContestEntryView;
      await staff.post(`/api/staff/contest-entries/${entry.id}/approve`).expect(200);
      return entry;
    };
    await enter(a1 as Client);

    // 8 March: 2栋 takes the quiz.
    at('2026-03-08T00:00:00.000Z');
    await a2.post(`/api/quizzes/${quiz.id}/attempts`).expect(201);

    // 23:30 on 9 March and 00:30 on 10 March in Shanghai: two days, though both are 9 March in UTC.
    at('2026-03-09T15:30:00.000Z');
    await (a1 as Client).post(`/api/classes/${yoga.id}/signup`, {}).expect(200);
    at('2026-03-09T16:30:00.000Z');
    await a2.post(`/api/classes/${yoga.id}/signup`, { waitlist: true }).expect(200);
    // A household that joins the line and leaves it is not counted.
    await late.post(`/api/classes/${yoga.id}/signup`, { waitlist: true }).expect(200);
    await late.post(`/api/classes/${yoga.id}/cancel`).expect(200);

    // Today (10 March, 09:00 in Shanghai): 2栋 enters, and three people of 1栋 vote for it.
    at('2026-03-10T01:00:00.000Z');
    const entry = await enter(a2);
    for (const voter of [a1, b1, c1] as Client[]) await voter.post(`/api/contest-entries/${entry.id}/vote`).expect(200);
    at(NOW.toISOString());

    const v = await view();
    const s = series(v);
    expect(s.signups?.slice(-2)).toEqual([1, 1]);
    expect(s.entries?.slice(-1)).toEqual([1]);
    expect(s.votes?.slice(-1)).toEqual([3]);
    expect(s.attempts?.slice(-3)).toEqual([1, 0, 0]);
    expect(v.totals).toEqual({ signups: 2, entries: 1, votes: 3, attempts: 1 });
    expect(figures(v, '1栋')).toEqual({ signups: 1, entries: 0, votes: 3, attempts: 0 });
    expect(figures(v, '2栋')).toEqual({ signups: 1, entries: 1, votes: 0, attempts: 1 });

    const month = await view('?days=30');
    expect(month.days).toHaveLength(30);
    expect(month.totals.entries).toBe(2);
    expect(figures(month, '1栋')?.entries).toBe(1);

    const today = await view('?days=1');
    expect(today.days).toEqual(['2026-03-10']);
    expect(today.totals).toEqual({ signups: 1, entries: 1, votes: 3, attempts: 0 });
  });

  it('refuses other roles and bad day counts, and shows another community’s staff none of it', async () => {
    const resident = await t.login('resident');
    expect((await resident.get('/api/staff/activities/participation').expect(403)).body.code).toBe('FORBIDDEN');
    await (await t.login('volunteer')).get('/api/staff/activities/participation').expect(403);
    await t.http.get('/api/staff/activities/participation').expect(401);
    expect((await (await t.login('supervisor')).get('/api/staff/activities/participation?days=7').expect(200)).body.days).toHaveLength(7);

    for (const days of ['0', '91', 'abc', '1.5', '-3']) {
      const res = await staff.get(`/api/staff/activities/participation?days=${days}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(typeof res.body.message).toBe('string');
    }
    expect((await staff.get('/api/staff/activities/participation?days=90').expect(200)).body.days).toHaveLength(90);
    expect((await staff.get('/api/staff/activities/participation?building=1').expect(400)).body.code).toBe('VALIDATION_FAILED');

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const other = (await (await t.tokenFor(Number(u?.id))).get('/api/staff/activities/participation').expect(200))
      .body as ParticipationView;
    expect(other.perBuilding).toEqual([]);
    expect(other.totals).toEqual({ signups: 0, entries: 0, votes: 0, attempts: 0 });
  });
});
