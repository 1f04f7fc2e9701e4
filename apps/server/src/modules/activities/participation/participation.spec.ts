import { participationPeriod, tallyParticipation } from './participation';

describe('participation', () => {
  it('counts back whole Shanghai days up to today, from the first one’s midnight', () => {
    // 01:30 in Shanghai on 2 March is still 1 March in UTC.
    const now = new Date('2026-03-01T17:30:00.000Z');
    expect(participationPeriod(now, 3)).toEqual({
      days: ['2026-02-28', '2026-03-01', '2026-03-02'],
      since: new Date('2026-02-27T16:00:00.000Z'),
    });
    expect(participationPeriod(now, 1).days).toEqual(['2026-03-02']);
    expect(participationPeriod(new Date('2028-03-01T04:00:00.000Z'), 2).days).toEqual(['2028-02-29', '2028-03-01']);
    expect(participationPeriod(now, 90).days).toHaveLength(90);
  });

  it('puts counts on their day and building, zero-filled, series in legend order, every building listed', () => {
    const view = tallyParticipation(
      ['2026-03-01', '2026-03-02'],
      [
        { id: 7, name: '1栋' },
        { id: 3, name: '2栋' },
        { id: 9, name: '3栋' },
      ],
      [
        { kind: 'votes', buildingId: 7, day: '2026-03-02', n: 5 },
        { kind: 'votes', buildingId: 3, day: '2026-03-02', n: 2 },
        { kind: 'signups', buildingId: 3, day: '2026-03-01', n: 1 },
        { kind: 'attempts', buildingId: 7, day: '2026-03-01', n: 4 },
        { kind: 'attempts', buildingId: 7, day: '2026-03-02', n: 1 },
        // Outside the period, or a building that is not the community's: left out.
        { kind: 'entries', buildingId: 7, day: '2026-02-28', n: 100 },
        { kind: 'entries', buildingId: 42, day: '2026-03-01', n: 100 },
      ],
    );
    expect(view.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(view.series).toEqual([
      { kind: 'signups', label: '报名', perDay: [1, 0] },
      { kind: 'entries', label: '作品', perDay: [0, 0] },
      { kind: 'votes', label: '投票', perDay: [0, 7] },
      { kind: 'attempts', label: '答题', perDay: [4, 1] },
    ]);
    expect(view.perBuilding).toEqual([
      { buildingId: 7, name: '1栋', figures: { signups: 0, entries: 0, votes: 5, attempts: 5 } },
      { buildingId: 3, name: '2栋', figures: { signups: 1, entries: 0, votes: 2, attempts: 0 } },
      { buildingId: 9, name: '3栋', figures: { signups: 0, entries: 0, votes: 0, attempts: 0 } },
    ]);
    expect(view.totals).toEqual({ signups: 1, entries: 0, votes: 7, attempts: 5 });
  });

  it('answers all zeros when nothing happened yet', () => {
    const view = tallyParticipation(['2026-03-01'], [{ id: 1, name: '1栋' }], []);
    expect(view.series.every((s) => s.perDay.every((n) => n === 0))).toBe(true);
    expect(view.totals).toEqual({ signups: 0, entries: 0, votes: 0, attempts: 0 });
  });
});
