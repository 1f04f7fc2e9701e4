import { figuresOf, gridWorkers, needsValid, notReachedForTwoDays, parseFollowUps, statusOf } from './ledger-rules';

describe('care ledger rules', () => {
  it('a day is reached when a call got through or someone went to the door', () => {
    expect(statusOf(['no_answer', 'phone'])).toBe('reached');
    expect(statusOf(['visit'])).toBe('reached');
    expect(statusOf(['no_answer', 'no_answer'])).toBe('tried');
    expect(statusOf([])).toBe('none');
  });

  it('is red when not reached today nor yesterday, however often it was tried', () => {
    expect(notReachedForTwoDays([], [])).toBe(true);
    expect(notReachedForTwoDays(['no_answer'], ['no_answer', 'no_answer'])).toBe(true);
    expect(notReachedForTwoDays([], ['phone'])).toBe(false);
    expect(notReachedForTwoDays(['visit'], [])).toBe(false);
  });

  it("finds each household's grid worker: its own assignment before its building's", () => {
    const households = [
      { id: 1, buildingId: 10 },
      { id: 2, buildingId: 10 },
      { id: 3, buildingId: 20 },
    ];
    const who = gridWorkers(households, [
      { buildingId: 10, householdId: null, userId: 100 },
      { buildingId: null, householdId: 2, userId: 200 },
    ]);
    expect([...who.entries()]).toEqual([
      [1, 100],
      [2, 200],
    ]);
  });

  it('takes no needs when nobody answered, at least one when reached, 「都好」 only alone', () => {
    expect(needsValid('no_answer', [])).toBe(true);
    expect(needsValid('no_answer', ['food'])).toBe(false);
    expect(needsValid('phone', [])).toBe(false);
    expect(needsValid('phone', ['nothing'])).toBe(true);
    expect(needsValid('visit', ['medicine', 'food'])).toBe(true);
    expect(needsValid('visit', ['nothing', 'food'])).toBe(false);
  });

  it('sums the figures', () => {
    expect(
      figuresOf([
        { status: 'reached', twoDays: false },
        { status: 'tried', twoDays: true },
        { status: 'none', twoDays: false },
      ]),
    ).toEqual({ households: 3, reached: 1, notReached: 2, twoDays: 1 });
  });

  it('reads follow-ups back, ignoring what is not one', () => {
    expect(parseFollowUps('help:12,medicine:3,bogus:1,order:x')).toEqual([
      { kind: 'help', id: 12 },
      { kind: 'medicine', id: 3 },
    ]);
    expect(parseFollowUps('')).toEqual([]);
  });
});
