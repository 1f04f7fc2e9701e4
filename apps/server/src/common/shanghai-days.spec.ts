import { dayBefore, dayStart, shanghaiDay, shanghaiDayStart } from './shanghai-days';

describe('Shanghai days', () => {
  it('takes the Asia/Shanghai day of an instant: 16:00 UTC is already the next day', () => {
    expect(shanghaiDay(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(shanghaiDay(Date.parse('2026-12-31T16:30:00.000Z'))).toBe('2027-01-01');
  });

  it('starts a day at 00:00 in Shanghai, 16:00 UTC the day before', () => {
    expect(new Date(dayStart('2026-03-02')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(shanghaiDayStart(new Date('2026-03-01T17:30:00.000Z')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('steps back a day across months and years', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});
