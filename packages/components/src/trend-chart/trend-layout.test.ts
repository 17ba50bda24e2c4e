import { describe, expect, test } from 'vitest';
import { keyDate, nearest, trendLayout } from './trend-layout.ts';

const data = [
  { key: '2019-01', value: 100, previous: null },
  { key: '2019-02', value: 300, previous: 50 },
  { key: '2019-03', value: 200, previous: 400 },
];

describe('trendLayout()', () => {
  test('keyDate() reads years, months and days as UTC instants', () => {
    expect(keyDate('2020').toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(keyDate('2020-03').toISOString()).toBe('2020-03-01T00:00:00.000Z');
    expect(keyDate('2020-03-05').toISOString()).toBe('2020-03-05T00:00:00.000Z');
  });

  test('trendLayout() spans the plot in time and scales y from zero to cover last year too', () => {
    const layout = trendLayout(data, 400, 200);
    expect(layout.points[0]!.x).toBe(layout.plot.left);
    expect(layout.points[2]!.x).toBe(layout.plot.right);
    expect(layout.yTicks[0]).toEqual({ y: layout.plot.bottom, value: 0 });
    expect(layout.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(400);
    expect(layout.points[1]!.y).toBeLessThan(layout.points[0]!.y);
    // Two known previous values (February, March): one segment, no point for January.
    expect(layout.previousLine).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  test('nearest() snaps a pointer position to the closest period', () => {
    const { points } = trendLayout(data, 400, 200);
    expect(nearest(points, points[1]!.x + 10)).toBe(1);
    expect(nearest(points, 0)).toBe(0);
  });
  test('trendLayout() hangs an x label that would cross the chart edge off its tick, inside the chart', () => {
    const year = Array.from({ length: 12 }, (_, i) => ({
      key: `2018-${String(i + 1).padStart(2, '0')}`,
      value: 1,
      previous: null,
    }));
    const { xTicks } = trendLayout(year, 900, 200);
    const last = xTicks.at(-1)!;
    expect(last.label).toBe('December');
    expect(last.anchor).toBe('end');
    expect(xTicks.filter((t) => t.anchor === 'middle').length).toBeGreaterThan(5);
    for (const t of xTicks) {
      const [from, to] = { start: [0, 1], middle: [-0.5, 0.5], end: [-1, 0] }[t.anchor];
      expect(t.x + from! * t.label.length * 7).toBeGreaterThanOrEqual(0);
      expect(t.x + to! * t.label.length * 7).toBeLessThanOrEqual(900);
    }
  });

  test('trendLayout() names the year on the first tick when it is not a new year ("October 2017")', () => {
    const months = Array.from({ length: 9 }, (_, i) => ({
      key: i < 3 ? `2017-${10 + i}` : `2018-0${i - 2}`,
      value: 1,
      previous: null,
    }));
    const { xTicks } = trendLayout(months, 900, 200);
    expect(xTicks[0]!.label).toBe('October 2017');
    expect(xTicks.map((t) => t.label)).toContain('2018');
  });

  test('trendLayout() ticks fiscal years at their first day, named "FY 2019-20"', () => {
    const years = ['2018', '2019', '2020'].map((key) => ({ key, value: 1, previous: null }));
    const layout = trendLayout(years, 600, 200, 4);
    expect(layout.xTicks.map((t) => t.label)).toEqual(['FY 2018-19', 'FY 2019-20', 'FY 2020-21']);
    expect(keyDate('2019', 4).toISOString()).toBe('2019-04-01T00:00:00.000Z');
  });
});
