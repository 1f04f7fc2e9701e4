import { describe, expect, it } from '@jest/globals';
import { clockSkew, firstUnanswered, formatRemaining, hurry, letter, remainingMs, toggleChoice } from './countdown';

describe('the attempt countdown', () => {
  it("counts down on the server's clock, whatever the phone's clock says", () => {
    const phoneAhead = Date.parse('2026-05-01T10:05:00Z'); // the phone is 5 minutes fast
    const skew = clockSkew('2026-05-01T10:00:00.000Z', phoneAhead);
    expect(skew).toBe(300_000);
    expect(remainingMs('2026-05-01T10:02:00.000Z', phoneAhead, skew)).toBe(120_000);
    expect(remainingMs('2026-05-01T10:02:00.000Z', phoneAhead + 30_000, skew)).toBe(90_000);
    expect(remainingMs('2026-05-01T10:02:00.000Z', phoneAhead + 500_000, skew)).toBe(0);
  });

  it('formats minutes and seconds, rounding up', () => {
    expect(formatRemaining(245_000)).toBe('4:05');
    expect(formatRemaining(400)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(hurry(10_000)).toBe(true);
    expect(hurry(10_001)).toBe(false);
  });

  it('resumes at the first unanswered question; toggles single and multiple choice', () => {
    expect(firstUnanswered(4, [{ position: 0 }, { position: 1 }])).toBe(2);
    expect(firstUnanswered(2, [{ position: 0 }, { position: 1 }])).toBe(1);
    expect(toggleChoice('single', [1], 2)).toEqual([2]);
    expect(toggleChoice('multiple', [2], 0)).toEqual([0, 2]);
    expect(toggleChoice('multiple', [0, 2], 2)).toEqual([0]);
    expect(letter(0)).toBe('A');
    expect(letter(5)).toBe('F');
  });
});
