import { describe, expect, it } from '@jest/globals';
import type { HelpSummary } from '@linli/shared-types';
import { actionButtons, deadlineHint, deadlineText, minutesInWords, overdueText, reopenUntilText, stars, summaryText } from './texts';

// 2026-12-02 10:00 in Shanghai.
const NOW = Date.parse('2026-12-02T02:00:00.000Z');

function req(patch: Partial<HelpSummary>): HelpSummary {
  return {
    state: 'OPEN',
    category: 'supplies',
    urgency: 'normal',
    text: '没有米了',
    firstResponseDue: '2026-12-02T02:15:00.000Z',
    firstResponseAt: null,
    solutionDue: '2026-12-03T02:00:00.000Z',
    overdue: false,
    ...patch,
  } as HelpSummary;
}

describe('minutesInWords', () => {
  it('says minutes, hours and days the way people say them', () => {
    expect(minutesInWords(15)).toBe('15分钟');
    expect(minutesInWords(120)).toBe('2小时');
    expect(minutesInWords(90)).toBe('1小时30分钟');
    expect(minutesInWords(3 * 24 * 60)).toBe('3天');
  });
});

describe('deadlineHint', () => {
  it('gives the usual first-response time of a category and urgency', () => {
    expect(deadlineHint('medical', 'urgent')).toBe('紧急就医：15分钟内会有人响应');
    expect(deadlineHint('complaint', 'normal')).toBe('一般投诉：2小时内会有人响应');
  });
});

describe('deadlineText', () => {
  it('asks for a response by a time while it is not late', () => {
    expect(deadlineText(req({}), NOW)).toBe('请在 10:15 前响应');
  });
  it('says how late the first response is', () => {
    expect(deadlineText(req({ firstResponseDue: '2026-12-02T01:48:00.000Z' }), NOW)).toBe('已超时 12分钟，还没有人响应');
  });
  it('says when it was answered', () => {
    expect(deadlineText(req({ state: 'TAKEN', firstResponseAt: '2026-12-02T01:55:00.000Z' }), NOW)).toBe('已于 09:55 响应');
  });
  it('says nothing about responding once ended unanswered', () => {
    expect(deadlineText(req({ state: 'CANCELLED' }), NOW)).toBe('');
  });
  it('shows the date when the deadline is another day', () => {
    expect(deadlineText(req({ firstResponseDue: '2026-12-03T01:00:00.000Z' }), NOW)).toBe('请在 12月3日 09:00 前响应');
  });
});

describe('overdueText', () => {
  it('counts the minutes past the first-response deadline, or nothing when on time', () => {
    expect(overdueText(req({ firstResponseDue: '2026-12-02T01:30:00.000Z', overdue: true }), NOW)).toBe('已超时 30分钟');
    expect(overdueText(req({}), NOW)).toBe('');
    expect(overdueText(req({ state: 'CLOSED', overdue: true, firstResponseDue: '2026-12-02T01:30:00.000Z' }), NOW)).toBe('');
  });
});

describe('summaryText', () => {
  it('hides counselling text behind a note', () => {
    expect(summaryText({ category: 'counselling', text: null })).toBe('心理疏导（内容保密）');
    expect(summaryText({ category: 'supplies', text: '没有米了' })).toBe('没有米了');
  });
});

describe('actionButtons', () => {
  it('puts the resident’s confirmation first and leaves the reply box out', () => {
    expect(actionButtons(['reply', 'reopen', 'confirm']).map((b) => [b.label, b.primary])).toEqual([
      ['确认解决', true],
      ['还没解决', false],
    ]);
  });
  it('offers a responder take before the rest, never a primary cancel', () => {
    expect(actionButtons(['cancel', 'take', 'reply']).map((b) => b.action)).toEqual(['take', 'cancel']);
    expect(actionButtons(['cancel'])[0]?.primary).toBe(false);
  });
});

describe('reopenUntilText', () => {
  it('says until when it can be reopened, and nothing once past', () => {
    expect(reopenUntilText('2026-12-03T02:00:00.000Z', NOW)).toBe('如果还没解决，12月3日 10:00 前可以点「还没解决」');
    expect(reopenUntilText('2026-12-02T01:00:00.000Z', NOW)).toBe('');
  });
});

describe('stars', () => {
  it('draws five stars', () => {
    expect(stars(4)).toBe('★★★★☆');
  });
});
