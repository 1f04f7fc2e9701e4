import type {
  ContestDetailView,
  ContestEntryView,
  ContestResultsView,
  ContestView,
  FileView,
  MessagesPage,
  MyContestEntryView,
  StaffContestDetailView,
  StaffContestEntryView,
  VoteView,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import { ContestsService } from '../src/modules/activities/contests/contests.service';
import { TestApp, type Client } from './support/test-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function photo(shade = 120): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(shade);
  return PNG.sync.write(png);
}

/**
 * Contests (issue 16) in the demo, without WeChat: entries wait for staff (not machine-checked),
 * neighbours see only approved ones, votes are counted by the database's keys, staff publish.
 */
describe('contests', () => {
  let t: TestApp;
  let staff: Client;
  let resident: Client; // 王秀兰
  let housemate: Client; // of 王秀兰's household
  let n1: Client;
  let n2: Client;
  let n3: Client;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    resident = await t.login('resident');
    const [wang] = (await t.db.query("SELECT household_id AS h FROM users WHERE dev_key = 'resident'")) as { h: number }[];
    [housemate] = (await t.residents(1, Number(wang?.h))) as [Client];
    [n1, n2, n3] = (await t.residents(3)) as [Client, Client, Client];
  });
  afterAll(async () => {
    await t.close();
  });

  const contest = async (body: object = {}): Promise<ContestView> => {
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/contests', {
          kind: 'photo',
          title: '春天的小区',
          rules: '拍下封控中的小区，一户一件作品',
          entryStartsAt: new Date(now - HOUR).toISOString(),
          entryEndsAt: new Date(now + 2 * DAY).toISOString(),
          voteStartsAt: new Date(now - HOUR).toISOString(),
          voteEndsAt: new Date(now + 3 * DAY).toISOString(),
          entriesPerHousehold: 1,
          votesPerDay: 2,
          mode: 'vote',
          autoApprove: false,
          ...body,
        })
        .expect(201)
    ).body as ContestView;
  };
  const enter = async (who: Client, contestId: number, title: string): Promise<MyContestEntryView> => {
    const file = (await who.upload('/api/files', photo(), 'a.png', { purpose: 'contest' }).expect(201)).body as FileView;
    return (await who.post(`/api/contests/${contestId}/entries`, { title, caption: '阳台上的花开了', pictureIds: [file.id] }).expect(201))
      .body as MyContestEntryView;
  };
  const approve = async (entryId: number): Promise<StaffContestEntryView> =>
    (await staff.post(`/api/staff/contest-entries/${entryId}/approve`).expect(200)).body as StaffContestEntryView;
  const inbox = async (who: Client): Promise<string[]> =>
    ((await who.get('/api/messages').expect(200)).body as MessagesPage).items.map((m) => m.kind);

  it('an entry waits for staff; a neighbour cannot see it (nor its picture) until it is approved', async () => {
    const c = await contest();
    const entry = await enter(resident, c.id, '阳台');
    expect(entry).toMatchObject({ state: 'PENDING', stateLabel: '审核中', mine: true });
    const fileId = entry.pictures[0]?.fileId as number;

    expect((await n1.get(`/api/contest-entries/${entry.id}`).expect(404)).body.code).toBe('CONTEST_ENTRY_NOT_FOUND');
    await n1.get(`/api/files/${fileId}`).expect(404);
    expect(((await n1.get(`/api/contests/${c.id}`).expect(200)).body as ContestDetailView).entries).toEqual([]);
    expect(((await housemate.get(`/api/contests/${c.id}`).expect(200)).body as ContestDetailView).myEntries.map((e) => e.id)).toEqual([
      entry.id,
    ]);
    await housemate.get(`/api/files/${fileId}`).expect(200);
    // One entry per household: the housemate's second is refused, writing nothing.
    const before = await t.count('contest_entries');
    const file = (await housemate.upload('/api/files', photo(9), 'b.png', { purpose: 'contest' }).expect(201)).body as FileView;
    const refused = await housemate
      .post(`/api/contests/${c.id}/entries`, { title: '第二件', caption: '', pictureIds: [file.id] })
      .expect(409);
    expect(refused.body.code).toBe('CONTEST_ENTRY_LIMIT');
    expect(await t.count('contest_entries')).toBe(before);

    const queue = (await staff.get(`/api/staff/contests/${c.id}`).expect(200)).body as StaffContestDetailView;
    expect(queue.entries[0]).toMatchObject({ id: entry.id, state: 'PENDING', machineChecked: false, actions: ['APPROVED', 'REJECTED'] });
    await approve(entry.id);
    expect(await inbox(resident)).toContain('contest.approved');
    expect(((await n1.get(`/api/contest-entries/${entry.id}`).expect(200)).body as ContestEntryView).door).toMatch(/\*\*$/);
    await n1.get(`/api/files/${fileId}`).expect(200);
  });

  it('refuses a second vote, a vote for one’s own household and a vote outside the period, with their codes', async () => {
    const c = await contest();
    const entry = await enter(resident, c.id, '花');
    await approve(entry.id);
    const first = (await n1.post(`/api/contest-entries/${entry.id}/vote`).expect(200)).body as VoteView;
    expect(first).toEqual({ entryId: entry.id, votes: 1, votesLeftToday: 1 });
    expect((await n1.post(`/api/contest-entries/${entry.id}/vote`).expect(409)).body.code).toBe('CONTEST_ALREADY_VOTED');
    expect((await resident.post(`/api/contest-entries/${entry.id}/vote`).expect(409)).body.code).toBe('CONTEST_OWN_ENTRY');
    expect((await housemate.post(`/api/contest-entries/${entry.id}/vote`).expect(409)).body.code).toBe('CONTEST_OWN_ENTRY');
    t.clock.advance(4 * DAY);
    try {
      expect((await n2.post(`/api/contest-entries/${entry.id}/vote`).expect(409)).body.code).toBe('CONTEST_VOTING_CLOSED');
    } finally {
      t.clock.advance(-4 * DAY);
    }
    const later = await contest({ voteStartsAt: new Date(t.clock.now().getTime() + DAY).toISOString() });
    const early = await enter(resident, later.id, '早');
    await approve(early.id);
    expect((await n2.post(`/api/contest-entries/${early.id}/vote`).expect(409)).body.code).toBe('CONTEST_VOTING_CLOSED');
    const rows = (await t.db.query(`SELECT COUNT(*) AS n FROM contest_votes WHERE entry_id = ${entry.id}`)) as { n: number }[];
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('counts 50 parallel votes by one person on one entry once, and a retry replays the answer', async () => {
    const c = await contest();
    const entry = await enter(resident, c.id, '并发');
    await approve(entry.id);
    const answers = await Promise.all(Array.from({ length: 50 }, () => n2.post(`/api/contest-entries/${entry.id}/vote`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    for (const a of answers) if (a.status === 409) expect(a.body.code).toBe('CONTEST_ALREADY_VOTED');
    const rows = (await t.db.query(`SELECT COUNT(*) AS n FROM contest_votes WHERE entry_id = ${entry.id}`)) as { n: number }[];
    expect(Number(rows[0]?.n)).toBe(1);
    const day = (await t.db.query(`SELECT used FROM contest_vote_days WHERE contest_id = ${c.id}`)) as { used: number }[];
    expect(day.map((d) => Number(d.used))).toEqual([1]);

    const again = await n3.post(`/api/contest-entries/${entry.id}/vote`, undefined, 'vote-retry-key').expect(200);
    const retry = await n3.post(`/api/contest-entries/${entry.id}/vote`, undefined, 'vote-retry-key').expect(200);
    expect(retry.body).toEqual(again.body);
    expect(((await n1.get(`/api/contest-entries/${entry.id}`).expect(200)).body as ContestEntryView).votes).toBe(2);
  });

  it('keeps to N votes a person a day (Asia/Shanghai), and a new day brings new votes', async () => {
    const c = await contest({ votesPerDay: 1, entriesPerHousehold: 2 });
    const a = await enter(resident, c.id, '一');
    const b = await enter(resident, c.id, '二');
    await approve(a.id);
    await approve(b.id);
    await n1.post(`/api/contest-entries/${a.id}/vote`).expect(200);
    expect((await n1.post(`/api/contest-entries/${b.id}/vote`).expect(409)).body.code).toBe('CONTEST_VOTE_LIMIT');
    expect(((await n1.get(`/api/contests/${c.id}`).expect(200)).body as ContestDetailView).votesLeftToday).toBe(0);
    const rows = (await t.db.query(`SELECT COUNT(*) AS n FROM contest_votes WHERE entry_id = ${b.id}`)) as { n: number }[];
    expect(Number(rows[0]?.n)).toBe(0);
    t.clock.advance(DAY);
    try {
      await n1.post(`/api/contest-entries/${b.id}/vote`).expect(200);
    } finally {
      t.clock.advance(-DAY);
    }
  });

  it('rejects with a reason the resident reads (the place is free again), publishes a ranking ties broken by the earlier entry', async () => {
    const c = await contest();
    const e1 = await enter(n1, c.id, '先来的');
    const e2 = await enter(n2, c.id, '后到的');
    const e3 = await enter(n3, c.id, '不合规');
    await approve(e1.id);
    await approve(e2.id);
    const rejected = (await staff.post(`/api/staff/contest-entries/${e3.id}/reject`, { reason: '照片与主题无关' }).expect(200))
      .body as StaffContestEntryView;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectReason: '照片与主题无关', actions: [] });
    const mine = ((await n3.get(`/api/contests/${c.id}`).expect(200)).body as ContestDetailView).myEntries[0];
    expect(mine).toMatchObject({ stateLabel: '未通过', rejectReason: '照片与主题无关' });
    const told = ((await n3.get('/api/messages').expect(200)).body as MessagesPage).items.find((m) => m.kind === 'contest.rejected');
    expect(told?.body).toContain('照片与主题无关');
    expect((await n1.get(`/api/contest-entries/${e3.id}`).expect(404)).body.code).toBe('CONTEST_ENTRY_NOT_FOUND');
    await enter(n3, c.id, '重新提交');

    await resident.post(`/api/contest-entries/${e1.id}/vote`).expect(200);
    await resident.post(`/api/contest-entries/${e2.id}/vote`).expect(200);
    expect((await resident.get(`/api/contests/${c.id}/results`).expect(409)).body.code).toBe('CONTEST_RESULTS_NOT_PUBLISHED');
    const service = t.app.get(ContestsService);
    await expect(service.winners(1, c.id, 3)).rejects.toMatchObject({ code: 'CONTEST_RESULTS_NOT_PUBLISHED' });

    const published = (await staff.post(`/api/staff/contests/${c.id}/publish`).expect(200)).body as ContestResultsView;
    expect(published.ranking.map((r) => [r.rank, r.entryId, r.votes])).toEqual([
      [1, e1.id, 1],
      [2, e2.id, 1],
    ]);
    await staff.post(`/api/staff/contests/${c.id}/publish`).expect(200);
    expect((await inbox(n1)).filter((k) => k === 'contest.results')).toHaveLength(1);
    const results = (await n3.get(`/api/contests/${c.id}/results`).expect(200)).body as ContestResultsView;
    expect(results.ranking.map((r) => r.entryId)).toEqual([e1.id, e2.id]);
    expect((await n3.post(`/api/contest-entries/${e1.id}/vote`).expect(409)).body.code).toBe('CONTEST_VOTING_CLOSED');
    const { title, winners } = await service.winners(1, c.id, 1);
    expect(title).toBe('春天的小区');
    expect(winners).toEqual([expect.objectContaining({ rank: 1, label: '《先来的》 1 票' })]);
    await expect(service.winners(999, c.id, 1)).rejects.toMatchObject({ code: 'CONTEST_NOT_FOUND' });
  });

  it('judges score approved entries 0–100, once each (a new score replaces it), ranked by the average', async () => {
    const c = await contest({ mode: 'judges', kind: 'essay' });
    const essay = (text: string) => ({ title: text, caption: `${text}：封控的日子里，邻居们互相帮助，温暖了整个冬天。` });
    const a = (await n1.post(`/api/contests/${c.id}/entries`, essay('互助')).expect(201)).body as MyContestEntryView;
    const b = (await n2.post(`/api/contests/${c.id}/entries`, essay('守望')).expect(201)).body as MyContestEntryView;
    await approve(a.id);
    await approve(b.id);
    expect((await n3.post(`/api/contest-entries/${a.id}/vote`).expect(409)).body.code).toBe('CONTEST_NOT_VOTING');
    await staff.put(`/api/staff/contest-entries/${a.id}/score`, { score: 70 }).expect(200);
    const scored = (await staff.put(`/api/staff/contest-entries/${a.id}/score`, { score: 80 }).expect(200)).body as StaffContestEntryView;
    expect(scored).toMatchObject({ myScore: 80, scores: 1, averageScore: 80 });
    await staff.put(`/api/staff/contest-entries/${b.id}/score`, { score: 90 }).expect(200);
    expect((await staff.put(`/api/staff/contest-entries/${b.id}/score`, { score: 101 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const published = (await staff.post(`/api/staff/contests/${c.id}/publish`).expect(200)).body as ContestResultsView;
    expect(published.ranking.map((r) => [r.entryId, r.averageScore])).toEqual([
      [b.id, 90],
      [a.id, 80],
    ]);
    expect((await staff.put(`/api/staff/contest-entries/${a.id}/score`, { score: 99 }).expect(409)).body.code).toBe(
      'CONTEST_RESULTS_PUBLISHED',
    );
    const { winners } = await t.app.get(ContestsService).winners(1, c.id, 2);
    expect(winners.map((w) => w.label)).toEqual(['《守望》 90 分', '《互助》 80 分']);
  });

  it('refuses the wrong role, another community, and bad bodies', async () => {
    const c = await contest();
    const entry = await enter(resident, c.id, '权限');
    const contestBody = { kind: 'photo', title: '我来办', rules: '居民不能办比赛' };
    expect((await resident.post('/api/staff/contests', contestBody).expect(403)).body.code).toBe('FORBIDDEN');
    await resident.get(`/api/staff/contests/${c.id}`).expect(403);
    await resident.post(`/api/staff/contest-entries/${entry.id}/approve`).expect(403);
    await staff.get('/api/contests').expect(403);
    const pharmacist = await t.login('pharmacist');
    await pharmacist.post(`/api/contest-entries/${entry.id}/vote`).expect(403);
    await pharmacist.get(`/api/contests/${c.id}`).expect(403);
    const volunteer = await t.login('volunteer');
    await volunteer.post(`/api/staff/contest-entries/${entry.id}/reject`, { reason: '不行不行' }).expect(403);

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [other] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${other?.id}, 'staff')`);
    const otherStaff = await t.tokenFor(Number(u?.id));
    expect((await otherStaff.get(`/api/staff/contests/${c.id}`).expect(404)).body.code).toBe('CONTEST_NOT_FOUND');
    expect((await otherStaff.post(`/api/staff/contest-entries/${entry.id}/approve`).expect(404)).body.code).toBe('CONTEST_ENTRY_NOT_FOUND');
    await otherStaff.post(`/api/staff/contests/${c.id}/publish`).expect(404);
    await otherStaff.patch(`/api/staff/contests/${c.id}`, { title: '别的社区来改' }).expect(404);
    expect((await otherStaff.get('/api/staff/contests').expect(200)).body).toEqual([]);

    const before = await t.count('contests');
    const bad = async (body: object, code: string): Promise<void> => {
      const now = t.clock.now().getTime();
      const base = {
        kind: 'photo',
        title: '秋天',
        rules: '一户一件',
        entryStartsAt: new Date(now).toISOString(),
        entryEndsAt: new Date(now + DAY).toISOString(),
        voteStartsAt: new Date(now + DAY).toISOString(),
        voteEndsAt: new Date(now + 2 * DAY).toISOString(),
        entriesPerHousehold: 1,
        votesPerDay: 3,
        mode: 'vote',
        autoApprove: false,
      };
      expect((await staff.post('/api/staff/contests', { ...base, ...body }).expect(400)).body.code).toBe(code);
    };
    await bad({ kind: 'dance' }, 'VALIDATION_FAILED');
    await bad({ votesPerDay: 0 }, 'VALIDATION_FAILED');
    await bad({ mode: 'lottery' }, 'VALIDATION_FAILED');
    await bad({ extra: 1 }, 'VALIDATION_FAILED');
    await bad({ entryEndsAt: '2026-02-31T08:00:00+08:00' }, 'VALIDATION_FAILED');
    await bad({ voteStartsAt: new Date(t.clock.now().getTime() - DAY).toISOString() }, 'CONTEST_PERIODS_INVALID');
    expect(await t.count('contests')).toBe(before);

    // An entry must fit the contest: a photo contest needs pictures; a picture of someone else's is not found.
    expect((await n1.post(`/api/contests/${c.id}/entries`, { title: '没图', caption: '只有字' }).expect(400)).body.code).toBe(
      'CONTEST_ENTRY_CONTENT',
    );
    const theirs = entry.pictures[0]?.fileId as number;
    expect(
      (await n1.post(`/api/contests/${c.id}/entries`, { title: '偷图', caption: '', pictureIds: [theirs] }).expect(404)).body.code,
    ).toBe('FILE_NOT_FOUND');
    expect(
      (await n1.post(`/api/contests/${c.id}/entries`, { title: '视频', caption: '', videoUrl: 'http://x.cn/v' }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    expect((await n1.post(`/api/contests/99999/entries`, { title: '无', caption: '' }).expect(404)).body.code).toBe('CONTEST_NOT_FOUND');
  });
});
