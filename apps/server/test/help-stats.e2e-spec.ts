import type { HelpFigures, HelpStats } from '@linli/shared-types';
import ExcelJS from 'exceljs';
import { TestApp, type Client } from './support/test-app';

/**
 * Supervisors' statistics of help requests (issue 17). The requests are written straight into
 * help_requests (the requests' own service is built elsewhere), at times relative to the injected
 * clock, and every figure below is worked out by hand from that set.
 */
describe('help statistics', () => {
  let t: TestApp;
  let supervisor: Client;
  let community: number;
  let building: Record<string, number>;
  let household: Record<string, number>;
  let volunteer: { id: number; name: string };
  let staff: { id: number; name: string };
  let resident: number;

  /** Asia/Shanghai "2026-03-10 10:00": today began 600 minutes ago. */
  const NOW = new Date('2026-03-10T02:00:00.000Z');
  /** A time `m` minutes from NOW, as both databases take it (UTC text). */
  const at = (m: number | null): string | null =>
    m === null ? null : new Date(NOW.getTime() + m * 60_000).toISOString().replace('T', ' ').replace('Z', '');
  const DAY = 24 * 60;

  const stats = async (period: string, as: Client = supervisor): Promise<HelpStats> =>
    (await as.get(`/api/staff/help/stats?period=${period}`).expect(200)).body as HelpStats;

  interface Seed {
    b: '1栋' | '2栋';
    category: string;
    state: string;
    /** Minutes from NOW (negative: before). */
    created: number;
    /** First-response deadline, minutes after asking. */
    due: number;
    /** Minutes after asking of the first response (null: none). */
    answered?: number | null;
    by?: 'volunteer' | 'staff';
    /** Solution deadline, minutes from NOW. */
    solutionDue?: number;
    /** Minutes from NOW. */
    resolved?: number | null;
    reopens?: number;
    communityId?: number;
  }

  async function seed(s: Seed): Promise<void> {
    const answered = s.answered ?? null;
    await t.db.query(
      `INSERT INTO help_requests (community_id, household_id, building_id, category, urgency, state, text, asked_by, proxy,
         first_response_due, first_response_at, first_responder_id, solution_due, resolved_at, reopen_count, escalation, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'normal', ?, '需要帮助', ?, 0, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      [
        s.communityId ?? community,
        household[s.b],
        building[s.b],
        s.category,
        s.state,
        resident,
        at(s.created + s.due),
        answered === null ? null : at(s.created + answered),
        answered === null ? null : s.by === 'staff' ? staff.id : volunteer.id,
        at(s.solutionDue ?? s.created + DAY),
        at(s.resolved ?? null),
        s.reopens ?? 0,
        at(s.created),
        at(s.created),
      ],
    );
  }

  beforeAll(async () => {
    t = await TestApp.boot();
    t.clock.set(NOW);
    supervisor = await t.login('supervisor');
    const [c] = (await t.db.query('SELECT id FROM communities ORDER BY id LIMIT 1')) as { id: number }[];
    community = Number(c?.id);
    const rows = (await t.db.query('SELECT id, name FROM buildings WHERE community_id = ? ORDER BY id', [community])) as {
      id: number;
      name: string;
    }[];
    building = Object.fromEntries(rows.map((b) => [b.name, Number(b.id)]));
    household = {};
    for (const name of ['1栋', '2栋']) {
      const [h] = (await t.db.query('SELECT id FROM households WHERE building_id = ? ORDER BY id LIMIT 1', [building[name]])) as {
        id: number;
      }[];
      household[name] = Number(h?.id);
    }
    const user = async (key: string): Promise<{ id: number; name: string }> => {
      const [u] = (await t.db.query('SELECT id, nickname FROM users WHERE dev_key = ?', [key])) as { id: number; nickname: string }[];
      return { id: Number(u?.id), name: String(u?.nickname) };
    };
    volunteer = await user('volunteer');
    staff = await user('staff');
    resident = (await user('resident')).id;

    // ---- today (from 00:00 Shanghai = 600 minutes ago) ----
    // A 1栋 medical: answered after 5 (deadline 15) — in time; closed.
    await seed({ b: '1栋', category: 'medical', state: 'CLOSED', created: -120, due: 15, answered: 5, resolved: -60 });
    // B 1栋 supplies: 10 (deadline 30) — in time; taken, solution due in 140 minutes.
    await seed({ b: '1栋', category: 'supplies', state: 'TAKEN', created: -100, due: 30, answered: 10, solutionDue: 140 });
    // C 1栋 complaint: 20 (deadline 120) — in time, by staff; resolved, waiting for the resident.
    await seed({ b: '1栋', category: 'complaint', state: 'RESOLVED', created: -90, due: 120, answered: 20, by: 'staff', resolved: -30 });
    // D 2栋 medicine: 40 (deadline 15) — late, by staff; resolved once, reopened, solution due 10 minutes ago: overdue.
    await seed({
      b: '2栋',
      category: 'medicine',
      state: 'TAKEN',
      created: -80,
      due: 15,
      answered: 40,
      by: 'staff',
      resolved: -20,
      reopens: 1,
      solutionDue: -10,
    });
    // E 2栋 supplies: 90 (deadline 60) — late; closed.
    await seed({ b: '2栋', category: 'supplies', state: 'CLOSED', created: -200, due: 60, answered: 90, resolved: -100 });
    // F 2栋 transport: no answer, deadline passed 35 minutes ago: missed, overdue.
    await seed({ b: '2栋', category: 'transport', state: 'OPEN', created: -50, due: 15, solutionDue: 70 });
    // G 1栋 complaint: no answer, deadline in 110 minutes: not decided yet, not overdue.
    await seed({ b: '1栋', category: 'complaint', state: 'OPEN', created: -10, due: 120 });
    // A duplicate merged into another request: left out of everything.
    await seed({ b: '1栋', category: 'other', state: 'MERGED', created: -30, due: 30, answered: 1 });
    // ---- three days ago (7 March, 09:00 and 10:00 Shanghai) ----
    // H 1栋 medical: 30 (deadline 15) — late; closed.
    await seed({ b: '1栋', category: 'medical', state: 'CLOSED', created: -3 * DAY, due: 15, answered: 30, resolved: -3 * DAY + 100 });
    // I 2栋 complaint: 60 (deadline 120) — in time, by staff; closed after two reopens.
    await seed({
      b: '2栋',
      category: 'complaint',
      state: 'CLOSED',
      created: -3 * DAY - 60,
      due: 120,
      answered: 60,
      by: 'staff',
      resolved: -3 * DAY + 200,
      reopens: 2,
    });
    // ---- ten days ago (28 February 10:00 Shanghai): the first request of the lockdown ----
    // J 1栋 supplies: 15 (deadline 30) — in time; closed.
    await seed({ b: '1栋', category: 'supplies', state: 'CLOSED', created: -10 * DAY, due: 30, answered: 15, resolved: -10 * DAY + 60 });

    // Another community's request today (its supervisor sees it; ours never).
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [other] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await seed({ b: '1栋', category: 'complaint', state: 'OPEN', created: -5, due: 5, communityId: Number(other?.id) });
  });

  afterAll(async () => {
    await t.close();
  });

  const figures = (f: HelpFigures): HelpFigures => ({
    requests: f.requests,
    medianFirstResponseMinutes: f.medianFirstResponseMinutes,
    p90FirstResponseMinutes: f.p90FirstResponseMinutes,
    withinDeadlineShare: f.withinDeadlineShare,
    openNow: f.openNow,
    overdueNow: f.overdueNow,
    reopenRate: f.reopenRate,
    complaintsPerDay: f.complaintsPerDay,
  });

  it('today: the figures of A–G worked out by hand', async () => {
    const s = await stats('today');
    expect(s.period).toBe('today');
    expect(s.from).toBe('2026-03-09T16:00:00.000Z');
    expect(s.days).toBe(1);
    // Minutes 5, 10, 20, 40, 90 → median 20, p90 (5th of 5) 90. Decided A–F (G's deadline is
    // still ahead), in time A, B, C → 3/6. Open B, C, D, F, G; overdue D (solution), F (first
    // response). Resolved once A, C, D, E; reopened D → 1/4. Complaints C, G over 1 day.
    expect(figures(s.total)).toEqual({
      requests: 7,
      medianFirstResponseMinutes: 20,
      p90FirstResponseMinutes: 90,
      withinDeadlineShare: 0.5,
      openNow: 5,
      overdueNow: 2,
      reopenRate: 0.25,
      complaintsPerDay: 2,
    });
    // 1栋 A, B, C, G: minutes 5, 10, 20 → median 10, p90 (3rd of 3) 20; 3/3 in time; open B, C, G;
    // resolved A, C, neither reopened. 2栋 D, E, F: minutes 40, 90 → median 65, p90 90; 0/3 in
    // time; open D, F, both overdue; resolved D, E, D reopened → 1/2.
    expect(s.byBuilding.map((b) => [b.buildingName, figures(b)])).toEqual([
      [
        '1栋',
        {
          requests: 4,
          medianFirstResponseMinutes: 10,
          p90FirstResponseMinutes: 20,
          withinDeadlineShare: 1,
          openNow: 3,
          overdueNow: 0,
          reopenRate: 0,
          complaintsPerDay: 2,
        },
      ],
      [
        '2栋',
        {
          requests: 3,
          medianFirstResponseMinutes: 65,
          p90FirstResponseMinutes: 90,
          withinDeadlineShare: 0,
          openNow: 2,
          overdueNow: 2,
          reopenRate: 0.5,
          complaintsPerDay: 0,
        },
      ],
    ]);
    // The volunteer answered A, B, E (5, 10, 90: median 10, p90 90, 2/3 in time); staff C, D
    // (20, 40: median 30, p90 40, 1/2 in time). F and G, unanswered, are nobody's.
    expect(
      s.byResponder.map((r) => [
        r.userId,
        r.name,
        r.requests,
        r.medianFirstResponseMinutes,
        r.p90FirstResponseMinutes,
        r.withinDeadlineShare,
      ]),
    ).toEqual([
      [volunteer.id, volunteer.name, 3, 10, 90, 0.6667],
      [staff.id, staff.name, 2, 30, 40, 0.5],
    ]);
    // Categories in their fixed order; supplies B, E: (10 + 90) / 2 = 50.
    expect(s.byCategory.map((c) => [c.category, c.label, c.requests, c.medianFirstResponseMinutes, c.withinDeadlineShare])).toEqual([
      ['medical', '就医', 1, 5, 1],
      ['supplies', '物资', 2, 50, 0.5],
      ['medicine', '买药', 1, 40, 0],
      ['transport', '出行', 1, null, 0],
      ['complaint', '投诉', 2, 20, 1],
    ]);
    expect(s.daily).toEqual([{ date: '2026-03-10', requests: 7, answered: 5, withinDeadline: 3 }]);
  });

  it('7 days: adds H and I of 7 March', async () => {
    const s = await stats('7d');
    expect(s.days).toBe(7);
    expect(s.from).toBe('2026-03-03T16:00:00.000Z');
    // Minutes 5, 10, 20, 30, 40, 60, 90 → median 30, p90 (7th of 7) 90. Decided 8 (all but G),
    // in time A, B, C, I → 4/8. Resolved once A, C, D, E, H, I; reopened D, I → 2/6. Complaints
    // C, G, I: 3 / 7 days = 0.43.
    expect(figures(s.total)).toEqual({
      requests: 9,
      medianFirstResponseMinutes: 30,
      p90FirstResponseMinutes: 90,
      withinDeadlineShare: 0.5,
      openNow: 5,
      overdueNow: 2,
      reopenRate: 0.3333,
      complaintsPerDay: 0.43,
    });
    expect(s.daily.map((d) => d.date)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(s.daily[3]).toEqual({ date: '2026-03-07', requests: 2, answered: 2, withinDeadline: 1 });
    expect(s.daily.filter((d) => d.requests === 0)).toHaveLength(5);
    // Staff now also answered I (60, in time): 20, 40, 60 → median 40; 2/3 in time. The volunteer
    // also H (30, late): 5, 10, 30, 90 → median 20, p90 (4th of 4) 90; 2/4.
    expect(
      s.byResponder.map((r) => [r.name, r.requests, r.medianFirstResponseMinutes, r.p90FirstResponseMinutes, r.withinDeadlineShare]),
    ).toEqual([
      [volunteer.name, 4, 20, 90, 0.5],
      [staff.name, 3, 40, 60, 0.6667],
    ]);
  });

  it('the lockdown so far: from the first request’s day, 28 February (11 days)', async () => {
    const s = await stats('all');
    expect(s.from).toBe('2026-02-27T16:00:00.000Z');
    expect(s.days).toBe(11);
    expect(s.daily).toHaveLength(11);
    expect(s.daily[0]).toEqual({ date: '2026-02-28', requests: 1, answered: 1, withinDeadline: 1 });
    // Minutes 5, 10, 15, 20, 30, 40, 60, 90 → median (20 + 30) / 2 = 25, p90 (8th of 8) 90;
    // in time A, B, C, I, J of 9 decided → 0.5556; complaints 3 / 11 days = 0.27.
    expect(s.total.requests).toBe(10);
    expect(s.total.medianFirstResponseMinutes).toBe(25);
    expect(s.total.p90FirstResponseMinutes).toBe(90);
    expect(s.total.withinDeadlineShare).toBe(0.5556);
    expect(s.total.complaintsPerDay).toBe(0.27);
    expect(s.byBuilding.map((b) => [b.buildingName, b.requests])).toEqual([
      ['1栋', 6],
      ['2栋', 4],
    ]);
  });

  it('exports the same figures to Excel, with Chinese sheets and headers', async () => {
    const res = await supervisor
      .get('/api/staff/help/stats.xlsx?period=today')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['总体', '按楼栋', '按处理人', '按类别', '每日']);
    const total = workbook.getWorksheet('总体');
    expect(total?.getRow(1).getCell(1).value).toBe('时段');
    expect(total?.getRow(2).getCell(1).value).toBe('今天');
    expect(total?.getRow(2).getCell(5).value).toBe(7); // 求助数
    const byBuilding = workbook.getWorksheet('按楼栋');
    expect(byBuilding?.getRow(1).getCell(3).value).toBe('首次响应中位数(分钟)');
    expect(
      [2, 3].map((r) => [
        byBuilding?.getRow(r).getCell(1).value,
        byBuilding?.getRow(r).getCell(3).value,
        byBuilding?.getRow(r).getCell(5).value,
      ]),
    ).toEqual([
      ['1栋', 10, '100%'],
      ['2栋', 65, '0%'],
    ]);
    expect(workbook.getWorksheet('按处理人')?.getRow(2).getCell(1).value).toBe(volunteer.name);
    expect(workbook.getWorksheet('每日')?.getRow(2).values).toEqual([undefined, '2026-03-10', 7, 5, 3]);
  });

  it('is for staff and supervisors only, and each community sees only its own', async () => {
    const residentClient = await t.login('resident');
    expect((await residentClient.get('/api/staff/help/stats').expect(403)).body.code).toBe('FORBIDDEN');
    await residentClient.get('/api/staff/help/stats.xlsx').expect(403);
    await (await t.login('volunteer')).get('/api/staff/help/stats').expect(403);
    await t.http.get('/api/staff/help/stats').expect(401);
    expect((await stats('today', await t.login('staff'))).total.requests).toBe(7);
    // Default period: today.
    expect(((await supervisor.get('/api/staff/help/stats').expect(200)).body as HelpStats).period).toBe('today');
    for (const period of ['week', '30d', 'ALL']) {
      const res = await supervisor.get(`/api/staff/help/stats?period=${period}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }

    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾主任', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾主任'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'supervisor')`);
    const other = await t.tokenFor(Number(u?.id));
    const theirs = await stats('all', other);
    // Their one complaint, asked 5 minutes ago, deadline just passed: nothing of ours.
    expect(theirs.total.requests).toBe(1);
    expect(theirs.total.overdueNow).toBe(1);
    expect(theirs.byResponder).toEqual([]);
    expect(theirs.daily).toHaveLength(1);
    expect((await stats('all')).total.requests).toBe(10);
  });
});
