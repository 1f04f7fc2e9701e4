import { maskDoor } from '@linli/shared-types';
import {
  attemptDeadline,
  drawPaper,
  inTime,
  leaderboard,
  scorePaper,
  timeTaken,
  topHouseholds,
  validChoice,
  type BankQuestion,
  type Ranked,
} from './quiz-rules';

/** A seeded random (mulberry32), so a draw can be repeated. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bank: BankQuestion[] = Array.from({ length: 10 }, (_, i) => ({
  id: i + 1,
  kind: i % 2 === 0 ? 'single' : 'multiple',
  text: `第${i + 1}题`,
  options: ['甲', '乙', '丙', '丁'],
  correct: i % 2 === 0 ? [1] : [0, 3],
  explanation: `解析${i + 1}`,
}));

describe('drawing a paper', () => {
  it('draws the asked number of different questions, or the whole pool when it is smaller', () => {
    const paper = drawPaper(bank, 5, seeded(1));
    expect(paper).toHaveLength(5);
    expect(new Set(paper.map((q) => q.questionId)).size).toBe(5);
    expect(drawPaper(bank.slice(0, 3), 5, seeded(2))).toHaveLength(3);
    expect(drawPaper([], 5)).toHaveLength(0);
  });

  it('shuffles options and the correct indexes follow the options they point at', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const q of drawPaper(bank, 10, seeded(seed))) {
        const original = bank.find((b) => b.id === q.questionId) as BankQuestion;
        expect([...q.options].sort()).toEqual([...original.options].sort());
        expect(q.correct.map((i) => q.options[i]).sort()).toEqual(original.correct.map((i) => original.options[i]).sort());
      }
    }
  });

  it('different draws differ (not always the first questions in the first order)', () => {
    const firsts = new Set(
      Array.from({ length: 20 }, (_, s) =>
        drawPaper(bank, 3, seeded(s + 1))
          .map((q) => q.questionId)
          .join(','),
      ),
    );
    expect(firsts.size).toBeGreaterThan(5);
  });
});

describe('the late rule and scoring', () => {
  const start = new Date('2026-05-01T02:00:00Z');
  const paper = drawPaper(bank.slice(0, 4), 4, seeded(7));
  const deadline = attemptDeadline(start, 60, new Date('2026-05-01T12:00:00Z'));
  const at = (seconds: number): Date => new Date(start.getTime() + seconds * 1000);

  it('the deadline is the time limit after the start, never after the quiz closes', () => {
    expect(deadline.toISOString()).toBe('2026-05-01T02:01:00.000Z');
    expect(attemptDeadline(start, 600, at(120)).toISOString()).toBe(at(120).toISOString());
  });

  it('an answer counts up to the deadline plus the 5-second grace, not after', () => {
    expect(inTime(at(60), deadline)).toBe(true);
    expect(inTime(at(65), deadline)).toBe(true);
    expect(inTime(new Date(at(65).getTime() + 1), deadline)).toBe(false);
  });

  it('scores one point per right answer; multiple choice needs exactly the correct set', () => {
    const right = (i: number): number[] => (paper[i]?.correct ?? []).slice();
    const result = scorePaper(
      paper,
      [
        { position: 0, chosen: right(0), savedAt: at(10) },
        { position: 1, chosen: right(1).reverse(), savedAt: at(20) },
        { position: 2, chosen: [((right(2)[0] ?? 0) + 1) % 4], savedAt: at(30) },
      ],
      deadline,
    );
    expect(result.total).toBe(4);
    const expected = [0, 1].filter((i) => paper[i] !== undefined).length;
    expect(result.score).toBe(expected);
    expect(result.review[2]?.right).toBe(false);
    expect(result.review[3]).toMatchObject({ chosen: null, right: false, late: false });
    expect(result.review.every((r) => r.explanation.startsWith('解析'))).toBe(true);
    // A multiple-choice question answered with only part of the correct set scores nothing.
    const multi = paper.findIndex((q) => q.kind === 'multiple');
    const part = scorePaper(paper, [{ position: multi, chosen: [paper[multi]?.correct[0] ?? 0], savedAt: at(5) }], deadline);
    expect(part.score).toBe(0);
  });

  it('超时后的作答不计分: a right answer saved after the grace counts nothing and shows as late', () => {
    const result = scorePaper(
      paper,
      [
        { position: 0, chosen: paper[0]?.correct ?? [], savedAt: at(50) },
        { position: 1, chosen: paper[1]?.correct ?? [], savedAt: at(66) },
      ],
      deadline,
    );
    expect(result.score).toBe(1);
    expect(result.review[1]).toMatchObject({ right: false, late: true, chosen: null });
  });

  it('time taken stops at the deadline for a late or never-made submission', () => {
    expect(timeTaken(start, at(42), deadline)).toBe(42_000);
    expect(timeTaken(start, at(600), deadline)).toBe(60_000);
  });

  it('a choice must be distinct known options, one for single choice', () => {
    expect(validChoice('single', 4, [2])).toBe(true);
    expect(validChoice('single', 4, [1, 2])).toBe(false);
    expect(validChoice('multiple', 4, [0, 3])).toBe(true);
    expect(validChoice('multiple', 4, [0, 0])).toBe(false);
    expect(validChoice('multiple', 4, [4])).toBe(false);
    expect(validChoice('multiple', 4, [])).toBe(false);
  });
});

describe('the leaderboard', () => {
  const t0 = new Date('2026-05-01T02:00:00Z').getTime();
  const a = (attemptId: number, userId: number, householdId: number, score: number, timeTakenMs: number, submittedSec: number): Ranked => ({
    attemptId,
    userId,
    householdId,
    score,
    timeTakenMs,
    submittedAt: new Date(t0 + submittedSec * 1000),
  });

  it('ranks each person once by their best attempt: score desc, time asc, earlier submission', () => {
    const board = leaderboard([
      a(1, 10, 100, 8, 90_000, 100),
      a(2, 10, 100, 9, 120_000, 300), // user 10's best: more points beats less time
      a(3, 11, 101, 9, 100_000, 200),
      a(4, 12, 102, 9, 100_000, 150), // same score and time as user 11, submitted earlier
      a(5, 13, 103, 7, 30_000, 50),
    ]);
    expect(board.map((e) => [e.rank, e.userId, e.attemptId])).toEqual([
      [1, 12, 4],
      [2, 11, 3],
      [3, 10, 2],
      [4, 13, 5],
    ]);
  });

  it("the top households: a household's best member only", () => {
    const board = leaderboard([a(1, 10, 100, 9, 10, 1), a(2, 11, 100, 8, 10, 2), a(3, 12, 101, 7, 10, 3), a(4, 13, 102, 6, 10, 4)]);
    expect(topHouseholds(board, 2).map((e) => e.userId)).toEqual([10, 12]);
    expect(topHouseholds(board, 10)).toHaveLength(3);
  });

  it('masks the door: no room number, no name', () => {
    expect(maskDoor('1栋', '1单元', '101')).toBe('1栋1单元1**');
    expect(maskDoor('3栋', '2单元', '1203')).toBe('3栋2单元12**');
    expect(maskDoor('5栋', '', '12')).toBe('5栋**');
  });
});
