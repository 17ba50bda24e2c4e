import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, texts, until } from '../../test/dom.ts';
import { currencyFormats } from '../base/format.ts';

/**
 * `avg_price` (revenue ÷ units), declared only in the SDK's MEASURES, on the KPI tile and the charts, against the
 * truth the browser project's global setup computes from the published Parquet files.
 */

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

const ratio = (s: { revenue: number; quantity: number }) => s.revenue / s.quantity;

describe('avg_price', () => {
  test('<atliq-kpi measure="avg_price">: the year to date against the same days a year earlier, in percent', async () => {
    const { ytd } = inject('periods');
    const el = mount('atliq-kpi', { src: SRC, measure: 'avg_price' });
    await vi.waitFor(() => expect(el.data?.comparison).toBeTruthy(), { timeout: 25_000 });
    const { value, comparison } = el.data!;
    expect(value).toBeCloseTo(ratio(ytd.current), 6);
    expect(comparison?.previous).toBeCloseTo(ratio(ytd.baseline), 6);
    expect(comparison?.change?.unit).toBe('percent');
    expect(comparison?.change?.value).toBeCloseTo(
      (100 * (ratio(ytd.current) - ratio(ytd.baseline))) / ratio(ytd.baseline),
      6,
    );
    await el.updateComplete;
    expect(texts(el.shadowRoot!, '[part="label"]')).toEqual(['Average price']);
    expect(texts(el.shadowRoot!, '[part="value"]')).toEqual([currencyFormats('INR').compact(ratio(ytd.current))]);
  });

  test('<atliq-kpi measure="avg_price" currency="USD"> converts the price at the manifest rate, like revenue', async () => {
    const rate = inject('manifest').fx_rates['USD']!;
    const { ytd } = inject('periods');
    const el = mount('atliq-kpi', { src: SRC, measure: 'avg_price', currency: 'USD' });
    const data = await until(() => el.data);
    expect(data.value).toBeCloseTo(ratio(ytd.current) / rate, 6);
  });

  test('<atliq-trend-chart measure="avg_price"> shows revenue ÷ units per month', async () => {
    const months = inject('byMonth');
    const el = mount('atliq-trend-chart', { src: SRC, measure: 'avg_price' });
    const points = await until(() => el.data);
    expect(points.map((p) => p.key)).toEqual(months.map((m) => m.month));
    points.forEach((p, i) => {
      expect(p.value).toBeCloseTo(ratio(months[i]!), 6);
    });
  });

  test('<atliq-revenue-chart by="month" measure="avg_price"> shows one bar per month at revenue ÷ units', async () => {
    const months = new Map(inject('byMonth').map((m) => [m.month, ratio(m)]));
    const el = mount('atliq-revenue-chart', { src: SRC, by: 'month', measure: 'avg_price' });
    const bars = await until(() => el.data);
    expect(bars).toHaveLength(months.size);
    for (const bar of bars) expect(bar.value).toBeCloseTo(months.get(bar.label)!, 6);
  });

  test('<atliq-trend-chart grain="year" fiscal-year-start="4" measure="avg_price"> divides each fiscal year\'s sums', async () => {
    // April–March years, summed by hand from the Parquet months: the month's year, or the one before for Jan–Mar.
    const years = new Map<number, { revenue: number; quantity: number }>();
    for (const m of inject('byMonth')) {
      const [y, mo] = m.month.split('-').map(Number) as [number, number];
      const year = mo >= 4 ? y : y - 1;
      const sums = years.get(year) ?? { revenue: 0, quantity: 0 };
      years.set(year, { revenue: sums.revenue + m.revenue, quantity: sums.quantity + m.quantity });
    }
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'year', 'fiscal-year-start': '4', measure: 'avg_price' });
    const points = await until(() => el.data);
    expect(points.map((p) => Number(p.key))).toEqual([...years.keys()].sort());
    for (const p of points) expect(p.value).toBeCloseTo(ratio(years.get(Number(p.key))!), 6);
  });

  test('<atliq-revenue-chart measure="avg_price"> gives no share of total: prices do not add up', async () => {
    const el = mount('atliq-revenue-chart', { src: SRC, by: 'market', measure: 'avg_price' });
    const bars = await until(() => el.data);
    expect(bars.length).toBeGreaterThan(1);
    expect(bars.every((b) => b.share === null)).toBe(true);
  });
});
