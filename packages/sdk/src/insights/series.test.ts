import { describe, expect, it } from 'vitest';
import { checkMonths, monthIndex, seriesTrend } from './series.ts';

/** 36 months from Jan 2018: a seasonal shape growing 10 % a year, ±2 % of fixed noise, and one spike. */
function series(spike?: { month: string; factor: number }) {
  const noise = [0.01, -0.015, 0.02, -0.005, 0.0, 0.012, -0.018, 0.007, -0.01, 0.016, -0.002, 0.004];
  const out = new Map<string, number>();
  for (let i = 0; i < 36; i++) {
    const month = `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const seasonal = 100 + 10 * Math.sin((i % 12) / 2);
    const value = seasonal * 1.1 ** Math.floor(i / 12) * (1 + noise[(i * 5) % 11]!);
    out.set(month, month === spike?.month ? value * spike.factor : value);
  }
  return out;
}

describe('checkMonths()', () => {
  it('flags a month 60 % above the same month a year earlier × the recent growth, and no other', () => {
    const checks = checkMonths(series({ month: '2020-07', factor: 1.6 }));
    const flagged = checks.filter((c) => Math.abs(c.z) >= 3);
    expect(flagged.map((c) => c.month)).toEqual(['2020-07']);
    const spike = flagged[0]!;
    expect(spike.value).toBeGreaterThan(spike.band[1]);
    expect(spike.p).toBeLessThan(0.003);
    for (const c of checks.filter((x) => x.month !== '2020-07')) {
      expect(c.value).toBeGreaterThanOrEqual(c.band[0]);
      expect(c.value).toBeLessThanOrEqual(c.band[1]);
    }
  });

  it('expects the same month a year earlier times the median year-over-year ratio of the 12 months before', () => {
    const s = series();
    const check = checkMonths(s).find((c) => c.month === '2020-03')!;
    const months = [...s.keys()];
    const before = months.filter((m) => m >= '2019-03' && m <= '2020-02');
    const ratios = before.map((m) => s.get(m)! / s.get(`${Number(m.slice(0, 4)) - 1}${m.slice(4)}`)!).sort();
    const median = (ratios[5]! + ratios[6]!) / 2;
    expect(check.expected).toBeCloseTo(s.get('2019-03')! * median, 9);
  });

  it('gives no verdict on too short a history, or on a series too irregular to expect anything of', () => {
    expect(checkMonths(new Map([...series()].slice(0, 14)))).toEqual([]);
    // Every month ×3 or ÷3 at random-looking places: surprises of ±ln 3, far beyond ±40 %.
    const wild = new Map([...series()].map(([m, v], i) => [m, v * ([3, 1, 1 / 3, 1, 3, 1 / 3, 1][i % 7] ?? 1)]));
    expect(checkMonths(wild)).toEqual([]);
  });
});

describe('seriesTrend()', () => {
  it('finds a falling series over its last 24 months, with the slope per month', () => {
    const falling = new Map(
      [...Array(30).keys()].map((i) => [
        `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        1000 - 20 * i + (i % 3) * 5,
      ]),
    );
    const t = seriesTrend(falling)!;
    expect(t).toMatchObject({ from: '2018-07', to: '2020-06', months: 24 });
    expect(t.test.s).toBeLessThan(0);
    expect(t.test.p).toBeLessThan(0.01);
    expect(t.slope).toBeCloseTo(-20, 0);
    expect(monthIndex('2020-06') - monthIndex('2018-07')).toBe(23);
    expect(seriesTrend(new Map([...falling].slice(0, 11)))).toBeNull();
  });
});
