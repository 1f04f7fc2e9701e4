import { describe, expect, it } from '@jest/globals';
import { minutesText, percentText, summaryFigures } from './display';

describe('help statistics on the screen', () => {
  it('shows shares as whole percentages and nothing as a dash', () => {
    expect(percentText(0.6667)).toBe('67%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
    expect(minutesText(12.5)).toBe('12.5');
    expect(minutesText(null)).toBe('—');
  });

  it('lists the big figures with overdue marked only when there is some', () => {
    const f = {
      requests: 7,
      medianFirstResponseMinutes: 20,
      p90FirstResponseMinutes: 90,
      withinDeadlineShare: 0.5,
      openNow: 5,
      overdueNow: 2,
      reopenRate: 0.25,
      complaintsPerDay: 2,
    };
    const figures = summaryFigures(f);
    expect(figures.map((x) => `${x.label} ${x.value}${x.unit}`)).toEqual([
      '中位首次响应 20分钟',
      '90% 在 90分钟内',
      '按时响应率 50%',
      '当前未结 5件',
      '当前超时 2件',
      '重开率 25%',
      '日均投诉 2件',
      '求助总数 7件',
    ]);
    expect(figures.find((x) => x.id === 'overdue')?.alert).toBe(true);
    expect(summaryFigures({ ...f, overdueNow: 0 }).find((x) => x.id === 'overdue')?.alert).toBe(false);
  });
});
