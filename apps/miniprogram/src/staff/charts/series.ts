/**
 * The pure part of the charts: what F2 draws from, with no F2 in it (so it is tested in node).
 */

/** One line (or one colour of columns): its legend name and one value per category. */
export interface ChartSeries {
  name: string;
  values: readonly number[];
}

/** One row of F2's long ("tidy") data: a category on x, a series, its value. */
export interface ChartRow {
  x: string;
  name: string;
  value: number;
}

/** Calm colours that stay apart for older eyes and in grey: green, orange, blue, purple, then more. */
export const CHART_COLORS = ['#1f6f43', '#e07b00', '#2f6bd8', '#8a3fb8', '#c0392b', '#5d6d7e'];

/** Series side by side as F2's rows, category by category, series in the order given (the legend's). */
export function chartRows(categories: readonly string[], series: readonly ChartSeries[]): ChartRow[] {
  const rows: ChartRow[] = [];
  categories.forEach((x, i) => {
    for (const s of series) rows.push({ x, name: s.name, value: s.values[i] ?? 0 });
  });
  return rows;
}

/** 2026-03-09 → 3/9: a day on the x axis. */
export function shortDay(day: string): string {
  const [, month, date] = day.split('-');
  return month && date ? `${Number(month)}/${Number(date)}` : day;
}

/**
 * Which of `count` categories get a label on x, so that at most `max` do: every n-th, counted
 * back from the last (today is always labelled).
 */
export function labelledEvery(count: number, max: number): (index: number) => boolean {
  const step = Math.max(1, Math.ceil(count / Math.max(1, max)));
  return (index) => (count - 1 - index) % step === 0;
}

/** Whether there is anything to draw: some value above zero. */
export function hasValues(series: readonly ChartSeries[]): boolean {
  return series.some((s) => s.values.some((v) => v > 0));
}

/**
 * Whole-number ticks for a count axis from 0 to at least `max`: at most 5 steps of 1, 2, 5, 10,
 * 20, 50… (no "2.5 votes" on the axis).
 */
export function countTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(top / s) <= 5);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const steps = Math.ceil(top / step);
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}
