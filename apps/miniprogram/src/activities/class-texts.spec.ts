import { describe, expect, it } from '@jest/globals';
import type { ClassView } from '@linli/shared-types';
import { countdownText, residentBadge, seatsText, signupByText } from './class-texts';

const base = {
  capacity: 20,
  left: 3,
  waiting: 0,
  phase: 'UPCOMING',
  mine: null,
  replayUrl: null,
} as unknown as ClassView;

describe('class texts', () => {
  it('says the countdown in days, hours, minutes or seconds', () => {
    expect(countdownText(2 * 86400 + 3 * 3600 + 50)).toBe('2天3小时');
    expect(countdownText(3 * 3600 + 5 * 60 + 9)).toBe('3小时5分');
    expect(countdownText(12 * 60 + 30)).toBe('12分30秒');
    expect(countdownText(-5)).toBe('0分0秒');
  });

  it('says the seats left, full with its waiting list, or unlimited', () => {
    expect(seatsText(base)).toBe('剩 3 个（共 20 个）');
    expect(seatsText({ ...base, left: 0, waiting: 2 })).toBe('已报满（候补 2 户）');
    expect(seatsText({ ...base, capacity: null, left: null })).toBe('不限名额');
  });

  it('puts my place on the card before the class’s state', () => {
    expect(residentBadge({ ...base, mine: { state: 'SIGNED', position: null, byStaff: false } }).text).toBe('已报名');
    expect(residentBadge({ ...base, left: 0, mine: { state: 'WAITING', position: 2, byStaff: false } }).text).toBe('候补第2位');
    expect(residentBadge({ ...base, left: 0 }).text).toBe('已报满');
    expect(residentBadge({ ...base, phase: 'OVER', replayUrl: 'https://x' }).text).toBe('有回放');
    expect(residentBadge({ ...base, phase: 'CANCELLED' }).text).toBe('已取消');
  });

  it('names who signed a household up for staff: 社区, the 家属 or the grid worker by name, nothing for a member', () => {
    expect(signupByText({ byStaff: true, proxyKind: 'staff', signedUpBy: '赵社工' })).toBe('社区代报');
    expect(signupByText({ byStaff: true, proxyKind: null, signedUpBy: '赵社工' })).toBe('社区代报');
    expect(signupByText({ byStaff: false, proxyKind: 'family', signedUpBy: '李红' })).toBe('家属李红代报');
    expect(signupByText({ byStaff: false, proxyKind: 'grid_worker', signedUpBy: '李志强' })).toBe('网格员李志强代报');
    expect(signupByText({ byStaff: false, proxyKind: null, signedUpBy: '王秀兰' })).toBe('');
  });
});
