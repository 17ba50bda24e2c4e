import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, sum, texts, until } from '../../test/dom.ts';
import type { AtliqFilterChangeDetail } from '../base/events.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

function setup() {
  const dashboard = mount('atliq-dashboard', { src: SRC });
  const bar = mount('atliq-filter-bar', {}, dashboard);
  const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
  const chart = mount('atliq-revenue-chart', {}, dashboard);
  return { dashboard, bar, kpi, chart };
}

const selectOf = (bar: HTMLElement, name: string) =>
  bar.shadowRoot!.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

describe('<atliq-filter-bar>', () => {
  test('offers the members of the extract', async () => {
    const { bar } = setup();
    const options = await until(() => bar.data);
    const years = [...new Set(inject('byMonth').map((m) => Number(m.month.slice(0, 4))))];
    expect(options.year).toEqual(years);
    expect(options.market).toEqual(
      inject('revenueByMarket')
        .map((m) => m.market)
        .sort(),
    );
    expect(options.zone).toEqual(inject('zones').filter((z) => z !== null));
    await bar.updateComplete;
    expect(texts(selectOf(bar, 'year'), 'option')).toEqual(['All', ...years.map(String)]);
    expect(texts(selectOf(bar, 'month_of_year'), 'option').slice(0, 3)).toEqual(['All', 'Jan', 'Feb']);
  });

  test('choosing a year filters the dashboard and fires atliq-filter-change', async () => {
    const months = inject('byMonth');
    const { bar, kpi } = setup();
    await until(() => bar.data);
    await bar.updateComplete;
    const year = bar.data!.year[0]!;
    const select = selectOf(bar, 'year');
    const heard = nextEvent<AtliqFilterChangeDetail>('atliq-filter-change');
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change'));
    expect((await heard).detail.filters).toEqual({ year: [year] });
    const revenue = sum(months.filter((m) => m.month.startsWith(`${year}-`)).map((m) => m.revenue));
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(revenue, 2), { timeout: 25_000 });
  });

  test("shows a chart's selection as a chip that removes it, and clear all resets everything", async () => {
    const truth = inject('revenueByMarket');
    const { dashboard, bar, kpi, chart } = setup();
    await until(() => chart.data);
    await until(() => bar.data);
    await chart.updateComplete;
    chart.shadowRoot!.querySelector('g.mark')!.dispatchEvent(new MouseEvent('click'));
    await bar.updateComplete;
    expect(texts(bar.shadowRoot!, '[part="chip"] span')).toEqual([`Market: ${truth[0]!.market}`]);
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(truth[0]!.revenue, 2), { timeout: 25_000 });

    bar.shadowRoot!.querySelector<HTMLButtonElement>('[part="chip"] button')!.click();
    expect(dashboard.selection.clauses().size).toBe(0);
    await bar.updateComplete;
    expect(bar.shadowRoot!.querySelector('[part="chip"]')).toBeNull();

    bar.choose('zone', bar.data!.zone[0]!);
    chart.shadowRoot!.querySelector('g.mark')!.dispatchEvent(new MouseEvent('click'));
    expect(dashboard.selection.clauses().size).toBe(2);
    await bar.updateComplete;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear"]')!.click();
    expect(dashboard.selection.clauses().size).toBe(0);
    await bar.updateComplete;
    expect(selectOf(bar, 'zone').value).toBe('');
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(sum(truth.map((t) => t.revenue)), 2));
  });
});
