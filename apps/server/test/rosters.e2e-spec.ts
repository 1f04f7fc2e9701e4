import type {
  HoursLedgerView,
  MeResponse,
  MyHoursView,
  RosterTotalsView,
  RosterPostView,
  RosterScanResult,
  ShiftRosterView,
  ShiftView,
  SignupView,
  Squad,
  StandbyResult,
  VolunteerPostView,
} from '@linli/shared-types';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type request from 'supertest';
import { Clock } from '../src/common/clock';
import { Db } from '../src/common/database/db';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { MessagesService } from '../src/modules/messages/messages.service';
import { ShiftReminder } from '../src/modules/rosters/shift-reminder';
import { TestApp, type Client } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The QR code printed on a poster PDF, read back with poppler's pdftoppm and jsQR. */
function posterCode(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-poster-'));
  try {
    writeFileSync(join(dir, 'poster.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', join(dir, 'poster.pdf'), join(dir, 'page')]);
    const page = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    const found = jsQR(new Uint8ClampedArray(page.data), page.width, page.height);
    if (!found) throw new Error('no QR code on the poster');
    return found.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Rosters: staff lay out shifts at a post; volunteers of the squad race for the places (never
 * beyond them), give up until the deadline, are reminded once, check in and out by the post's
 * poster; hours come from the scans and export to Excel.
 */
describe('rosters', () => {
  let t: TestApp;
  let staff: Client;
  let testers: { client: Client; id: number }[];
  let patroller: Client;
  let resident: Client;
  let gate: RosterPostView;
  let sorting: RosterPostView;
  let shift: ShiftView;
  let start: number;

  /** Residents who signed up for a recruitment post of this squad and were approved: volunteers of the squad. */
  async function recruit(squad: Squad, count: number): Promise<{ client: Client; id: number }[]> {
    const post = (
      await staff
        .post('/api/staff/volunteer-posts', { squad, title: `招募${squad}`, requirements: '身体健康', shift: '按排班', slots: count })
        .expect(201)
    ).body as VolunteerPostView;
    const clients = await t.residents(count);
    const ids: number[] = [];
    for (const c of clients) {
      await c.post(`/api/volunteer-posts/${post.id}/signups`, {}).expect(201);
      ids.push(((await c.get('/api/me').expect(200)).body as MeResponse).user.id);
    }
    const signups = (await staff.get(`/api/staff/volunteer-posts/${post.id}/signups`).expect(200)).body as SignupView[];
    for (const s of signups) await staff.post(`/api/staff/volunteer-signups/${s.id}/approve`).expect(200);
    return clients.map((client, i) => ({ client, id: ids[i] as number }));
  }

  const messages = async (kind: string, userId: number): Promise<{ title: string; body: string }[]> =>
    (await t.db.query(`SELECT title, body FROM messages WHERE kind = '${kind}' AND user_id = ${userId} ORDER BY id`)) as {
      title: string;
      body: string;
    }[];

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    resident = await t.login('resident');
    testers = await recruit('testing', 32);
    [{ client: patroller }] = (await recruit('patrol', 1)) as [{ client: Client; id: number }];
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('staff set up posts; a bad body says what is wrong; volunteers who do not lead and residents may not', async () => {
    const bad = await staff.post('/api/roster/posts', { name: '', squad: 'cooking' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.details.fields as object).sort()).toEqual(['name', 'squad']);
    expect((await testers[0]!.client.post('/api/roster/posts', { name: '东门岗', squad: 'testing' }).expect(403)).body.code).toBe(
      'ROSTER_NOT_LEADER',
    );
    expect((await resident.post('/api/roster/posts', { name: '东门岗', squad: 'testing' }).expect(403)).body.code).toBe('FORBIDDEN');
    gate = (await staff.post('/api/roster/posts', { name: '东门核酸检测点', squad: 'testing', note: '东门岗亭旁，穿好防护服' }).expect(201))
      .body as RosterPostView;
    expect(gate).toMatchObject({ name: '东门核酸检测点', squad: 'testing', squadLabel: '核酸检测协助组' });
    sorting = (await staff.post('/api/roster/posts', { name: '分拣区', squad: 'testing' }).expect(201)).body as RosterPostView;
    expect((await staff.get('/api/roster/posts').expect(200)).body).toHaveLength(2);

    // The poster carries the post's check-in code.
    const pdf = (await staff.get(`/api/roster/posts/${gate.id}/poster.pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const code = posterCode(pdf);
    expect(code).toMatch(/^[A-Za-z0-9_-]{30}$/);
    gate.checkInToken = code;
  });

  it('a shift needs sensible times; staff lay one out with ten places', async () => {
    start = t.clock.now().getTime() + 3 * HOUR;
    const at = (ms: number) => new Date(ms).toISOString();
    const backwards = await staff
      .post('/api/roster/shifts', { postId: gate.id, startsAt: at(start), endsAt: at(start - HOUR), places: 10 })
      .expect(400);
    expect(backwards.body.code).toBe('SHIFT_TIMES_INVALID');
    const noPlaces = await staff
      .post('/api/roster/shifts', { postId: gate.id, startsAt: at(start), endsAt: at(start + 4 * HOUR), places: 0 })
      .expect(400);
    expect(Object.keys(noPlaces.body.details.fields as object)).toEqual(['places']);
    await staff.post('/api/roster/shifts', { postId: 999_999, startsAt: at(start), endsAt: at(start + 4 * HOUR), places: 10 }).expect(404);
    shift = (
      await staff
        .post('/api/roster/shifts', {
          postId: gate.id,
          startsAt: at(start),
          endsAt: at(start + 4 * HOUR),
          places: 10,
          requirements: '会用扫码枪',
        })
        .expect(201)
    ).body as ShiftView;
    expect(shift).toMatchObject({ places: 10, taken: 0, giveUpHours: 2, state: 'OPEN', mine: null });
  });

  it('thirty volunteers racing for ten places: exactly ten get one, the rest are told it is full', async () => {
    const racers = testers.slice(0, 30);
    const answers = await Promise.all(racers.map((r) => r.client.post(`/api/volunteer/roster/${shift.id}/signup`)));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(10);
    const lost = answers.filter((a) => a.status !== 200);
    expect(lost.map((a) => [a.status, a.body.code])).toEqual(Array.from({ length: 20 }, () => [409, 'SHIFT_FULL']));
    expect(lost[0]?.body.message).toBe('这个班次已经报满了，可以看看别的班次');
    const roster = (await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView;
    expect(roster.rows).toHaveLength(10);
    expect(roster.open).toBe(0);
    expect(roster.shift.taken).toBe(10);
    expect(roster.rows.every((r) => r.attendance === 'COMING' && r.attendanceLabel === '待到岗')).toBe(true);
  });

  it('a second tap, another squad and a resident change nothing', async () => {
    const signedIds = ((await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView).rows.map((r) => r.userId);
    const signed = testers.find((x) => signedIds.includes(x.id))!;
    expect((await signed.client.post(`/api/volunteer/roster/${shift.id}/signup`).expect(409)).body.code).toBe('SHIFT_ALREADY_SIGNED');
    expect((await patroller.post(`/api/volunteer/roster/${shift.id}/signup`).expect(403)).body.code).toBe('SHIFT_NOT_YOUR_SQUAD');
    await resident.post(`/api/volunteer/roster/${shift.id}/signup`).expect(403);
    await signed.client.post('/api/volunteer/roster/999999/signup').expect(404);
    // Another volunteer's roster is not theirs to read.
    expect((await signed.client.get(`/api/roster/shifts/${shift.id}`).expect(403)).body.code).toBe('ROSTER_NOT_LEADER');
    expect(((await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView).shift.taken).toBe(10);
    // Their own list shows the place, and that it can still be given up.
    const mine = ((await signed.client.get('/api/volunteer/roster').expect(200)).body as ShiftView[]).find((s) => s.id === shift.id);
    expect(mine?.mine).toMatchObject({ attendance: 'COMING', canGiveUp: true });
  });

  it('a place given up in time goes to the next volunteer; too close to the start it cannot be given up', async () => {
    const roster = (await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView;
    const leaving = testers.find((x) => x.id === roster.rows[0]?.userId)!;
    const given = (await leaving.client.post(`/api/volunteer/roster/${shift.id}/give-up`).expect(200)).body as ShiftView;
    expect(given.taken).toBe(9);
    expect(given.mine?.attendance).toBe('GIVEN_UP');
    await leaving.client.post(`/api/volunteer/roster/${shift.id}/give-up`).expect(409);
    const waiting = testers.find((x) => !roster.rows.some((r) => r.userId === x.id))!;
    expect(((await waiting.client.post(`/api/volunteer/roster/${shift.id}/signup`).expect(200)).body as ShiftView).taken).toBe(10);

    t.clock.advance(90 * MINUTE); // 1.5 h before the start; giving up closes 2 h before
    const staying = testers.find((x) => x.id === roster.rows[1]?.userId)!;
    const late = await staying.client.post(`/api/volunteer/roster/${shift.id}/give-up`).expect(409);
    expect(late.body).toMatchObject({ code: 'SHIFT_GIVE_UP_CLOSED', message: '离开始太近了，不能在手机上取消，请联系组长' });
    expect(((await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView).shift.taken).toBe(10);
  });

  it('everyone on the shift is reminded once an hour before, however many instances run the job', async () => {
    const reminder = t.app.get(ShiftReminder);
    const other = new ShiftReminder(t.app.get<AppConfig>(APP_CONFIG), t.app.get(Db), t.app.get(Clock), t.app.get(MessagesService));
    await reminder.runOnce();
    const roster = (await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView;
    const signed = roster.rows.filter((r) => r.attendance === 'COMING');
    expect(signed).toHaveLength(10);
    expect(await messages('roster.reminder', signed[0]!.userId)).toHaveLength(0); // 90 minutes before: not yet
    t.clock.advance(31 * MINUTE); // 59 minutes before
    await Promise.all([reminder.runOnce(), other.runOnce()]);
    await reminder.runOnce();
    for (const r of signed) expect(await messages('roster.reminder', r.userId)).toHaveLength(1);
    const [msg] = await messages('roster.reminder', signed[0]!.userId);
    expect(msg?.title).toBe('快到岗了：东门核酸检测点');
    expect(msg?.body).toContain('东门岗亭旁，穿好防护服');
    // The one who gave up is not reminded.
    const gaveUp = roster.rows.find((r) => r.attendance === 'GIVEN_UP')!;
    expect(await messages('roster.reminder', gaveUp.userId)).toHaveLength(0);
  });

  it('check-in by the post’s poster: too early, another post, a forged code are refused with why', async () => {
    const roster = (await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView;
    const a = testers.find((x) => x.id === roster.rows.find((r) => r.attendance === 'COMING')?.userId)!;
    // 59 minutes before the start: check-in opens 30 minutes before.
    const early = await a.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(409);
    expect(early.body.code).toBe('ROSTER_TOO_EARLY');
    expect(early.body.message).toMatch(/^还没到签到时间：您的班次 \d+月\d+日 \d\d:\d\d 开始，请在 \d\d:\d\d 以后扫码$/);
    t.clock.advance(49 * MINUTE); // 10 minutes before
    const sortingCode = ((await staff.get('/api/roster/posts').expect(200)).body as RosterPostView[]).find(
      (p) => p.id === sorting.id,
    )!.checkInToken;
    const wrong = await a.client.post('/api/volunteer/roster/scan', { token: sortingCode }).expect(409);
    expect(wrong.body).toMatchObject({ code: 'ROSTER_WRONG_POST', message: '这是「分拣区」的二维码，您的班次在「东门核酸检测点」' });
    expect((await a.client.post('/api/volunteer/roster/scan', { token: 'A'.repeat(30) }).expect(400)).body.code).toBe('QR_INVALID');
    expect((await a.client.post('/api/volunteer/roster/scan', { token: 42 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    // A volunteer with no shift there.
    const idle = testers.find((x) => !roster.rows.some((r) => r.userId === x.id))!;
    expect((await idle.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(409)).body.code).toBe(
      'ROSTER_NO_SHIFT_NOW',
    );
  });

  it('in at the start and out at the end; late and missing are marked; hours come from the scans', async () => {
    const roster = (await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView;
    const coming = roster.rows.filter((r) => r.attendance === 'COMING').map((r) => testers.find((x) => x.id === r.userId)!);
    const [a, b] = coming as [(typeof coming)[0], (typeof coming)[0]];
    const inA = (await a.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(200)).body as RosterScanResult;
    expect(inA.did).toBe('CHECKED_IN');
    expect(inA.message).toMatch(/^已签到 \d\d:\d\d，辛苦了！下班时请再扫一次$/);
    expect(inA.shift.mine).toMatchObject({ attendance: 'ON_POST', late: false, canGiveUp: false });
    // A double tap repeats the check-in, it does not check out.
    expect(
      ((await a.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(200)).body as RosterScanResult).did,
    ).toBe('REPEATED');
    t.clock.advance(20 * MINUTE); // 10 minutes after the start
    const inB = (await b.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(200)).body as RosterScanResult;
    expect(inB.message).toContain('（迟到了）');
    expect(inB.shift.mine?.late).toBe(true);

    t.clock.set(new Date(start + 4 * HOUR + 5 * MINUTE)); // 5 minutes after the end
    const outA = (await a.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(200)).body as RosterScanResult;
    expect(outA.did).toBe('CHECKED_OUT');
    expect(outA.message).toMatch(/^已签退 \d\d:\d\d，本次服务 4 小时 15 分钟，谢谢您！$/);

    const after = (await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView;
    const row = (id: number) => after.rows.find((r) => r.userId === id)!;
    expect(row(a.id)).toMatchObject({ attendance: 'DONE', late: false });
    expect(row(b.id)).toMatchObject({ attendance: 'ON_POST', late: true });
    expect(after.late).toBe(1);
    expect(after.missing).toBe(8);
    expect(after.rows.filter((r) => r.attendance === 'MISSING').every((r) => r.attendanceLabel === '缺岗')).toBe(true);

    // B never scans out: two hours after the end the shift is closed and counted to its planned end.
    t.clock.set(new Date(start + 6 * HOUR + 10 * MINUTE));
    expect((await b.client.post('/api/volunteer/roster/scan', { token: gate.checkInToken }).expect(409)).body.code).toBe('ROSTER_TOO_LATE');
    const hoursA = (await a.client.get('/api/volunteer/roster/hours').expect(200)).body as MyHoursView;
    expect(hoursA).toMatchObject({ totalMinutes: 255, times: 1 });
    expect(hoursA.entries[0]).toMatchObject({ source: 'shift', what: '东门核酸检测点', minutes: 255, noCheckOut: false });
    const hoursB = (await b.client.get('/api/volunteer/roster/hours').expect(200)).body as MyHoursView;
    expect(hoursB).toMatchObject({ totalMinutes: 230, times: 1 });
    expect(hoursB.entries[0]?.noCheckOut).toBe(true);
    expect(
      ((await staff.get(`/api/roster/shifts/${shift.id}`).expect(200)).body as ShiftRosterView).rows.find((r) => r.userId === b.id),
    ).toMatchObject({ attendance: 'NO_CHECK_OUT', attendanceLabel: '未签退' });
    await resident.get('/api/volunteer/roster/hours').expect(403);
  });

  it('the hours ledger exports to Excel and reads back as the scans were', async () => {
    const day = new Date(start + 8 * HOUR).toISOString().slice(0, 10);
    const from = new Date(start - 2 * 86_400_000).toISOString().slice(0, 10);
    const ledger = (await staff.get(`/api/roster/hours?from=${from}&to=${day}`).expect(200)).body as HoursLedgerView;
    const withHours = ledger.rows.filter((r) => r.minutes > 0);
    expect(withHours.map((r) => r.minutes).sort((x, y) => x - y)).toEqual([230, 255]);
    expect(ledger.rows.filter((r) => r.missed === 1)).toHaveLength(8);
    expect(ledger.rows.filter((r) => r.late === 1)).toHaveLength(1);
    expect(ledger.perSquad.find((s) => s.squad === 'testing')).toMatchObject({ people: 2, times: 2, minutes: 485 });
    await staff.get('/api/roster/hours?from=2026-13-01').expect(400);
    // A day that does not exist is a bad query, not a server error.
    expect((await staff.get('/api/roster/hours?from=2026-02-30').expect(400)).body.code).toBe('VALIDATION_FAILED');
    await staff.get('/api/roster/shifts?from=2026-02-30').expect(400);
    await resident.get('/api/roster/hours').expect(403);

    const xlsx = (await staff.get(`/api/roster/hours.xlsx?from=${from}&to=${day}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('志愿服务时长')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '小组',
      '开始日期',
      '结束日期',
      '服务次数',
      '服务时长(小时)',
      '缺岗',
      '迟到',
    ]);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((r, n) => {
      if (n > 1 && typeof r.getCell(1).value === 'string' && r.getCell(1).value !== '合计')
        rows.set(String(r.getCell(1).value), r.values as unknown[]);
    });
    for (const r of withHours) {
      expect(rows.get(r.nickname)?.slice(2, 7)).toEqual([
        '核酸检测协助组',
        r.firstDay,
        r.lastDay,
        1,
        Math.round((r.minutes / 60) * 10) / 10,
      ]);
    }
    const detail = book.getWorksheet('明细')!;
    const notes: unknown[] = [];
    detail.eachRow((r, n) => n > 1 && notes.push(r.getCell(7).value));
    expect(notes.sort()).toEqual(['', '未签退，按班次结束时间计']);
  });

  it('staff see the community’s total 人次 and hours as the check-ins make them; others may not', async () => {
    // Two volunteers checked in on the one shift: A 255 minutes, B 230 (no check-out, to the planned end).
    const totals = (await staff.get('/api/staff/roster/totals').expect(200)).body as RosterTotalsView;
    expect(totals).toMatchObject({ totalTimes: 2, totalMinutes: 485 });
    // This week's figures are the ledger's default period, summed.
    const week = (await staff.get('/api/roster/hours').expect(200)).body as HoursLedgerView;
    expect(totals).toMatchObject({ weekFrom: week.from, weekTimes: week.totalTimes, weekMinutes: week.totalMinutes });
    await resident.get('/api/staff/roster/totals').expect(403);
    await testers[0]!.client.get('/api/staff/roster/totals').expect(403);
    // Another community's staff count only their own (none).
    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const other = await t.tokenFor(Number(u?.id));
    expect((await other.get('/api/staff/roster/totals').expect(200)).body).toMatchObject({ totalTimes: 0, totalMinutes: 0 });
  });

  it('a cancelled shift tells everyone on it; 叫替补 asks free squad members once', async () => {
    const s = t.clock.now().getTime() + 5 * HOUR;
    const next = (
      await staff
        .post('/api/roster/shifts', {
          postId: sorting.id,
          startsAt: new Date(s).toISOString(),
          endsAt: new Date(s + 2 * HOUR).toISOString(),
          places: 3,
        })
        .expect(201)
    ).body as ShiftView;
    await testers[0]!.client.post(`/api/volunteer/roster/${next.id}/signup`).expect(200);
    // A leader of the squad calls stand-bys for the two places left.
    await staff
      .put(`/api/staff/volunteers/${testers[31]!.id}`, { buildingIds: [], capacity: 5, squad: 'testing', leader: true })
      .expect(200);
    const leader = testers[31]!.client;
    const asked = (await leader.post(`/api/roster/shifts/${next.id}/standby`).expect(200)).body as StandbyResult;
    expect(asked.asked).toBe(31); // the squad of 32 but the one already on it
    expect((await leader.post(`/api/roster/shifts/${next.id}/standby`).expect(200)).body).toEqual({ asked: 0 });
    expect((await messages('roster.standby', testers[1]!.id))[0]?.body).toContain('还差 2 人');
    expect(await messages('roster.standby', testers[0]!.id)).toHaveLength(0);
    await patroller.post(`/api/roster/shifts/${next.id}/standby`).expect(403);

    await leader.post(`/api/roster/shifts/${next.id}/cancel`, { reason: '' }).expect(400);
    const cancelled = (await leader.post(`/api/roster/shifts/${next.id}/cancel`, { reason: '今天改为上门检测' }).expect(200))
      .body as ShiftView;
    expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelReason: '今天改为上门检测' });
    const [told] = await messages('roster.cancelled', testers[0]!.id);
    expect(told?.body).toContain('今天改为上门检测');
    expect((await testers[1]!.client.post(`/api/volunteer/roster/${next.id}/signup`).expect(409)).body.code).toBe('SHIFT_CANCELLED');
    await leader.post(`/api/roster/shifts/${next.id}/cancel`, { reason: '再取消一次' }).expect(409);
  });
});
