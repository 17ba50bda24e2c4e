import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, texts } from '../../test/dom.ts';
import { currencyFormats } from '../base/format.ts';
import type { AtliqRevenueChart } from './revenue-chart.ts';

const inr = currencyFormats('INR');

afterEach(() => {
  document.body.replaceChildren();
});

/** Waits for the compared bars. */
async function compared(attributes: Record<string, string> = {}): Promise<AtliqRevenueChart> {
  const el = mount('atliq-revenue-chart', { src: '/extracts/manifest.json', compare: '', ...attributes });
  await vi.waitFor(() => expect(el.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
  await el.updateComplete;
  return el;
}

describe('<atliq-revenue-chart compare>', () => {
  test('bars are each market’s revenue change from the same days a year earlier, largest rise first', async () => {
    // The truth: revenue by market from 1 January to the newest order day, and the same days a year earlier, by
    // hand-written SQL over the published Parquet.
    const { ytdByMarket, baselineByMarket, lastDay } = inject('periods');
    const names = [...new Set([...Object.keys(ytdByMarket), ...Object.keys(baselineByMarket)])];
    const truth = names
      .map((name) => ({ name, current: ytdByMarket[name] ?? 0, baseline: baselineByMarket[name] ?? 0 }))
      .map((t) => ({ ...t, change: t.current - t.baseline }))
      .sort((a, b) => b.change - a.change || a.name.localeCompare(b.name));
    const el = await compared();
    expect(el.data!.map((d) => d.label)).toEqual(truth.map((t) => t.name));
    el.data!.forEach((d, i) => {
      const t = truth[i]!;
      expect(d.compared!.current).toBeCloseTo(t.current, 2);
      expect(d.compared!.baseline).toBeCloseTo(t.baseline, 2);
      expect(d.value).toBeCloseTo(t.change, 2);
      if (t.baseline > 0) expect(d.compared!.percent).toBeCloseTo((100 * t.change) / t.baseline, 6);
      else expect(d.compared!.percent).toBeNull();
    });
    // The sample has markets that grew and markets that fell, or the diverging bars would prove nothing.
    const falls = truth.filter((t) => t.change < 0).map((t) => t.name);
    expect(falls.length).toBeGreaterThan(0);
    expect(falls.length).toBeLessThan(truth.length);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('g.mark:has(rect.bar.negative) .label')].map((n) => n.textContent)).toEqual(falls);

    const year = lastDay.slice(0, 4);
    const title = root.querySelector('svg')!.getAttribute('aria-label')!;
    expect(title).toMatch(new RegExp(`^Revenue change by market, 1 Jan–.* ${year} vs 1 Jan–.* ${Number(year) - 1}$`));
    const first = truth[0]!;
    const pct = ((100 * first.change) / first.baseline).toFixed(1);
    expect(texts(root, 'g.mark .value')[0]).toBe(`+${inr.compact(first.change)} (+${pct}%)`);
    const [current, baseline] = title.replace('Revenue change by market, ', '').split(' vs ');
    // The caption under the breadcrumb names both periods, so the bars are not read as all days.
    expect(texts(root, '[part="covers"]')).toEqual([`${current} vs ${baseline}`]);
    const mark = root.querySelector('g.mark')!;
    expect(mark.getAttribute('aria-label')).toBe(
      `${first.name}: ${inr.full(first.current)} in ${current} against ${inr.full(first.baseline)} in ${baseline}, +${inr.full(first.change)} (+${pct}%)`,
    );
    mark.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(root.querySelector('[part="tooltip"]')?.textContent?.trim()).toBe(
      `${first.name}: ${inr.full(first.current)} vs ${inr.full(first.baseline)}, +${inr.full(first.change)} (+${pct}%)`,
    );
    const csv = el.toCSV().split('\r\n');
    expect(csv[0]).toBe(`Market,Revenue (INR) ${current},Revenue (INR) ${baseline},Change (INR),Change (%)`);
    const row = csv[1]!.split(',');
    expect(row[0]).toBe(first.name);
    expect(Number(row[1])).toBeCloseTo(first.current, 2);
    expect(Number(row[2])).toBeCloseTo(first.baseline, 2);
    expect(Number(row[3])).toBeCloseTo(first.change, 2);
  });
});
