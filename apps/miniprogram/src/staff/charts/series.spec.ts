import { describe, expect, it } from '@jest/globals';
import { chartRows, countTicks, hasValues, labelledEvery, shortDay } from './series';

describe('chart series', () => {
  it('turns series into F2 rows, category by category, in legend order, missing values as 0', () => {
    expect(
      chartRows(
        ['3/9', '3/10'],
        [
          { name: '报名', values: [1, 2] },
          { name: '投票', values: [5] },
        ],
      ),
    ).toEqual([
      { x: '3/9', name: '报名', value: 1 },
      { x: '3/9', name: '投票', value: 5 },
      { x: '3/10', name: '报名', value: 2 },
      { x: '3/10', name: '投票', value: 0 },
    ]);
  });

  it('writes days short and labels at most so many of them, always the last', () => {
    expect(shortDay('2026-03-09')).toBe('3/9');
    expect(shortDay('2026-12-31')).toBe('12/31');
    const every = labelledEvery(14, 7);
    expect(Array.from({ length: 14 }, (_, i) => i).filter(every)).toEqual([1, 3, 5, 7, 9, 11, 13]);
    expect(Array.from({ length: 7 }, (_, i) => i).filter(labelledEvery(7, 7))).toHaveLength(7);
    expect(Array.from({ length: 30 }, (_, i) => i).filter(labelledEvery(30, 6))).toEqual([4, 9, 14, 19, 24, 29]);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasValues([{ name: '报名', values: [0, 0] }])).toBe(false);
    expect(hasValues([{ name: '报名', values: [0, 1] }])).toBe(true);
  });

  it('puts whole numbers on the count axis, at most 5 steps, up to at least the largest figure', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(countTicks(6)).toEqual([0, 2, 4, 6]);
    expect(countTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(countTicks(1300)).toEqual([0, 500, 1000, 1500]);
    expect(countTicks(2.5)).toEqual([0, 1, 2, 3]);
  });
});
