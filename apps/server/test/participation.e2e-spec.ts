import type { ParticipationView } from '@linli/shared-types';
import { ensureParticipationTables } from './support/participation-contract';
import { TestApp, type Client } from './support/test-app';

/**
 * Participation (issue 16): staff see sign-ups, entries, votes and quiz attempts of their
 * community per Asia/Shanghai day and per building.
 *
 * The rows are written straight into the tables of the contract (see participation-contract.ts):
 * classes, contests and quizzes are built on other branches; until they are merged, the test
 * creates those tables itself when they are missing.
 */
describe('participation', () => {
  let t: TestApp;
  let staff: Client;
  let building: Record<string, number>;
  let household: Record<string, number>;
  let nextId = 1000;

  /** Asia/Shanghai "2026-03-10 10:00". */
  const NOW = new Date('2026-03-10T02:00:00.000Z');
  /** A datetime literal both databases store as this UTC instant. */
  const utc = (iso: string): string => iso.replace('T', ' ').replace('Z', '');

  const insert = async (table: string, columns: Record<string, string | number>): Promise<number> => {
    const id = nextId++;
    const names = ['id', ...Object.keys(columns)];
    const values = [id, ...Object.values(columns)];
    await t.db.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, values);
    return id;
  };
  const view = async (query = ''): Promise<ParticipationView> =>
    (await staff.get(`/api/staff/activities/participation${query}`).expect(200)).body as ParticipationView;
  const figures = (v: ParticipationView, name: string) => v.perBuilding.find((b) => b.name === name)?.figures;
  const series = (v: ParticipationView) => Object.fromEntries(v.series.map((s) => [s.kind, s.perDay]));

  beforeAll(async () => {
    t = await TestApp.boot();
    t.clock.set(NOW);
    staff = await t.login('staff');
    await ensureParticipationTables(t.db);
    const rows = (await t.db.query('SELECT id, name FROM buildings ORDER BY id')) as { id: number; name: string }[];
    building = Object.fromEntries(rows.map((b) => [b.name, Number(b.id)]));
    household = {};
    for (const name of ['1栋', '2栋']) {
      const [h] = (await t.db.query(`SELECT id FROM households WHERE building_id = ? ORDER BY id LIMIT 1`, [building[name]])) as {
        id: number;
      }[];
      household[name] = Number(h?.id);
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

  it('counts each kind on its Shanghai day and the household’s building, for this community only', async () => {
    const [community] = (await t.db.query('SELECT id FROM communities ORDER BY id LIMIT 1')) as { id: number }[];
    const ours = Number(community?.id);
    const theirs = ours + 1000;
    const yoga = await insert('activity_classes', { community_id: ours });
    const elsewhere = await insert('activity_classes', { community_id: theirs });
    const photo = await insert('contests', { community_id: ours });
    const quiz = await insert('quizzes', { community_id: ours });
    const [h1, h2] = [household['1栋'] as number, household['2栋'] as number];

    // 23:30 on 9 March and 00:30 on 10 March in Shanghai: two days, though both are 9 March in UTC.
    await insert('class_signups', { class_id: yoga, household_id: h1, state: 'SIGNED', created_at: utc('2026-03-09T15:30:00.000Z') });
    await insert('class_signups', { class_id: yoga, household_id: h2, state: 'WAITING', created_at: utc('2026-03-09T16:30:00.000Z') });
    await insert('class_signups', { class_id: yoga, household_id: h2, state: 'CANCELLED', created_at: utc('2026-03-09T17:00:00.000Z') });
    await insert('class_signups', { class_id: elsewhere, household_id: h1, state: 'SIGNED', created_at: utc('2026-03-10T01:00:00.000Z') });
    await insert('contest_entries', { contest_id: photo, household_id: h2, created_at: utc('2026-03-10T01:00:00.000Z') });
    // 20 days ago: outside 14 days, inside 30.
    await insert('contest_entries', { contest_id: photo, household_id: h1, created_at: utc('2026-02-18T04:00:00.000Z') });
    for (let i = 0; i < 3; i++)
      await insert('contest_votes', { contest_id: photo, household_id: h1, created_at: utc('2026-03-10T01:00:00.000Z') });
    await insert('quiz_attempts', { quiz_id: quiz, household_id: h2, started_at: utc('2026-03-08T00:00:00.000Z') });

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
