import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { formatClock, formatDate, formatHours, formatTime } from './format';

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
