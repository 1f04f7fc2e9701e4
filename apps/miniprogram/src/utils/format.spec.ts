import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { deliveryDay, formatClock, formatDate, formatHours, formatTime } from './format';

describe('format (times in Asia/Shanghai)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-04-25T00:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows a UTC time as the community reads it, with the year only when it is not this year', () => {
    expect(formatTime('2026-11-23T06:05:00Z')).toBe('11月23日 14:05');
    expect(formatTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30');
    expect(formatTime(null)).toBe('');
    expect(formatTime('not a time')).toBe('');
  });

  it('shows the hour and minute of a time, for a deadline today', () => {
    expect(formatClock('2026-04-25T06:05:00Z')).toBe('14:05');
    expect(formatClock('2026-04-25T16:30:00Z')).toBe('00:30');
    expect(formatClock(null)).toBe('');
    expect(formatClock('not a time')).toBe('');
  });

  it("shows a window's hours once when they fall on one day, both ends otherwise", () => {
    expect(formatHours('2026-04-25T00:00:00Z', '2026-04-25T04:00:00Z')).toBe('4月25日 08:00–12:00');
    expect(formatHours('2026-04-25T00:00:00Z', '2026-04-26T04:00:00Z')).toBe('4月25日 08:00 – 4月26日 12:00');
  });

  it('shows a delivery date as month and day, and leaves anything else as it is', () => {
    expect(formatDate('2026-04-26')).toBe('4月26日');
    expect(formatDate('明天')).toBe('明天');
  });
});

describe('deliveryDay', () => {
  // 2026-12-02 23:30 in Shanghai is 15:30 UTC: "tomorrow" is already the 3rd there.
  const lateEvening = Date.parse('2026-12-02T15:30:00Z');

  it('says 今天, 明天 and 后天 as people do, by the Shanghai calendar', () => {
    expect(deliveryDay('2026-12-02', lateEvening)).toBe('今天');
    expect(deliveryDay('2026-12-03', lateEvening)).toBe('明天');
    expect(deliveryDay('2026-12-04', lateEvening)).toBe('后天');
    expect(deliveryDay('2026-12-03', Date.parse('2026-12-02T16:30:00Z'))).toBe('今天');
  });

  it('says the date further out', () => {
    expect(deliveryDay('2026-12-10', lateEvening)).toBe('12月10日');
  });
});
