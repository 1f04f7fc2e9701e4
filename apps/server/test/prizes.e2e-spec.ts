import type {
  AttemptView,
  AwardPrizesResult,
  DispatchResult,
  MeResponse,
  MessagesPage,
  OrderQrView,
  Page,
  ParcelTaskView,
  ParcelView,
  PrizeView,
  PrizeWinnersView,
  StaffPrizeView,
  StaffQuizView,
  ContestView,
  FileView,
  MyContestEntryView,
} from '@linli/shared-types';
import { PNG } from 'pngjs';
import { TestApp, type Client } from './support/test-app';

function photo(): Buffer {
  const png = new PNG({ width: 6, height: 6 });
  png.data.fill(90);
  return PNG.sync.write(png);
}

/**
 * Prizes (issue 16): staff award a quiz's top N; each winning household gets one parcel to its
 * door, once however often (or however many staff at once) the button is pressed; the parcel
 * goes through dispatch, the two scans and the household's rating; the household is told.
 */
describe('prizes', () => {
  let t: TestApp;
  let staff: Client;
  let players: Client[];
  let households: number[];
  let quiz: StaffQuizView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    players = await t.residents(3);
    households = await Promise.all(
      players.map(async (p) => Number(((await p.get('/api/me').expect(200)).body as MeResponse).household?.id)),
    );
    for (let i = 1; i <= 3; i++) {
      await staff
        .post('/api/staff/quiz-questions', {
          kind: 'single',
          text: `第${i}题：出门前要做什么？`,
          options: ['戴好口罩', '不用准备'],
          correct: [0],
          explanation: '出门要戴口罩',
          tags: ['防疫知识'],
        })
        .expect(201);
    }
    const now = t.clock.now().getTime();
    quiz = (
      await staff
        .post('/api/staff/quizzes', {
          title: '防疫知识竞答',
          intro: '前两名送大米',
          questionCount: 3,
          timeLimitSeconds: 300,
          attemptsAllowed: 1,
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 86_400_000).toISOString(),
        })
        .expect(201)
    ).body as StaffQuizView;
    // Player i answers 3 - i questions right (the options are shuffled per attempt: the stored
    // paper says which is right): the ranking is players 0, 1, 2.
    for (const [i, player] of players.entries()) {
      const attempt = (await player.post(`/api/quizzes/${quiz.id}/attempts`).expect(201)).body as AttemptView;
      const [row] = (await t.db.query(`SELECT paper FROM quiz_attempts WHERE id = ${attempt.id}`)) as { paper: string }[];
      const paper = JSON.parse(String(row?.paper)) as { correct: number[] }[];
      const answers = paper.map((q, position) => ({ position, chosen: position < 3 - i ? q.correct : [1 - (q.correct[0] ?? 0)] }));
      await player.post(`/api/quiz-attempts/${attempt.id}/submit`, { answers }).expect(200);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const prizeParcels = async (): Promise<ParcelView[]> =>
    ((await staff.get(`/api/staff/parcels?batch=prize:quiz:${quiz.id}&pageSize=100`).expect(200)).body as Page<ParcelView>).items;

  it('staff see who would win, then award the top two: one parcel and one message each', async () => {
    const preview = (await staff.get(`/api/staff/prizes/winners?source=quiz&sourceId=${quiz.id}&top=2`).expect(200))
      .body as PrizeWinnersView;
    expect(preview.title).toBe('防疫知识竞答');
    expect(preview.winners.map((w) => [w.rank, w.householdId, w.awarded])).toEqual([
      [1, households[0], false],
      [2, households[1], false],
    ]);
    const result = (await staff.post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 2, prize: '大米 10斤' }).expect(201))
      .body as AwardPrizesResult;
    expect(result).toMatchObject({ awarded: 2, already: 0 });
    expect(result.prizes.map((p) => [p.rank, p.householdId, p.prize, p.parcelState])).toEqual([
      [1, households[0], '大米 10斤', 'READY'],
      [2, households[1], '大米 10斤', 'READY'],
    ]);
    const parcels = await prizeParcels();
    expect(parcels.map((p) => [p.householdId, p.contents, p.cashDueFen]).sort()).toEqual(
      [
        [households[0], '奖品：大米 10斤', 0],
        [households[1], '奖品：大米 10斤', 0],
      ].sort(),
    );
    const told = ((await (players[0] as Client).get('/api/messages').expect(200)).body as MessagesPage).items.find(
      (m) => m.kind === 'prize.awarded',
    );
    expect(told).toMatchObject({ title: '恭喜您获奖', link: '/activities/prizes/index' });
    expect(told?.body).toContain('防疫知识竞答');
    expect(told?.body).toContain('第 1 名');
    expect(told?.body).toContain('大米 10斤');
    const third = ((await (players[2] as Client).get('/api/messages').expect(200)).body as MessagesPage).items;
    expect(third.some((m) => m.kind === 'prize.awarded')).toBe(false);
  });

  it('pressed again, or by two staff at once, it gives nobody a second parcel; widening to the top three adds only the third', async () => {
    const again = (await staff.post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 2, prize: '大米 10斤' }).expect(201))
      .body as AwardPrizesResult;
    expect(again).toMatchObject({ awarded: 0, already: 2 });
    const other = await t.login('supervisor');
    const raced = await Promise.all([
      staff.post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 3, prize: '食用油 5升' }),
      other.post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 3, prize: '食用油 5升' }),
    ]);
    expect(raced.map((r) => r.status)).toEqual([201, 201]);
    expect(raced.map((r) => (r.body as AwardPrizesResult).awarded).sort()).toEqual([0, 1]);
    expect(await prizeParcels()).toHaveLength(3);
    expect(await t.count('activity_prizes')).toBe(3);
    const list = (await staff.get(`/api/staff/prizes?source=quiz&sourceId=${quiz.id}`).expect(200)).body as StaffPrizeView[];
    expect(list.map((p) => [p.rank, p.prize])).toEqual([
      [1, '大米 10斤'],
      [2, '大米 10斤'],
      [3, '食用油 5升'],
    ]);
    expect(list[0]?.door).toMatch(/栋/);
    const messages = (await t.db.query("SELECT COUNT(*) AS n FROM messages WHERE kind = 'prize.awarded'")) as { n: number | string }[];
    expect(Number(messages[0]?.n)).toBe(3);
  });

  it('the prize parcel goes through dispatch, both scans and the rating like any other', async () => {
    const winner = players[0] as Client;
    const mine = (await winner.get('/api/me/prizes').expect(200)).body as PrizeView[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ source: 'quiz', title: '防疫知识竞答', rank: 1, prize: '大米 10斤', parcel: { state: 'READY' } });
    const parcel = (await prizeParcels()).find((p) => p.householdId === households[0]) as ParcelView;

    const volunteer = await t.login('volunteer');
    const volunteerId = ((await volunteer.get('/api/me').expect(200)).body as MeResponse).user.id;
    const [b] = (await t.db.query(`SELECT building_id FROM parcels WHERE id = ${parcel.id}`)) as { building_id: number }[];
    await staff.put(`/api/staff/volunteers/${volunteerId}`, { buildingIds: [Number(b?.building_id)], capacity: 50 }).expect(200);
    await volunteer.put('/api/volunteer/duty', { onDuty: true }).expect(200);
    const dispatched = (await staff.post('/api/staff/parcels/dispatch').expect(200)).body as DispatchResult;
    expect(dispatched.assigned).toBeGreaterThanOrEqual(1);
    const task = ((await volunteer.get('/api/volunteer/tasks').expect(200)).body as ParcelTaskView[]).find((x) => x.id === parcel.id);
    expect(task).toMatchObject({ contents: '奖品：大米 10斤', cashDueFen: 0 });
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/accept`).expect(200);
    await volunteer.post('/api/volunteer/scan/pickup', { code: parcel.labelToken }).expect(200);
    const code = (await winner.get(`/api/parcels/${parcel.id}/qr`).expect(200)).body as OrderQrView;
    await volunteer.post(`/api/volunteer/tasks/${parcel.id}/deliver`, { code: code.token }).expect(200);
    await winner.post(`/api/parcels/${parcel.id}/rating`, { stars: 5, comment: '谢谢社区' }).expect(200);
    const after = (await winner.get('/api/me/prizes').expect(200)).body as PrizeView[];
    expect(after[0]?.parcel).toMatchObject({ state: 'DELIVERED', rating: { stars: 5, comment: '谢谢社区' } });
  });

  it("a contest's published winner gets its prize; before the results are out there is nothing to award", async () => {
    const now = t.clock.now().getTime();
    const contest = (
      await staff
        .post('/api/staff/contests', {
          kind: 'photo',
          title: '春天的小区',
          rules: '一户一件作品',
          entryStartsAt: new Date(now - 3600_000).toISOString(),
          entryEndsAt: new Date(now + 86_400_000).toISOString(),
          voteStartsAt: new Date(now - 3600_000).toISOString(),
          voteEndsAt: new Date(now + 2 * 86_400_000).toISOString(),
          entriesPerHousehold: 1,
          votesPerDay: 3,
          mode: 'vote',
          autoApprove: false,
        })
        .expect(201)
    ).body as ContestView;
    const entries: MyContestEntryView[] = [];
    for (const who of [players[1], players[2]] as Client[]) {
      const file = (await who.upload('/api/files', photo(), 'a.png', { purpose: 'contest' }).expect(201)).body as FileView;
      const entry = (
        await who.post(`/api/contests/${contest.id}/entries`, { title: '阳台的花', caption: '开了', pictureIds: [file.id] }).expect(201)
      ).body as MyContestEntryView;
      await staff.post(`/api/staff/contest-entries/${entry.id}/approve`).expect(200);
      entries.push(entry);
    }
    await (players[0] as Client).post(`/api/contest-entries/${entries[1]?.id}/vote`).expect(200);
    const early = await staff.post('/api/staff/prizes', { source: 'contest', sourceId: contest.id, top: 1, prize: '图书一套' }).expect(409);
    expect(early.body.code).toBe('CONTEST_RESULTS_NOT_PUBLISHED');
    await staff.post(`/api/staff/contests/${contest.id}/publish`).expect(200);
    const result = (
      await staff.post('/api/staff/prizes', { source: 'contest', sourceId: contest.id, top: 1, prize: '图书一套' }).expect(201)
    ).body as AwardPrizesResult;
    expect(result.prizes.map((p) => [p.rank, p.householdId, p.prize])).toEqual([[1, households[2], '图书一套']]);
    const parcels = ((await staff.get(`/api/staff/parcels?batch=prize:contest:${contest.id}`).expect(200)).body as Page<ParcelView>).items;
    expect(parcels.map((p) => [p.householdId, p.contents])).toEqual([[households[2], '奖品：图书一套']]);
    const theirs = (await (players[2] as Client).get('/api/me/prizes').expect(200)).body as PrizeView[];
    expect(theirs.map((p) => [p.source, p.title, p.prize])).toContainEqual(['contest', '春天的小区', '图书一套']);
  });

  it('refuses the wrong role, another community and bad bodies, changing nothing', async () => {
    const before = await t.count('activity_prizes');
    const resident = players[2] as Client;
    expect(
      (await resident.post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 3, prize: '大米' }).expect(403)).body.code,
    ).toBe('FORBIDDEN');
    await resident.get(`/api/staff/prizes?source=quiz&sourceId=${quiz.id}`).expect(403);
    await resident.get(`/api/staff/prizes/winners?source=quiz&sourceId=${quiz.id}&top=3`).expect(403);
    await (await t.login('volunteer')).post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 3, prize: '大米' }).expect(403);
    await staff.get('/api/me/prizes').expect(403);
    // A neighbour's prizes are not mine.
    expect(((await resident.get('/api/me/prizes').expect(200)).body as PrizeView[]).map((p) => [p.source, p.rank])).toEqual([
      ['contest', 1],
      ['quiz', 3],
    ]);
    expect(((await (players[1] as Client).get('/api/me/prizes').expect(200)).body as PrizeView[]).map((p) => p.rank)).toEqual([2]);

    for (const body of [
      { source: 'quiz', sourceId: quiz.id, top: 0, prize: '大米' },
      { source: 'quiz', sourceId: quiz.id, top: 3, prize: '   ' },
      { source: 'lottery', sourceId: quiz.id, top: 3, prize: '大米' },
      { source: 'quiz', sourceId: -1, top: 3, prize: '大米' },
      { source: 'quiz', sourceId: quiz.id, top: 3, prize: '大米', extra: 1 },
    ]) {
      const refused = await staff.post('/api/staff/prizes', body).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await staff.get('/api/staff/prizes/winners?source=quiz&sourceId=abc&top=3').expect(400)).body.code).toBe('VALIDATION_FAILED');

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query("INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)");
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const elsewhere = await t.tokenFor(Number(u?.id));
    expect(
      (await elsewhere.post('/api/staff/prizes', { source: 'quiz', sourceId: quiz.id, top: 3, prize: '大米' }).expect(404)).body.code,
    ).toBe('QUIZ_NOT_FOUND');
    expect(await elsewhere.get(`/api/staff/prizes?source=quiz&sourceId=${quiz.id}`).expect(200)).toMatchObject({ body: [] });
    expect(await t.count('activity_prizes')).toBe(before);
  });
});
