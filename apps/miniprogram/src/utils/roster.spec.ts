import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  giveUpDeadline,
  giveUpHint,
  minutesText,
  nextDays,
  parseClock,
  placesLeftText,
  shanghaiMoment,
  shiftMoments,
  weekOf,
} from './roster';

describe('roster words and days (Asia/Shanghai)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-02T04:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('says how many places are left, or that the shift is full', () => {
    expect(placesLeftText({ places: 10, taken: 7 })).toBe('还剩 3 个名额');
    expect(placesLeftText({ places: 10, taken: 10 })).toBe('已报满');
    expect(placesLeftText({ places: 10, taken: 12 })).toBe('已报满');
  });

  it('says until when a place can be given up, or to call the leader', () => {
    const shift = { startsAt: '2026-12-03T00:00:00.000Z', giveUpHours: 2 };
    expect(giveUpDeadline(shift)).toBe('2026-12-02T22:00:00.000Z');
    const mine = { attendance: 'COMING' as const, attendanceLabel: '待到岗', checkedInAt: null, checkedOutAt: null, late: false };
    expect(giveUpHint({ ...shift, mine: { ...mine, canGiveUp: true } })).toBe('12月3日 06:00 前可以取消报名');
    expect(giveUpHint({ ...shift, mine: { ...mine, canGiveUp: false } })).toBe('已过取消时限，不能来请联系组长');
    expect(giveUpHint({ ...shift, mine: null })).toBe('');
  });

  it('says minutes as hours and minutes', () => {
    expect(minutesText(205)).toBe('3 小时 25 分钟');
    expect(minutesText(120)).toBe('2 小时');
    expect(minutesText(40)).toBe('40 分钟');
    expect(minutesText(-3)).toBe('0 分钟');
  });

  it('names the next days from today in Shanghai', () => {
    // 04:00 UTC is 12:00 in Shanghai on 12月2日, a Wednesday.
    const days = nextDays(Date.now(), 4);
    expect(days.map((d) => d.day)).toEqual(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    expect(days.map((d) => d.label)).toEqual(['今天 12月2日', '明天 12月3日', '后天 12月4日', '12月5日 周六']);
    // 17:00 UTC is already the next day in Shanghai.
    expect(nextDays(Date.parse('2026-12-02T17:00:00Z'), 1)[0]?.day).toBe('2026-12-03');
  });

  it('reads a typed time of day, and refuses what is not one', () => {
    expect(parseClock('8:00')).toBe(480);
    expect(parseClock(' 08:30 ')).toBe(510);
    expect(parseClock('0830')).toBe(510);
    expect(parseClock('14：05')).toBe(845);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('8:61')).toBeNull();
    expect(parseClock('早上八点')).toBeNull();
  });

  it('turns a Shanghai day and times into moments; an end before the start is the next day', () => {
    expect(shanghaiMoment('2026-12-03', 8 * 60)).toBe('2026-12-03T00:00:00.000Z');
    expect(shiftMoments('2026-12-03', '8:00', '12:00')).toEqual({
      startsAt: '2026-12-03T00:00:00.000Z',
      endsAt: '2026-12-03T04:00:00.000Z',
      nextDay: false,
    });
    expect(shiftMoments('2026-12-03', '22:00', '06:00')).toEqual({
      startsAt: '2026-12-03T14:00:00.000Z',
      endsAt: '2026-12-03T22:00:00.000Z',
      nextDay: true,
    });
    expect(shiftMoments('2026-12-03', '8点', '12:00')).toBeNull();
  });

  it('gives the week Monday to Sunday holding a moment, and the weeks around it', () => {
    expect(weekOf(Date.now())).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf(Date.now(), -1)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // Sunday night in Shanghai is still that week.
    expect(weekOf(Date.parse('2026-12-06T15:59:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekOf(Date.parse('2026-12-06T16:00:00Z'))).toEqual({ from: '2026-12-07', to: '2026-12-13' });
  });
});
