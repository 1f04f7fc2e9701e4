import type {
  AnswerSaved,
  AttemptView,
  QuizLeaderboard,
  QuizView,
  StaffAttemptRow,
  StaffQuestionView,
  StaffQuizView,
} from '@linli/shared-types';
import { QuizzesService } from '../src/modules/activities/quizzes/quizzes.service';
import { TestApp, type Client } from './support/test-app';

interface Paper {
  options: string[];
  correct: number[];
  kind: 'single' | 'multiple';
  explanation: string;
}

/** Keys that would give an answer away. */
const ANSWER_KEYS = ['correct', 'explanation', 'right', 'answer', 'answers', 'isCorrect', 'paper', 'review'];

/** Every key and every string anywhere in a JSON value. */
function walk(value: unknown, keys: string[] = [], strings: string[] = []): { keys: string[]; strings: string[] } {
  if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.push(k);
      walk(v, keys, strings);
    }
  }
  return { keys, strings };
}

/**
 * Quizzes (issue 16): staff keep a question bank and make a quiz; residents take it on the
 * server's clock; the phone never gets an answer before submitting; late answers count nothing;
 * the leaderboard ranks each person's best by score, then time.
 */
describe('quizzes', () => {
  let t: TestApp;
  let staff: Client;
  let resident: Client; // 王秀兰, 1栋1单元101
  let others: Client[];
  const explanations: string[] = [];
  let quiz: StaffQuizView;

  beforeAll(async () => {
    t = await TestApp.boot();
    staff = await t.login('staff');
    resident = await t.login('resident');
    others = await t.residents(4);
  });

  afterAll(async () => {
    await t.close();
  });

  const paperOf = async (attemptId: number): Promise<Paper[]> => {
    const [row] = (await t.db.query(`SELECT paper FROM quiz_attempts WHERE id = ${attemptId}`)) as { paper: string }[];
    return JSON.parse(String(row?.paper)) as Paper[];
  };
  const expectNoAnswer = (body: unknown): void => {
    const { keys, strings } = walk(body);
    for (const key of ANSWER_KEYS) expect(keys).not.toContain(key);
    for (const text of explanations) expect(strings).not.toContain(text);
  };
  const wrong = (q: Paper): number[] => [q.options.findIndex((_, i) => !q.correct.includes(i))];
  const newQuiz = async (body: object = {}): Promise<StaffQuizView> => {
    const now = t.clock.now().getTime();
    return (
      await staff
        .post('/api/staff/quizzes', {
          title: '防疫知识竞答',
          intro: '答题赢大米',
          questionCount: 4,
          timeLimitSeconds: 120,
          attemptsAllowed: 2,
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + 86_400_000).toISOString(),
          ...body,
        })
        .expect(201)
    ).body as StaffQuizView;
  };

  it('staff build a question bank: single and multiple choice, tags, checked', async () => {
    for (let i = 1; i <= 6; i++) {
      const explanation = `解析第${i}题：勤洗手、戴口罩`;
      explanations.push(explanation);
      const q = (
        await staff
          .post('/api/staff/quiz-questions', {
            kind: i % 2 === 0 ? 'multiple' : 'single',
            text: `第${i}题：以下哪项是正确的防护措施？`,
            options: ['勤洗手', '聚集聊天', '戴口罩', '不开窗'],
            correct: i % 2 === 0 ? [0, 2] : [0],
            explanation,
            tags: i <= 5 ? ['防疫知识'] : ['急救', '自定义'],
          })
          .expect(201)
      ).body as StaffQuestionView;
      expect(q).toMatchObject({ archived: false, correct: i % 2 === 0 ? [0, 2] : [0] });
    }
    const bad = await staff
      .post('/api/staff/quiz-questions', {
        kind: 'single',
        text: '两个正确答案的单选题',
        options: ['甲', '乙'],
        correct: [0, 1],
        explanation: '不行',
      })
      .expect(400);
    expect(bad.body.code).toBe('QUESTION_INVALID');
    const outOfRange = await staff
      .post('/api/staff/quiz-questions', {
        kind: 'single',
        text: '正确选项不存在',
        options: ['甲', '乙'],
        correct: [3],
        explanation: '不行',
      })
      .expect(400);
    expect(outOfRange.body.code).toBe('QUESTION_INVALID');
    const tooMany = await staff
      .post('/api/staff/quiz-questions', {
        kind: 'single',
        text: '七个选项',
        options: ['1', '2', '3', '4', '5', '6', '7'],
        correct: [0],
        explanation: '不行',
      })
      .expect(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    expect(((await staff.get('/api/staff/quiz-questions').expect(200)).body as StaffQuestionView[]).length).toBe(6);
  });

  it('a quiz needs enough questions and a close after its open', async () => {
    const now = t.clock.now().getTime();
    const base = { title: '急救竞答', intro: '', timeLimitSeconds: 60, attemptsAllowed: 1 };
    const few = await staff
      .post('/api/staff/quizzes', {
        ...base,
        questionCount: 2,
        tags: ['急救'],
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 3600_000).toISOString(),
      })
      .expect(409);
    expect(few.body.code).toBe('QUIZ_NOT_ENOUGH_QUESTIONS');
    const times = await staff
      .post('/api/staff/quizzes', {
        ...base,
        questionCount: 1,
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now - 1000).toISOString(),
      })
      .expect(400);
    expect(times.body.code).toBe('QUIZ_TIMES_INVALID');
    quiz = await newQuiz({ tags: ['防疫知识'] });
    expect(quiz).toMatchObject({ status: 'OPEN', available: 5, tags: ['防疫知识'], attempts: 0 });
  });

  it('the attempt sent to the phone carries no answer anywhere; a retried start replays it', async () => {
    const view = (await resident.get(`/api/quizzes/${quiz.id}`).expect(200)).body as QuizView;
    expect(view).toMatchObject({ status: 'OPEN', attemptsUsed: 0, openAttemptId: null, best: null });
    expect(view.lateRule).toContain('超时后的作答不计分');
    const key = 'start-quiz-once';
    const first = (await resident.post(`/api/quizzes/${quiz.id}/attempts`, undefined, key).expect(201)).body as AttemptView;
    const again = (await resident.post(`/api/quizzes/${quiz.id}/attempts`, undefined, key).expect(201)).body as AttemptView;
    expect(again.id).toBe(first.id);
    expect(first.questions).toHaveLength(4);
    expect(first.status).toBe('IN_PROGRESS');
    expect(first.result).toBeNull();
    expect(new Date(first.deadline).getTime() - new Date(first.startedAt).getTime()).toBe(120_000);
    expect(first.serverNow).toBe(t.clock.now().toISOString());
    expectNoAnswer(first);
    expectNoAnswer((await resident.get(`/api/quiz-attempts/${first.id}`).expect(200)).body);
    expectNoAnswer((await resident.get(`/api/quizzes/${quiz.id}`).expect(200)).body);
    expectNoAnswer((await resident.get('/api/quizzes').expect(200)).body);
    const saved = (await resident.post(`/api/quiz-attempts/${first.id}/answers`, { position: 0, chosen: [0] }).expect(200))
      .body as AnswerSaved;
    expectNoAnswer(saved);
    expect(await t.count('quiz_attempts')).toBe(1);
  });

  it('answers right, submits, and gets score, correct answers and explanations; one save per question', async () => {
    const attempt = (await resident.post(`/api/quizzes/${quiz.id}/attempts`).expect(201)).body as AttemptView;
    expect(attempt.saved).toEqual([{ position: 0, chosen: [0] }]); // resumed, not a new attempt
    const paper = await paperOf(attempt.id);
    // Position 0 was answered [0] blind: right only if its correct set is exactly [0].
    const firstRight = paper[0]?.correct.join(',') === '0';
    const again = await resident.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 0, chosen: paper[0]?.correct }).expect(409);
    expect(again.body.code).toBe('QUIZ_ANSWER_SAVED');
    const invalid = await resident.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 9, chosen: [0] }).expect(400);
    expect(invalid.body.code).toBe('QUIZ_ANSWER_INVALID');
    t.clock.advance(20_000);
    for (const position of [1, 2, 3]) {
      await resident.post(`/api/quiz-attempts/${attempt.id}/answers`, { position, chosen: paper[position]?.correct }).expect(200);
    }
    t.clock.advance(10_000);
    const done = (await resident.post(`/api/quiz-attempts/${attempt.id}/submit`, {}).expect(200)).body as AttemptView;
    expect(done.status).toBe('SUBMITTED');
    expect(done.result).toMatchObject({ score: firstRight ? 4 : 3, total: 4, late: false, timeTakenMs: 30_000 });
    expect(done.result?.review.map((r) => r.correct)).toEqual(paper.map((q) => [...q.correct].sort()));
    expect(done.result?.review.map((r) => r.explanation)).toEqual(paper.map((q) => q.explanation));
    const closed = await resident.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 1, chosen: [0] }).expect(409);
    expect(closed.body.code).toBe('QUIZ_ATTEMPT_SUBMITTED');
    const view = (await resident.get(`/api/quizzes/${quiz.id}`).expect(200)).body as QuizView;
    expect(view).toMatchObject({
      attemptsUsed: 1,
      openAttemptId: null,
      best: { attemptId: attempt.id, score: firstRight ? 4 : 3, total: 4 },
    });
  });

  it('超时后的作答不计分: answers after the deadline and its grace are refused, a late submission counts only those in time', async () => {
    const [late] = others as [Client];
    const attempt = (await late.post(`/api/quizzes/${quiz.id}/attempts`).expect(201)).body as AttemptView;
    const paper = await paperOf(attempt.id);
    await late.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 0, chosen: paper[0]?.correct }).expect(200);
    t.clock.advance(123_000); // 3 s past the deadline: within the 5 s grace
    await late.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 1, chosen: paper[1]?.correct }).expect(200);
    t.clock.advance(3_000); // 6 s past: too late
    const refused = await late.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 2, chosen: paper[2]?.correct }).expect(409);
    expect(refused.body.code).toBe('QUIZ_TIME_UP');
    const done = (
      await late.post(`/api/quiz-attempts/${attempt.id}/submit`, { answers: [{ position: 3, chosen: paper[3]?.correct }] }).expect(200)
    ).body as AttemptView;
    expect(done.result).toMatchObject({ score: 2, total: 4, late: true, timeTakenMs: 120_000 });
    expect(done.result?.review.map((r) => [r.right, r.late])).toEqual([
      [true, false],
      [true, false],
      [false, false],
      [false, true],
    ]);
  });

  it('an attempt never submitted is scored at its deadline when someone next reads it', async () => {
    const [, quiet] = others as [Client, Client];
    const attempt = (await quiet.post(`/api/quizzes/${quiz.id}/attempts`).expect(201)).body as AttemptView;
    const paper = await paperOf(attempt.id);
    await quiet.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 0, chosen: paper[0]?.correct }).expect(200);
    await quiet.post(`/api/quiz-attempts/${attempt.id}/answers`, { position: 1, chosen: wrong(paper[1] as Paper) }).expect(200);
    t.clock.advance(200_000);
    const board = (await resident.get(`/api/quizzes/${quiz.id}/leaderboard`).expect(200)).body as QuizLeaderboard;
    expect(board.people).toBe(3);
    const [row] = (await t.db.query(`SELECT status, score, late, time_taken_ms AS ms FROM quiz_attempts WHERE id = ${attempt.id}`)) as {
      status: string;
      score: number;
      late: number | boolean;
      ms: number;
    }[];
    expect(row).toMatchObject({ status: 'SUBMITTED', score: 1 });
    expect(Boolean(Number(row?.late))).toBe(true);
    expect(Number(row?.ms)).toBe(120_000);
    const mine = (await quiet.get(`/api/quiz-attempts/${attempt.id}`).expect(200)).body as AttemptView;
    expect(mine.result).toMatchObject({ score: 1, late: true });
  });

  it('the leaderboard: best attempt each, score then time, doors masked, no names, my own rank', async () => {
    const [, , fast, slow] = others as [Client, Client, Client, Client];
    const take = async (who: Client, seconds: number, rightCount: number): Promise<void> => {
      const attempt = (await who.post(`/api/quizzes/${quiz.id}/attempts`).expect(201)).body as AttemptView;
      const paper = await paperOf(attempt.id);
      t.clock.advance(seconds * 1000);
      const answers = paper.map((q, position) => ({ position, chosen: position < rightCount ? q.correct : wrong(q) }));
      await who.post(`/api/quiz-attempts/${attempt.id}/submit`, { answers }).expect(200);
    };
    await take(fast, 10, 4);
    await take(slow, 50, 4);
    await take(slow, 5, 1); // a worse second attempt does not replace the best
    const board = (await slow.get(`/api/quizzes/${quiz.id}/leaderboard`).expect(200)).body as QuizLeaderboard;
    expect(board.people).toBe(5);
    expect(board.entries[0]).toMatchObject({ rank: 1, score: 4, timeTakenMs: 10_000 });
    // 王秀兰 may also have 4 in 30 s (her first answer was given blind): slow's place follows from the rule.
    const ahead = board.entries.filter((e) => e.score > 4 || (e.score === 4 && e.timeTakenMs < 50_000)).length;
    expect(board.mine).toMatchObject({ rank: ahead + 1, score: 4, timeTakenMs: 50_000, mine: true });
    const keys = board.entries.map((e) => e.score * 1e9 - e.timeTakenMs);
    expect([...keys].sort((x, y) => y - x)).toEqual(keys);
    expect(board.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(board.entries.filter((e) => e.mine)).toHaveLength(1);
    for (const e of board.entries) expect(e.door).toMatch(/\*\*$/);
    const wang = board.entries.find((e) => e.door === '1栋1单元1**');
    expect(wang).toBeDefined();
    const { strings } = walk(board);
    expect(strings.some((s) => s.includes('王秀兰') || s.includes('101'))).toBe(false);
    expect((await slow.post(`/api/quizzes/${quiz.id}/attempts`).expect(409)).body.code).toBe('QUIZ_NO_ATTEMPTS_LEFT');

    const [own] = (await t.db.query(`SELECT community_id AS c FROM quizzes WHERE id = ${quiz.id}`)) as { c: number }[];
    const winners = await t.app.get(QuizzesService).winners(Number(own?.c), quiz.id, 2);
    expect(winners.title).toBe('防疫知识竞答');
    expect(winners.winners.map((w) => w.rank)).toEqual([1, 2]);
    expect(winners.winners[0]?.label).toBe('4/4 分 · 10秒');
    const rows = (await staff.get(`/api/staff/quizzes/${quiz.id}/attempts`).expect(200)).body as StaffAttemptRow[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ score: 4, timeTakenMs: 10_000 });
    expect(rows.some((r) => r.nickname === '王秀兰')).toBe(true);
  });

  it('parallel starts by one person make one attempt', async () => {
    const one = await newQuiz({ title: '只能答一次', attemptsAllowed: 1, questionCount: 2 });
    const [person] = await t.residents(1);
    const answers = await Promise.all(Array.from({ length: 8 }, () => (person as Client).post(`/api/quizzes/${one.id}/attempts`)));
    for (const res of answers) expect([201, 409]).toContain(res.status);
    const ids = new Set(answers.filter((r) => r.status === 201).map((r) => (r.body as AttemptView).id));
    expect(ids.size).toBe(1);
    const [n] = (await t.db.query(`SELECT COUNT(*) AS n FROM quiz_attempts WHERE quiz_id = ${one.id}`)) as { n: number }[];
    expect(Number(n?.n)).toBe(1);
  });

  it('archived and edited questions: attempts keep what they drew; new draws skip the archived', async () => {
    const small = await newQuiz({ title: '急救小测', questionCount: 1, tags: ['急救'] });
    const [person] = await t.residents(1);
    const attempt = (await (person as Client).post(`/api/quizzes/${small.id}/attempts`).expect(201)).body as AttemptView;
    const [question] = (await staff.get('/api/staff/quiz-questions').expect(200)).body as StaffQuestionView[];
    expect(question?.tags).toContain('急救');
    await staff.patch(`/api/staff/quiz-questions/${question?.id}`, { text: '改过的题目：心肺复苏按压深度？' }).expect(200);
    const archived = (await staff.post(`/api/staff/quiz-questions/${question?.id}/archive`).expect(200)).body as StaffQuestionView;
    expect(archived.archived).toBe(true);
    const still = (await (person as Client).get(`/api/quiz-attempts/${attempt.id}`).expect(200)).body as AttemptView;
    expect(still.questions[0]?.text).toBe(attempt.questions[0]?.text);
    expect(still.questions[0]?.text).not.toContain('改过的题目');
    const [other] = await t.residents(1);
    expect((await (other as Client).post(`/api/quizzes/${small.id}/attempts`).expect(409)).body.code).toBe('QUIZ_NOT_ENOUGH_QUESTIONS');
    expect(((await staff.get('/api/staff/quiz-questions?archived=true').expect(200)).body as StaffQuestionView[]).length).toBe(1);
  });

  it('not yet open and closed quizzes refuse with their codes', async () => {
    const now = t.clock.now().getTime();
    const later = await newQuiz({
      title: '明天的竞答',
      opensAt: new Date(now + 3600_000).toISOString(),
      closesAt: new Date(now + 7200_000).toISOString(),
    });
    expect(((await resident.get(`/api/quizzes/${later.id}`).expect(200)).body as QuizView).status).toBe('UPCOMING');
    expect((await resident.post(`/api/quizzes/${later.id}/attempts`).expect(409)).body.code).toBe('QUIZ_NOT_OPEN');
    t.clock.advance(7200_000);
    expect((await resident.post(`/api/quizzes/${later.id}/attempts`).expect(409)).body.code).toBe('QUIZ_CLOSED');
  });

  it('refuses the wrong role, another community, another person’s attempt and bad bodies', async () => {
    const [a, b] = others as [Client, Client];
    const mine = (await a.get(`/api/quizzes/${quiz.id}`).expect(200)).body as QuizView;
    const attemptId = mine.best?.attemptId as number;
    expect((await b.get(`/api/quiz-attempts/${attemptId}`).expect(404)).body.code).toBe('QUIZ_ATTEMPT_NOT_FOUND');
    expect((await b.post(`/api/quiz-attempts/${attemptId}/answers`, { position: 0, chosen: [0] }).expect(404)).body.code).toBe(
      'QUIZ_ATTEMPT_NOT_FOUND',
    );
    await b.post(`/api/quiz-attempts/${attemptId}/submit`, {}).expect(404);

    expect(
      (
        await resident
          .post('/api/staff/quiz-questions', { kind: 'single', text: '居民出题', options: ['a', 'b'], correct: [0], explanation: '不行' })
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN');
    await resident.get('/api/staff/quizzes').expect(403);
    await resident.get(`/api/staff/quizzes/${quiz.id}/attempts`).expect(403);
    await staff.get('/api/quizzes').expect(403);
    await staff.post(`/api/quizzes/${quiz.id}/attempts`).expect(403);
    await (await t.login('pharmacist')).get(`/api/quizzes/${quiz.id}`).expect(403);
    const unbound = await t.newResident('还没绑定');
    expect([403]).toContain((await unbound.get('/api/quizzes').expect(403)).status);

    await t.db.query("INSERT INTO communities (name, created_at) VALUES ('翡翠湾', CURRENT_TIMESTAMP)");
    const [c] = (await t.db.query("SELECT id FROM communities WHERE name = '翡翠湾'")) as { id: number }[];
    await t.db.query(`INSERT INTO users (nickname, household_id, created_at) VALUES ('翡翠湾社工', NULL, CURRENT_TIMESTAMP)`);
    const [u] = (await t.db.query("SELECT id FROM users WHERE nickname = '翡翠湾社工'")) as { id: number }[];
    await t.db.query(`INSERT INTO role_assignments (user_id, community_id, role) VALUES (${u?.id}, ${c?.id}, 'staff')`);
    const otherStaff = await t.tokenFor(Number(u?.id));
    expect((await otherStaff.get(`/api/staff/quizzes/${quiz.id}`).expect(404)).body.code).toBe('QUIZ_NOT_FOUND');
    await otherStaff.get(`/api/staff/quizzes/${quiz.id}/attempts`).expect(404);
    await otherStaff.patch(`/api/staff/quizzes/${quiz.id}`, { title: '别的社区来改' }).expect(404);
    const questions = (await staff.get('/api/staff/quiz-questions').expect(200)).body as StaffQuestionView[];
    expect((await otherStaff.get(`/api/staff/quiz-questions/${questions[0]?.id}`).expect(404)).body.code).toBe('QUESTION_NOT_FOUND');
    await otherStaff.post(`/api/staff/quiz-questions/${questions[0]?.id}/archive`).expect(404);
    expect(((await otherStaff.get('/api/staff/quiz-questions').expect(200)).body as StaffQuestionView[]).length).toBe(0);
    expect(((await otherStaff.get('/api/staff/quizzes').expect(200)).body as StaffQuizView[]).length).toBe(0);
    // Another community's quiz is not found for our residents.
    await otherStaff
      .post('/api/staff/quiz-questions', {
        kind: 'single',
        text: '翡翠湾的题目',
        options: ['甲', '乙'],
        correct: [1],
        explanation: '翡翠湾解析',
      })
      .expect(201);
    const now = t.clock.now().getTime();
    const theirs = (
      await otherStaff
        .post('/api/staff/quizzes', {
          title: '翡翠湾竞答',
          intro: '',
          questionCount: 1,
          timeLimitSeconds: 60,
          attemptsAllowed: 1,
          opensAt: new Date(now - 1000).toISOString(),
          closesAt: new Date(now + 3600_000).toISOString(),
        })
        .expect(201)
    ).body as StaffQuizView;
    expect((await resident.get(`/api/quizzes/${theirs.id}`).expect(404)).body.code).toBe('QUIZ_NOT_FOUND');
    await resident.post(`/api/quizzes/${theirs.id}/attempts`).expect(404);
    await resident.get(`/api/quizzes/${theirs.id}/leaderboard`).expect(404);
    expect(((await resident.get('/api/quizzes').expect(200)).body as QuizView[]).map((q) => q.id)).not.toContain(theirs.id);

    const before = await t.count('quiz_questions');
    const bad = async (body: object): Promise<void> => {
      const res = await staff
        .post('/api/staff/quiz-questions', {
          kind: 'single',
          text: '好题目',
          options: ['甲', '乙'],
          correct: [0],
          explanation: '解析',
          ...body,
        })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    };
    await bad({ kind: 'essay' });
    await bad({ options: ['只有一个'] });
    await bad({ correct: [] });
    await bad({ extra: 1 });
    await bad({ tags: [''] });
    expect(await t.count('quiz_questions')).toBe(before);
    const quizBad = await staff.post('/api/staff/quizzes', { title: '坏', intro: '', questionCount: 0 }).expect(400);
    expect(quizBad.body.code).toBe('VALIDATION_FAILED');
  });
});
