import ExcelJS from 'exceljs';
import type { CareContactView, ErrorBody, LedgerHistory, LedgerView, MedicineRequestView, MeResponse } from '@linli/shared-types';
import { TestApp, type Client } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * The daily care ledger (issue 18): the grid worker of a building records each day's contact with
 * its vulnerable households (电话, 上门, 没人接) and what they need, and turns a need into a medicine
 * request; staff see today's list — reached, not reached, not reached for two days (red) — per grid
 * worker, each household's history, and an Excel export. Nobody else sees any of it.
 */
describe('care ledger', () => {
  let t: TestApp;
  let staff: Client;
  let worker: Client;
  let workerId: number;
  let buildingId: number;
  let mine: number[];

  const ledger = async (who: Client, query = ''): Promise<LedgerView> =>
    (await who.get(`/api/care/ledger${query}`).expect(200)).body as LedgerView;

  beforeAll(async () => {
    // 09:00 in Shanghai, so "today" and "yesterday" are plain.
    t = await TestApp.boot();
    t.clock.set(new Date('2026-04-10T01:00:00Z'));
    staff = await t.login('staff');
    worker = await t.login('volunteer');
    workerId = ((await worker.get('/api/me').expect(200)).body as MeResponse).user.id;
    const [b] = (await t.db.query(
      "SELECT building_id AS id, COUNT(*) AS n FROM households WHERE tags <> '' GROUP BY building_id ORDER BY COUNT(*) DESC, building_id LIMIT 1",
    )) as { id: number }[];
    buildingId = Number(b?.id);
    // Staff make the volunteer the building's 网格员 (the help team's grid worker).
    await staff.put('/api/staff/help/teams', { buildingId, role: 'grid_worker', userId: workerId }).expect(200);
    mine = (
      (await t.db.query(`SELECT id FROM households WHERE building_id = ${buildingId} AND tags <> '' ORDER BY id`)) as { id: number }[]
    ).map((r) => Number(r.id));
  });

  afterAll(async () => {
    await t.close();
  });

  it("the grid worker sees their building's vulnerable households, all red before anyone was reached", async () => {
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const view = await ledger(worker);
    expect(view).toMatchObject({
      date: '2026-04-10',
      all: false,
      figures: { households: mine.length, reached: 0, notReached: mine.length, twoDays: mine.length },
    });
    expect(view.rows.map((r) => r.householdId).sort((a, b) => a - b)).toEqual(mine);
    expect(view.rows.every((r) => r.twoDays && r.status === 'none' && r.tags.length > 0 && r.gridWorker?.userId === workerId)).toBe(true);
    expect(view.byGridWorker).toEqual([]);
  });

  let medicineContact: CareContactView;

  it('records a call with a need, an unanswered try and a visit; the day shows who was reached', async () => {
    const [first, second] = mine as [number, number];
    medicineContact = (
      await worker
        .post('/api/care/ledger/contacts', { householdId: first, kind: 'phone', needs: ['medicine', 'food'], note: '降压药快吃完了' })
        .expect(201)
    ).body as CareContactView;
    expect(medicineContact).toMatchObject({
      householdId: first,
      date: '2026-04-10',
      kind: 'phone',
      needs: ['medicine', 'food'],
      note: '降压药快吃完了',
      followUps: [],
    });
    await worker.post('/api/care/ledger/contacts', { householdId: second, kind: 'no_answer', needs: [] }).expect(201);
    const view = await ledger(worker);
    const byId = new Map(view.rows.map((r) => [r.householdId, r]));
    expect(byId.get(first)).toMatchObject({ status: 'reached', twoDays: false, lastReached: '2026-04-10' });
    expect(byId.get(first)?.today.map((c) => c.kind)).toEqual(['phone']);
    expect(byId.get(second)).toMatchObject({ status: 'tried', twoDays: true, lastReached: null });
    expect(view.figures).toEqual({ households: mine.length, reached: 1, notReached: mine.length - 1, twoDays: mine.length - 1 });
    // Red first, reached last.
    expect(view.rows[view.rows.length - 1]?.householdId).toBe(first);
  });

  it('the next day: reached yesterday is not red yet; the day after it is', async () => {
    const [first] = mine as [number];
    t.clock.advance(DAY_MS);
    const next = await ledger(worker);
    expect(next.date).toBe('2026-04-11');
    expect(next.rows.find((r) => r.householdId === first)).toMatchObject({ status: 'none', twoDays: false, lastReached: '2026-04-10' });
    t.clock.advance(DAY_MS);
    const after = await ledger(worker);
    expect(after.rows.find((r) => r.householdId === first)).toMatchObject({ status: 'none', twoDays: true, lastReached: '2026-04-10' });
    // Looking back at a day shows that day.
    const back = await ledger(worker, '?date=2026-04-10');
    expect(back.rows.find((r) => r.householdId === first)).toMatchObject({ status: 'reached', twoDays: false });
    t.clock.set(new Date('2026-04-10T03:00:00Z'));
  });

  it('turns the need into a medicine request by proxy and links it; the history shows both', async () => {
    const [first] = mine as [number];
    const request = (
      await staff
        .post('/api/staff/medicine-requests', {
          householdId: first,
          urgency: 'chronic',
          items: [{ name: '硝苯地平缓释片', spec: '10mg×30片', quantity: 1, brand: 'usual', prescription: false }],
          note: '网格员电话登记',
        })
        .expect(201)
    ).body as MedicineRequestView;
    const linked = (
      await worker.post(`/api/care/ledger/contacts/${medicineContact.id}/follow-up`, { kind: 'medicine', id: request.id }).expect(200)
    ).body as CareContactView;
    expect(linked.followUps).toEqual([{ kind: 'medicine', id: request.id }]);
    // Linking twice keeps one link.
    await worker.post(`/api/care/ledger/contacts/${medicineContact.id}/follow-up`, { kind: 'medicine', id: request.id }).expect(200);
    const history = (await worker.get(`/api/care/ledger/households/${first}`).expect(200)).body as LedgerHistory;
    expect(history.contacts).toHaveLength(1);
    expect(history.contacts[0]).toMatchObject({
      kind: 'phone',
      followUps: [{ kind: 'medicine', id: request.id }],
      by: { userId: workerId },
    });
    // Another household's request cannot be linked.
    const [other] = (await t.db.query(`SELECT id FROM medicine_requests WHERE household_id <> ${first} ORDER BY id LIMIT 1`)) as {
      id: number;
    }[];
    if (other) {
      const refused = await worker
        .post(`/api/care/ledger/contacts/${medicineContact.id}/follow-up`, { kind: 'medicine', id: Number(other.id) })
        .expect(404);
      expect((refused.body as ErrorBody).code).toBe('LEDGER_FOLLOW_UP_INVALID');
    }
    const forged = await worker
      .post(`/api/care/ledger/contacts/${medicineContact.id}/follow-up`, { kind: 'medicine', id: 999999 })
      .expect(404);
    expect((forged.body as ErrorBody).code).toBe('LEDGER_FOLLOW_UP_INVALID');
  });

  it('staff see the whole community per grid worker, a household with no grid worker too, and export it', async () => {
    const view = await ledger(staff);
    expect(view.all).toBe(true);
    const total = (await t.db.query("SELECT COUNT(*) AS n FROM households WHERE tags <> ''")) as { n: number }[];
    expect(view.figures.households).toBe(Number(total[0]?.n));
    const theirs = view.byGridWorker.find((g) => g.userId === workerId);
    expect(theirs).toMatchObject({ households: mine.length, reached: 1 });
    expect(view.byGridWorker.find((g) => g.userId === null)).toMatchObject({
      name: '未安排网格员',
      households: Number(total[0]?.n) - mine.length,
    });
    const only = await ledger(staff, `?gridWorkerId=${workerId}`);
    expect(only.rows).toHaveLength(mine.length);
    // Staff record too (a visit by the community office).
    await staff.post('/api/care/ledger/contacts', { householdId: mine[1], kind: 'visit', needs: ['nothing'] }).expect(201);
    expect((await ledger(worker)).rows.find((r) => r.householdId === mine[1])).toMatchObject({ status: 'reached' });

    const res = await staff
      .get('/api/staff/care/ledger.xlsx?from=2026-04-01&to=2026-04-10')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Buffer);
    const contacts = book.getWorksheet('联系记录');
    expect(contacts?.getRow(1).getCell(1).value).toBe('日期');
    const kinds = [2, 3, 4].map((i) => String(contacts?.getRow(i).getCell(4).value));
    expect(kinds).toEqual(['电话联系上', '没人接', '上门看过']);
    expect(String(contacts?.getRow(2).getCell(5).value)).toBe('要买药、缺吃的');
    expect(String(contacts?.getRow(2).getCell(8).value)).toMatch(/^买药 #\d+$/);
    expect(book.getWorksheet('2026-04-10 联系情况')?.rowCount).toBe(Number(total[0]?.n) + 1);
  });

  it('refuses anyone else, households not theirs, and bad bodies — changing nothing', async () => {
    const before = await t.count('care_contacts');
    const resident = await t.login('resident');
    expect(((await resident.get('/api/care/ledger').expect(403)).body as ErrorBody).code).toBe('LEDGER_NOT_GRID_WORKER');
    await resident.post('/api/care/ledger/contacts', { householdId: mine[0], kind: 'phone', needs: ['nothing'] }).expect(403);
    await resident.get(`/api/care/ledger/households/${mine[0]}`).expect(403);
    await worker.get('/api/staff/care/ledger.xlsx?from=2026-04-01&to=2026-04-10').expect(403);
    // A vulnerable household of another building is not the grid worker's.
    const [elsewhere] = (await t.db.query(
      `SELECT id FROM households WHERE building_id <> ${buildingId} AND tags <> '' ORDER BY id LIMIT 1`,
    )) as { id: number }[];
    const notMine = await worker
      .post('/api/care/ledger/contacts', { householdId: Number(elsewhere?.id), kind: 'phone', needs: ['nothing'] })
      .expect(403);
    expect((notMine.body as ErrorBody).code).toBe('LEDGER_NOT_GRID_WORKER');
    await worker.get(`/api/care/ledger/households/${Number(elsewhere?.id)}`).expect(404);
    for (const body of [
      { householdId: mine[0], kind: 'phone', needs: [] },
      { householdId: mine[0], kind: 'no_answer', needs: ['food'] },
      { householdId: mine[0], kind: 'phone', needs: ['nothing', 'food'] },
    ]) {
      expect(((await worker.post('/api/care/ledger/contacts', body).expect(400)).body as ErrorBody).code).toBe('LEDGER_NEEDS_INVALID');
    }
    for (const body of [
      { householdId: mine[0], kind: 'email', needs: [] },
      { householdId: mine[0], kind: 'phone', needs: ['money'] },
      { householdId: 'x', kind: 'phone', needs: ['nothing'] },
      { householdId: mine[0], kind: 'phone', needs: ['nothing'], note: '长'.repeat(201) },
      { householdId: mine[0], kind: 'phone', needs: ['nothing'], extra: 1 },
    ]) {
      expect(((await worker.post('/api/care/ledger/contacts', body).expect(400)).body as ErrorBody).code).toBe('VALIDATION_FAILED');
    }
    expect(((await worker.get('/api/care/ledger?date=2026-02-30').expect(400)).body as ErrorBody).code).toBe('VALIDATION_FAILED');
    await worker.post(`/api/care/ledger/contacts/${medicineContact.id}/follow-up`, { kind: 'visit', id: 1 }).expect(400);
    expect(await t.count('care_contacts')).toBe(before);

    // Another community's staff see none of it.
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const other = await t.tokenFor(Number(u?.id));
    expect((await ledger(other)).rows).toEqual([]);
    await other.get(`/api/care/ledger/households/${mine[0]}`).expect(404);
    await other.post('/api/care/ledger/contacts', { householdId: mine[0], kind: 'phone', needs: ['nothing'] }).expect(404);
  });
});
