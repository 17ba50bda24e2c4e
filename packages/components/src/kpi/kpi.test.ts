import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { formatDay } from '@atliq/sdk';
import { mount, nextEvent, texts } from '../../test/dom.ts';
import type { AtliqErrorDetail } from '../base/events.ts';
import { currencyFormats, numberFormats } from '../base/format.ts';

const inr = currencyFormats('INR');
const SRC = '/extracts/manifest.json';
const PROFIT = '/extracts-profit/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<atliq-kpi>', () => {
  test('with no period filtered: the year to the newest order day against the same days a year earlier', async () => {
    const { ytd, lastDay } = inject('periods');
    const el = mount('atliq-kpi', { src: SRC, measure: 'revenue' });
    await vi.waitFor(() => expect(el.data?.comparison).toBeTruthy(), { timeout: 25_000 });
    const data = el.data!;
    // The figure is the year to date itself, not the all-time total: headline and change describe one period.
    expect(data.value).toBeCloseTo(ytd.current.revenue, 2);
    expect(data.comparison?.current).toBeCloseTo(ytd.current.revenue, 2);
    expect(data.comparison?.previous).toBeCloseTo(ytd.baseline.revenue, 2);
    const [year, day] = [Number(lastDay.slice(0, 4)), formatDay(lastDay, false)];
    expect(data.period).toBe(`1 Jan–${day} ${year}`);
    expect(data.comparison?.label).toBe(`1 Jan–${day} ${year} vs 1 Jan–${day} ${year - 1}`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(texts(root, '[part="value"]')).toEqual([inr.compact(ytd.current.revenue)]);
    expect(texts(root, '[part="period"]')).toEqual([`1 Jan–${day} ${year}`]);
    expect(texts(root, '[part="comparison"]')[0]).toContain(
      `vs 1 Jan–${day} ${year - 1} (${inr.compact(ytd.baseline.revenue)})`,
    );
  });

  test('an incomplete year chosen is compared with the same days of the year before', async () => {
    const { ytd, lastDay } = inject('periods');
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-kpi', { measure: 'quantity' }, dashboard);
    const year = Number(lastDay.slice(0, 4));
    dashboard.selection.set('test', { filters: { year: [year] }, label: `Year: ${year}` });
    await vi.waitFor(() => expect(el.data?.comparison?.previous).toBe(ytd.baseline.quantity), { timeout: 25_000 });
    expect(el.data?.value).toBe(ytd.current.quantity);
    expect(el.data?.comparison?.baseline).toBe(`1 Jan–${formatDay(lastDay, false)} ${year - 1}`);
  });

  test('a complete year chosen is compared with the complete year before', async () => {
    const { lastFullYear } = inject('periods');
    const { year, current, baseline } = lastFullYear;
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-kpi', { measure: 'quantity' }, dashboard);
    dashboard.selection.set('test', { filters: { year: [year] }, label: `Year: ${year}` });
    await vi.waitFor(() => expect(el.data?.comparison?.label).toBe(`${year} vs ${year - 1}`), { timeout: 25_000 });
    expect(el.data).toMatchObject({ value: current.quantity, period: String(year) });
    expect(el.data?.comparison?.previous).toBe(baseline.quantity);
    await el.updateComplete;
    expect(texts(el.shadowRoot!, '[part="value"]')).toEqual([numberFormats.compact(current.quantity)]);
    expect(texts(el.shadowRoot!, '[part="comparison"]')[0]).toContain(
      `vs ${year - 1} (${numberFormats.compact(baseline.quantity)})`,
    );
  });

  test('fiscal-year-start="4" on the dashboard: the fiscal year to date, from 1 April', async () => {
    const { fiscalYtd, lastDay } = inject('periods');
    const dashboard = mount('atliq-dashboard', { src: SRC, 'fiscal-year-start': '4' });
    const el = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
    await vi.waitFor(() => expect(el.data?.comparison).toBeTruthy(), { timeout: 25_000 });
    expect(el.data?.value).toBeCloseTo(fiscalYtd.current.revenue, 2);
    expect(el.data?.comparison?.previous).toBeCloseTo(fiscalYtd.baseline.revenue, 2);
    expect(el.data?.period?.startsWith('1 Apr')).toBe(true);
    expect(el.data?.period?.endsWith(formatDay(lastDay))).toBe(true);
  });

  test('as-of on the element moves the last day counted; a year before the data is not compared', async () => {
    const { lastFullYear, firstDay } = inject('periods');
    const { year, current } = lastFullYear;
    const el = mount('atliq-kpi', { src: SRC, measure: 'quantity', 'as-of': `${year}-12-31` });
    await vi.waitFor(() => expect(el.data?.comparison).toBeTruthy(), { timeout: 25_000 });
    expect(el.data).toMatchObject({ value: current.quantity, period: String(year) });
    // The first year of data starts in its autumn: the year after it is compared with a part of a year, so not at all.
    const first = Number(firstDay.slice(0, 4));
    el.asOf = `${first + 1}-12-31`;
    await vi.waitFor(() => expect(el.data?.comparison?.note).toContain(formatDay(firstDay)), { timeout: 25_000 });
    expect(el.data?.comparison?.change).toBeNull();
    el.asOf = `${first}-12-31`;
    await vi.waitFor(() => expect(el.data?.comparison).toBeNull(), { timeout: 25_000 });
    await el.updateComplete;
    expect(texts(el.shadowRoot!, '[part="comparison"]')).toEqual(['No earlier period to compare with.']);
  });

  test('a malformed as-of, fiscal-year-start or comparison is explained once and queries nothing', async () => {
    for (const [attribute, value, message] of [
      ['as-of', '2020-02-30', 'as-of must be a day written YYYY-MM-DD'],
      ['fiscal-year-start', '13', 'fiscal-year-start must be the month number'],
      ['comparison', 'quarter', 'comparison must be "year"'],
    ] as const) {
      const errors: string[] = [];
      document.addEventListener('atliq-error', (e) => errors.push((e as CustomEvent<AtliqErrorDetail>).detail.message));
      const el = mount('atliq-kpi', { src: SRC, measure: 'revenue', [attribute]: value });
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain(message), {
        timeout: 25_000,
      });
      expect(errors.filter((e) => e.includes(message))).toHaveLength(1);
      el.remove();
    }
  });

  test('profit from an extract without profit columns says it is not available in this source', async () => {
    const el = mount('atliq-kpi', { src: SRC, measure: 'profit' });
    await vi.waitFor(
      () =>
        expect(el.shadowRoot!.querySelector('[data-state="unavailable"]')?.textContent).toContain(
          'Profit is not available in this source',
        ),
      { timeout: 25_000 },
    );
  });

  test('profit and margin of the extract with profit columns, year to date, equal the Parquet truth', async () => {
    const { ytd } = inject('profitPeriods');
    const profit = mount('atliq-kpi', { src: PROFIT, measure: 'profit' });
    const margin = mount('atliq-kpi', { src: PROFIT, measure: 'margin' });
    await vi.waitFor(() => expect(profit.data?.comparison).toBeTruthy(), { timeout: 25_000 });
    const p = profit.data!;
    expect(p.value).toBeCloseTo(ytd.current.profit!, 2);
    expect(p.comparison?.previous).toBeCloseTo(ytd.baseline.profit!, 2);
    await vi.waitFor(() => expect(margin.data?.comparison).toBeTruthy(), { timeout: 25_000 });
    const m = margin.data!;
    expect(m.value).toBeCloseTo((100 * ytd.current.profit!) / ytd.current.revenue, 6);
    expect(m.comparison?.previous).toBeCloseTo((100 * ytd.baseline.profit!) / ytd.baseline.revenue, 6);
    await profit.updateComplete;
    expect(texts(profit.shadowRoot!, '[part="value"]')).toEqual([inr.compact(p.value!)]);
  });

  test('an unknown measure is explained, fires atliq-error and queries nothing', async () => {
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-kpi', { src: '/extracts/kpi-unused/manifest.json', measure: 'revenue"><img src=x>' });
    expect((await heard).detail.message).toContain('Unknown KPI measure "revenue"><img src=x>"');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('Unknown KPI measure');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('kpi-unused'))).toBe(false);
  });
});
