import { describe, expect, it } from '@jest/globals';
import { dayToWall, fromWall, roundUp, toWall, wallToDay } from './wall-time';

describe('picker times are Beijing wall-clock times', () => {
  it('shows a moment as its Shanghai hour and reads it back unchanged', () => {
    const iso = '2026-04-25T04:30:00.000Z'; // 12:30 in Beijing
    const wall = toWall(iso);
    expect([wall.getFullYear(), wall.getMonth() + 1, wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual([2026, 4, 25, 12, 30]);
    expect(fromWall(wall)).toBe(iso);
  });

  it('crosses midnight by Beijing time, not the phone’s', () => {
    const wall = toWall('2026-04-25T17:00:00.000Z'); // 01:00 on the 26th in Beijing
    expect([wall.getDate(), wall.getHours()]).toEqual([26, 1]);
    expect(fromWall(new Date(2026, 3, 26, 1, 0))).toBe('2026-04-25T17:00:00.000Z');
  });

  it('days and minute steps', () => {
    expect(wallToDay(dayToWall('2026-02-28'))).toBe('2026-02-28');
    expect(roundUp(Date.UTC(2026, 0, 1, 10, 7), 5)).toBe(Date.UTC(2026, 0, 1, 10, 10));
    expect(roundUp(Date.UTC(2026, 0, 1, 10, 10), 5)).toBe(Date.UTC(2026, 0, 1, 10, 10));
  });
});
