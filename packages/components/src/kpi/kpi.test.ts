import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, sum, texts, until } from '../../test/dom.ts';
import type { AtliqErrorDetail } from '../base/events.ts';
import { currencyFormats, numberFormats } from '../base/format.ts';

const inr = currencyFormats('INR');
const SRC = '/extracts/manifest.json';
const PROFIT = '/extracts-profit/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<atliq-kpi>', () => {
  test('shows total revenue and the latest year to date against the same months a year before', async () => {
    const months = inject('byMonth');
    const el = mount('atliq-kpi', { src: SRC, measure: 'revenue' });
    const data = await until(() => el.data);
    await el.updateComplete;
    expect(data.value).toBeCloseTo(sum(months.map((m) => m.revenue)), 2);

    const last = months.at(-1)!.month;
    const [year, month] = [last.slice(0, 4), last.slice(5)];
    const inYear = (y: number) =>
      sum(months.filter((m) => m.month.startsWith(`${y}-`) && m.month.slice(5) <= month).map((m) => m.revenue));
    expect(data.comparison?.current).toBeCloseTo(inYear(Number(year)), 2);
    expect(data.comparison?.previous).toBeCloseTo(inYear(Number(year) - 1), 2);
    const root = el.shadowRoot!;
    expect(texts(root, '[part="value"]')).toEqual([inr.compact(data.value!)]);
    // The figure is the total; the change is the year to date's, so both of its values are shown beside it.
    const { current, previous } = data.comparison!;
    expect(texts(root, '[part="comparison"]')[0]).toContain(
      `${Number(year) - 1} (${inr.compact(current!)} vs ${inr.compact(previous!)})`,
    );
  });

  test('with a year filtered in its dashboard, compares with the year before', async () => {
    const months = inject('byMonth');
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-kpi', { measure: 'quantity' }, dashboard);
    const years = [...new Set(months.map((m) => Number(m.month.slice(0, 4))))];
    const year = years[years.length - 2]!;
    dashboard.selection.set('test', { filters: { year: [year] }, label: `Year: ${year}` });
    const quantity = (y: number) => sum(months.filter((m) => m.month.startsWith(`${y}-`)).map((m) => m.quantity));
    await vi.waitFor(() => expect(el.data?.value).toBe(quantity(year)), { timeout: 25_000 });
    expect(el.data?.comparison).toMatchObject({ label: `vs ${year - 1}`, previous: quantity(year - 1) });
    await el.updateComplete;
    expect(texts(el.shadowRoot!, '[part="value"]')).toEqual([numberFormats.compact(quantity(year))]);
    // The figure is the filtered year itself: only the year before is shown beside the change.
    expect(texts(el.shadowRoot!, '[part="comparison"]')[0]).toContain(
      `vs ${year - 1} (${numberFormats.compact(quantity(year - 1))})`,
    );
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

  test('profit and margin of the extract with profit columns, and their year to date, equal the Parquet truth', async () => {
    const { byMonth } = inject('profit');
    const last = byMonth.at(-1)!.month;
    const ytd = (year: number) =>
      byMonth.filter((m) => m.month.startsWith(`${year}-`) && m.month.slice(5) <= last.slice(5));
    const profit = mount('atliq-kpi', { src: PROFIT, measure: 'profit' });
    const margin = mount('atliq-kpi', { src: PROFIT, measure: 'margin' });
    const p = await until(() => profit.data);
    expect(p.value).toBeCloseTo(sum(byMonth.map((m) => m.profit)), 2);
    expect(p.comparison?.current).toBeCloseTo(sum(ytd(Number(last.slice(0, 4))).map((m) => m.profit)), 2);
    const m = await until(() => margin.data);
    const ratio = (months: typeof byMonth) =>
      (100 * sum(months.map((x) => x.profit))) / sum(months.map((x) => x.revenue));
    expect(m.value).toBeCloseTo(ratio(byMonth), 6);
    expect(m.comparison?.previous).toBeCloseTo(ratio(ytd(Number(last.slice(0, 4)) - 1)), 6);
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
