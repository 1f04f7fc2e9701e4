import { describe, expect, it } from '@jest/globals';
import { badgeOf, contactText, lastReachedText } from './ledger-texts';

describe('care ledger texts', () => {
  it('badges: reached green, two days red, otherwise orange', () => {
    expect(badgeOf({ status: 'reached', twoDays: false })).toEqual({ text: '今天已联系上', tone: 'green' });
    expect(badgeOf({ status: 'tried', twoDays: true })).toEqual({ text: '两天没联系上', tone: 'red' });
    expect(badgeOf({ status: 'tried', twoDays: false })).toEqual({ text: '今天没人接', tone: 'orange' });
    expect(badgeOf({ status: 'none', twoDays: false })).toEqual({ text: '今天还没联系', tone: 'orange' });
  });

  it('says a contact in words', () => {
    expect(contactText({ kind: 'phone', needs: ['medicine', 'food'], note: '降压药快吃完了' }, '09:12')).toBe(
      '09:12 电话联系上：要买药、缺吃的（降压药快吃完了）',
    );
    expect(contactText({ kind: 'no_answer', needs: [], note: null }, '10:00')).toBe('10:00 没人接');
  });

  it('says when the household was last reached', () => {
    expect(lastReachedText(null, '2026-04-10')).toBe('还没有联系上过');
    expect(lastReachedText('2026-04-10', '2026-04-10')).toBe('今天联系上了');
    expect(lastReachedText('2026-04-09', '2026-04-10')).toBe('昨天联系上过');
    expect(lastReachedText('2026-04-07', '2026-04-10')).toBe('3 天前联系上过');
  });
});
