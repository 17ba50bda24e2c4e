import { describe, expect, it } from 'vitest';
import { dayNumber, weekday } from './calendar.ts';
import { allocateOrderDays } from './order-days.ts';
import { createRandom } from './prng.ts';

describe('allocateOrderDays()', () => {
  it('hands out exactly the requested lines', () => {
    for (const rows of [0, 1, 999, 150_000, 10_000_000]) {
      const { counts } = allocateOrderDays(rows, createRandom(5));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(rows);
      expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
    }
  });

  it('spans the dump order dates, weekdays busy and volume falling', () => {
    const { dates, counts } = allocateOrderDays(1_000_000, createRandom(5));
    expect(dates[0]).toBe('2017-10-04');
    expect(dates.at(-1)).toBe('2020-06-26');
    const weekend = dates.reduce((sum, d, i) => (weekday(dayNumber(d)) >= 5 ? sum + counts[i]! : sum), 0);
    expect(weekend / 1_000_000).toBeLessThan(0.01);
    const inYear = (year: string) => dates.reduce((sum, d, i) => (d.startsWith(year) ? sum + counts[i]! : sum), 0);
    expect(inYear('2019') / inYear('2018')).toBeGreaterThan(0.8);
    expect(inYear('2019') / inYear('2018')).toBeLessThan(0.95);
  });
});
