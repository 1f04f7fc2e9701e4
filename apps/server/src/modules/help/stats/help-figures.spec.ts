import { helpFigures, helpStats, median, percentile, share, statsPeriod, type HelpStatRow } from './help-figures';

/** Asia/Shanghai "2026-03-10 10:00". */
const NOW = new Date('2026-03-10T02:00:00.000Z');
const min = (m: number): Date => new Date(NOW.getTime() + m * 60_000);

/** A request asked `ago` minutes before NOW, answered `answerAfter` minutes later (null: not yet), with a deadline of `dueAfter` minutes. */
function row(ago: number, answerAfter: number | null, dueAfter: number, more: Partial<HelpStatRow> = {}): HelpStatRow {
  return {
    buildingId: 1,
    category: 'supplies',
    state: answerAfter === null ? 'OPEN' : 'TAKEN',
    createdAt: min(-ago),
    firstResponseDue: min(-ago + dueAfter),
    firstResponseAt: answerAfter === null ? null : min(-ago + answerAfter),
    firstResponderId: answerAfter === null ? null : 7,
    solutionDue: min(-ago + 24 * 60),
    resolvedAt: null,
    reopenCount: 0,
    ...more,
  };
}

describe('median and nearest-rank p90', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([90, 5, 40, 10, 20])).toBe(20);
    expect(median([5, 10, 20, 40])).toBe(15);
  });

  it('takes the ceil(0.9·n)-th smallest', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([5, 10, 20, 40, 90], 0.9)).toBe(90); // ceil(4.5) = 5th
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9); // ceil(9) = 9th
    expect(percentile([3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10); // ceil(9.9) = 10th
    expect(percentile([42], 0.9)).toBe(42);
  });

  it('shares are four decimals, null of nothing', () => {
    expect(share(0, 0)).toBeNull();
    expect(share(2, 3)).toBe(0.6667);
    expect(share(3, 3)).toBe(1);
  });
});

describe('helpFigures', () => {
  it('answers five requests with response minutes 5, 10, 20, 40, 90: median 20, p90 90', () => {
    const rows = [row(300, 5, 30), row(300, 10, 30), row(300, 20, 30), row(300, 40, 30), row(300, 90, 30)];
    const f = helpFigures(rows, NOW, 1);
    expect(f.requests).toBe(5);
    expect(f.medianFirstResponseMinutes).toBe(20);
    expect(f.p90FirstResponseMinutes).toBe(90);
    expect(f.withinDeadlineShare).toBe(0.6); // 5, 10, 20 by the 30-minute deadline
  });

  it('counts in the share only the decided: answered, or past the deadline', () => {
    const rows = [
      row(100, 10, 30), // in time
      row(100, null, 30), // deadline passed 70 minutes ago, no answer: missed
      row(10, null, 30), // deadline in 20 minutes: not decided yet
    ];
    const f = helpFigures(rows, NOW, 1);
    expect(f.withinDeadlineShare).toBe(0.5);
    expect(f.medianFirstResponseMinutes).toBe(10);
    expect(helpFigures([row(10, null, 30)], NOW, 1).withinDeadlineShare).toBeNull();
    // Exactly at the deadline counts as in time.
    expect(helpFigures([row(100, 30, 30)], NOW, 1).withinDeadlineShare).toBe(1);
  });

  it('rounds minutes to one decimal (seconds count)', () => {
    const f = helpFigures([row(100, 1.25, 30), row(100, 2, 30)], NOW, 1);
    expect(f.medianFirstResponseMinutes).toBe(1.6); // (1.25 + 2) / 2 = 1.625
    expect(f.p90FirstResponseMinutes).toBe(2);
  });

  it('counts open and overdue now, the reopen rate and complaints per day', () => {
    const rows = [
      row(100, null, 30), // OPEN, no answer past due: overdue
      row(100, 5, 30), // TAKEN, answered, solution due in a day: open, not overdue
      row(2000, 5, 30, { state: 'TAKEN', reopenCount: 1, resolvedAt: min(-1500) }), // reopened, solution due passed: overdue
      row(2000, 5, 30, { state: 'RESOLVED', resolvedAt: min(-1900) }), // resolved, waits for the resident: open, not overdue
      row(3000, 5, 30, { state: 'CLOSED', resolvedAt: min(-2900), category: 'complaint' }),
      row(3000, null, 30, { state: 'CANCELLED', category: 'complaint' }),
    ];
    const f = helpFigures(rows, NOW, 4);
    expect(f.openNow).toBe(4);
    expect(f.overdueNow).toBe(2);
    expect(f.reopenRate).toBe(0.3333); // 1 of the 3 resolved once
    expect(f.complaintsPerDay).toBe(0.5); // 2 / 4 days
    expect(helpFigures([], NOW, 1)).toEqual({
      requests: 0,
      medianFirstResponseMinutes: null,
      p90FirstResponseMinutes: null,
      withinDeadlineShare: null,
      openNow: 0,
      overdueNow: 0,
      reopenRate: null,
      complaintsPerDay: 0,
    });
  });
});

