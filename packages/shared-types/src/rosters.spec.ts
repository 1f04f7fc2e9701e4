import { attendanceOf, giveUpUntil, isLate, mergedMinutes, workedInterval, type ShiftTimes, type SignupTimes } from './rosters';

const shift: ShiftTimes = { state: 'OPEN', startsAt: '2026-12-03T00:00:00.000Z', endsAt: '2026-12-03T04:00:00.000Z' };
const signed: SignupTimes = { state: 'SIGNED_UP', checkedInAt: null, checkedOutAt: null };
const at = (iso: string) => Date.parse(iso);

describe('attendance at a shift', () => {
  it('is 待到岗 until the end without a check-in, then 缺岗', () => {
    expect(attendanceOf(shift, signed, at('2026-12-03T03:59:00Z'))).toBe('COMING');
    expect(attendanceOf(shift, signed, at('2026-12-03T04:00:01Z'))).toBe('MISSING');
  });

  it('is 在岗 after the check-in, 已完成 after the check-out, 未签退 two hours past the end without one', () => {
    const inOnly = { ...signed, checkedInAt: '2026-12-03T00:03:00Z' };
    expect(attendanceOf(shift, inOnly, at('2026-12-03T05:59:00Z'))).toBe('ON_POST');
    expect(attendanceOf(shift, inOnly, at('2026-12-03T06:00:01Z'))).toBe('NO_CHECK_OUT');
    expect(attendanceOf(shift, { ...inOnly, checkedOutAt: '2026-12-03T04:01:00Z' }, at('2026-12-03T09:00:00Z'))).toBe('DONE');
  });

  it('says given up or cancelled before anything else', () => {
    expect(attendanceOf(shift, { ...signed, state: 'GIVEN_UP' }, at('2026-12-03T09:00:00Z'))).toBe('GIVEN_UP');
    expect(attendanceOf({ ...shift, state: 'CANCELLED' }, signed, at('2026-12-03T09:00:00Z'))).toBe('CANCELLED');
  });

  it('counts a check-in more than five minutes after the start as late', () => {
    expect(isLate(shift, '2026-12-03T00:05:00Z')).toBe(false);
    expect(isLate(shift, '2026-12-03T00:05:01Z')).toBe(true);
    expect(isLate(shift, null)).toBe(false);
  });

  it('closes giving up the set hours before the start', () => {
    expect(giveUpUntil(shift, 2)).toBe(at('2026-12-02T22:00:00Z'));
    expect(giveUpUntil(shift, 0)).toBe(at(shift.startsAt));
  });
});

describe('hours from check-ins', () => {
  it('counts check-in to check-out, and a missing check-out up to the planned end only', () => {
    expect(workedInterval(shift, { checkedInAt: '2026-12-03T00:10:00Z', checkedOutAt: '2026-12-03T03:40:00Z' })).toEqual([
      at('2026-12-03T00:10:00Z'),
      at('2026-12-03T03:40:00Z'),
    ]);
    expect(workedInterval(shift, { checkedInAt: '2026-12-03T00:10:00Z', checkedOutAt: null })).toEqual([
      at('2026-12-03T00:10:00Z'),
      at(shift.endsAt),
    ]);
    expect(workedInterval(shift, { checkedInAt: null, checkedOutAt: null })).toBeNull();
    // Checked in after the planned end and never out: nothing to count.
    expect(workedInterval(shift, { checkedInAt: '2026-12-03T05:00:00Z', checkedOutAt: null })).toBeNull();
  });

  it('counts overlapping stretches once and separate ones in full', () => {
    const h = (a: number, b: number): [number, number] => [a * 3_600_000, b * 3_600_000];
    expect(mergedMinutes([h(8, 12), h(10, 14)])).toBe(360);
    expect(mergedMinutes([h(8, 12), h(9, 10)])).toBe(240);
    expect(mergedMinutes([h(14, 16), h(8, 9)])).toBe(180);
    expect(mergedMinutes([h(8, 9), h(9, 10)])).toBe(120);
    expect(mergedMinutes([])).toBe(0);
  });
});
