import { checkFlow, CONTEST_ENTRY_FLOW } from '@linli/shared-types';
import { afterChecks, freeSlot, maskDoor, periodsValid, phaseOf, rank, voteRefusal } from './contest-rules';

const at = (iso: string): Date => new Date(iso);
const contest = {
  entryStartsAt: at('2022-04-01T00:00:00Z'),
  entryEndsAt: at('2022-04-10T00:00:00Z'),
  voteStartsAt: at('2022-04-05T00:00:00Z'),
  voteEndsAt: at('2022-04-15T00:00:00Z'),
  mode: 'vote' as const,
  resultsPublishedAt: null,
};
const approved = { state: 'APPROVED' as const, householdId: 7 };

describe('vote rules', () => {
  const now = at('2022-04-06T12:00:00Z');

  it('lets a neighbour vote for an approved entry during the voting period', () => {
    expect(voteRefusal(contest, approved, 8, now)).toBeNull();
  });

  it('refuses one’s own household, outside the period, after publication, in a judged contest, an unapproved entry', () => {
    expect(voteRefusal(contest, approved, 7, now)).toBe('CONTEST_OWN_ENTRY');
    expect(voteRefusal(contest, approved, 8, at('2022-04-04T23:59:59Z'))).toBe('CONTEST_VOTING_CLOSED');
    expect(voteRefusal(contest, approved, 8, contest.voteEndsAt)).toBe('CONTEST_VOTING_CLOSED');
    expect(voteRefusal({ ...contest, resultsPublishedAt: now }, approved, 8, now)).toBe('CONTEST_VOTING_CLOSED');
    expect(voteRefusal({ ...contest, mode: 'judges' }, approved, 8, now)).toBe('CONTEST_NOT_VOTING');
    for (const state of ['CHECKING', 'FLAGGED', 'PENDING', 'REJECTED'] as const) {
      expect(voteRefusal(contest, { state, householdId: 7 }, 8, now)).toBe('CONTEST_ENTRY_NOT_FOUND');
    }
  });
});

describe('ranking', () => {
  const e = (id: number, votes: number, created: string, averageScore: number | null = null) => ({
    id,
    votes,
    averageScore,
    createdAt: at(created),
  });

  it('ranks by votes, ties broken by the earlier entry, every place distinct', () => {
    const ranked = rank([e(3, 5, '2022-04-02'), e(1, 9, '2022-04-03'), e(2, 5, '2022-04-01')], 'vote');
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('ranks judged contests by the average, unscored entries last', () => {
    const ranked = rank([e(1, 0, '2022-04-01', null), e(2, 0, '2022-04-02', 88.5), e(3, 0, '2022-04-03', 92)], 'judges');
    expect(ranked.map((r) => r.id)).toEqual([3, 2, 1]);
  });
});

describe('content checks, periods, places', () => {
  it('flags at once, waits for every part, sends errors to staff, auto-approves only what passed', () => {
    expect(afterChecks(['risky', null], 3, true)).toEqual({ state: 'FLAGGED', checked: true });
    expect(afterChecks(['pass', 'review'], 2, true)).toEqual({ state: 'FLAGGED', checked: true });
    expect(afterChecks(['pass', null], 2, true)).toBeNull();
    expect(afterChecks(['pass'], 2, true)).toBeNull();
    expect(afterChecks(['pass', 'error'], 2, true)).toEqual({ state: 'PENDING', checked: false });
    expect(afterChecks(['pass', 'pass'], 2, false)).toEqual({ state: 'PENDING', checked: true });
    expect(afterChecks(['pass', 'pass'], 2, true)).toEqual({ state: 'APPROVED', checked: true });
  });

  it('checks the periods and names the phase', () => {
    expect(periodsValid(contest)).toBe(true);
    expect(periodsValid({ ...contest, voteStartsAt: at('2022-03-31T00:00:00Z') })).toBe(false);
    expect(periodsValid({ ...contest, entryEndsAt: contest.entryStartsAt })).toBe(false);
    expect(phaseOf(contest, at('2022-03-31T00:00:00Z'))).toBe('upcoming');
    expect(phaseOf(contest, at('2022-04-02T00:00:00Z'))).toBe('entering');
    expect(phaseOf(contest, at('2022-04-06T00:00:00Z'))).toBe('voting');
    expect(phaseOf({ ...contest, mode: 'judges' }, at('2022-04-06T00:00:00Z'))).toBe('judging');
    expect(phaseOf(contest, at('2022-04-16T00:00:00Z'))).toBe('closed');
    expect(phaseOf({ ...contest, resultsPublishedAt: at('2022-04-16T00:00:00Z') }, at('2022-04-16T00:00:00Z'))).toBe('published');
  });

  it('gives the first free place and masks doors', () => {
    expect(freeSlot([], 1)).toBe(1);
    expect(freeSlot([1], 1)).toBeNull();
    expect(freeSlot([2], 2)).toBe(1);
    expect(maskDoor('1栋', '2单元', '1203')).toBe('1栋2单元1**');
  });

  it('has a sound entry workflow', () => {
    expect(checkFlow(CONTEST_ENTRY_FLOW, 'CHECKING')).toEqual([]);
  });
});