describe('statsPeriod', () => {
  it('today from 00:00 Shanghai, 7 days with today, the lockdown from its first day', () => {
    const today = statsPeriod('today', NOW, NOW);
    expect(today.from.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(today.days).toEqual(['2026-03-10']);
    const week = statsPeriod('7d', NOW, NOW);
    expect(week.from.toISOString()).toBe('2026-03-03T16:00:00.000Z');
    expect(week.days).toHaveLength(7);
    expect(week.days[0]).toBe('2026-03-04');
    // First request at 23:30 Shanghai on 1 March (15:30 UTC).
    const all = statsPeriod('all', NOW, new Date('2026-03-01T15:30:00.000Z'));
    expect(all.from.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(all.days).toHaveLength(10);
    expect(statsPeriod('all', NOW, NOW).days).toEqual(['2026-03-10']);
  });
});

describe('helpStats', () => {
  it('groups by building, responder and category, and fills every day', () => {
    const rows = [
      row(60, 10, 30, { buildingId: 2, firstResponderId: 8, category: 'medical' }),
      row(60, 40, 30, { buildingId: 1, firstResponderId: 7 }),
      row(60 * 30, 20, 30, { buildingId: 1, firstResponderId: 7 }), // yesterday (Shanghai 8 March 16:00… 9 March)
      row(60, null, 30, { buildingId: 1 }),
    ];
    const { days, from } = statsPeriod('7d', NOW, NOW);
    const s = helpStats({
      period: '7d',
      from,
      now: NOW,
      days,
      rows,
      buildings: [
        { id: 1, name: '1栋' },
        { id: 2, name: '2栋' },
        { id: 3, name: '3栋' },
      ],
      names: new Map([
        [7, '王医生'],
        [8, '李网格'],
      ]),
    });
    expect(s.days).toBe(7);
    expect(s.byBuilding.map((b) => [b.buildingName, b.requests, b.medianFirstResponseMinutes])).toEqual([
      ['1栋', 3, 30],
      ['2栋', 1, 10],
    ]);
    expect(s.byResponder.map((r) => [r.name, r.requests, r.withinDeadlineShare])).toEqual([
      ['王医生', 2, 0.5],
      ['李网格', 1, 1],
    ]);
    expect(s.byCategory.map((c) => [c.label, c.requests])).toEqual([
      ['就医', 1],
      ['物资', 3],
    ]);
    expect(s.daily).toHaveLength(7);
    expect(s.daily[6]).toEqual({ date: '2026-03-10', requests: 3, answered: 2, withinDeadline: 1 });
    expect(s.daily[5]).toEqual({ date: '2026-03-09', requests: 1, answered: 1, withinDeadline: 1 });
    expect(s.total.withinDeadlineShare).toBe(0.5); // 2 in time of 4 decided
  });
});
