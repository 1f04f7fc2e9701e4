import { classPhase, classReaches, joinIds, seatsLeft, splitIds, toPromote, waitingPositions } from './class-rules';

const at = (iso: string): Date => new Date(iso);

describe('class waiting list', () => {
  const waiting = [
    { id: 7, waitingSince: at('2022-04-25T09:00:02Z') },
    { id: 3, waitingSince: at('2022-04-25T09:00:01Z') },
    { id: 9, waitingSince: at('2022-04-25T09:00:01Z') },
    { id: 5, waitingSince: at('2022-04-25T09:10:00Z') },
  ];

  it('promotes the earliest waiting household first, the earlier row on a tie', () => {
    expect(toPromote(waiting, 1).map((w) => w.id)).toEqual([3]);
    expect(toPromote(waiting, 2).map((w) => w.id)).toEqual([3, 9]);
  });

  it('promotes as many as seats came free, and nobody without a seat', () => {
    expect(toPromote(waiting, 0)).toEqual([]);
    expect(toPromote(waiting, -1)).toEqual([]);
    expect(toPromote(waiting, 10).map((w) => w.id)).toEqual([3, 9, 7, 5]);
    expect(toPromote([], 3)).toEqual([]);
  });

  it('numbers the line from 1, and the next moves up to first when the first is promoted', () => {
    const positions = waitingPositions(waiting);
    expect([...positions.entries()]).toEqual([
      [3, 1],
      [9, 2],
      [7, 3],
      [5, 4],
    ]);
    const [first] = toPromote(waiting, 1);
    const after = waitingPositions(waiting.filter((w) => w.id !== first?.id));
    expect(after.get(9)).toBe(1);
    expect(after.get(5)).toBe(3);
  });

  it('does not change the order it was given', () => {
    const copy = waiting.map((w) => w.id);
    toPromote(waiting, 2);
    expect(waiting.map((w) => w.id)).toEqual(copy);
  });

  it('counts seats left, none past full, unlimited as null', () => {
    expect(seatsLeft({ capacity: 10, signedCount: 7 })).toBe(3);
    expect(seatsLeft({ capacity: 10, signedCount: 12 })).toBe(0);
    expect(seatsLeft({ capacity: null, signedCount: 99 })).toBeNull();
  });
});

describe('class phase and reach', () => {
  const c = { state: 'SCHEDULED' as const, startsAt: at('2022-04-25T10:00:00Z'), minutes: 45 };

  it('is upcoming until the live opens 10 minutes before, live until the end, then over', () => {
    expect(classPhase(c, at('2022-04-25T09:49:59Z'))).toBe('UPCOMING');
    expect(classPhase(c, at('2022-04-25T09:50:00Z'))).toBe('LIVE');
    expect(classPhase(c, at('2022-04-25T10:44:59Z'))).toBe('LIVE');
    expect(classPhase(c, at('2022-04-25T10:45:00Z'))).toBe('OVER');
    expect(classPhase({ ...c, state: 'DONE' }, at('2022-04-25T09:00:00Z'))).toBe('OVER');
    expect(classPhase({ ...c, state: 'CANCELLED' }, at('2022-04-25T09:00:00Z'))).toBe('CANCELLED');
  });

  it('reaches the buildings it names, or everyone when it names none', () => {
    expect(joinIds([7, 3, 3])).toBe(',3,7,');
    expect(splitIds(',3,7,')).toEqual([3, 7]);
    expect(classReaches('', 5)).toBe(true);
    expect(classReaches(',3,7,', 7)).toBe(true);
    expect(classReaches(',3,7,', 5)).toBe(false);
  });
});
