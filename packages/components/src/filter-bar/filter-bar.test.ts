import { afterEach, describe, expect, inject, onTestFinished, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../index.ts';
import { mount, nextEvent, sum, texts, until } from '../../test/dom.ts';
import type { AtliqErrorDetail, AtliqFilterChangeDetail, AtliqTargetChangeDetail } from '../base/events.ts';

const SRC = '/extracts/manifest.json';
const PROFIT_SRC = '/extracts-profit/manifest.json';

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

/** Every `type` event heard on the document during the test, by detail. */
function heardAll<T>(type: string): T[] {
  const details: T[] = [];
  const listener = (e: Event) => details.push((e as CustomEvent<T>).detail);
  document.addEventListener(type, listener);
  onTestFinished(() => document.removeEventListener(type, listener));
  return details;
}

const refused = (value: string) => `target must be a margin in percent from -100 to 100, got "${value}".`;

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

  test('fiscal-year-start="4" on the dashboard: the year slicer offers April–March years and filters their months', async () => {
    const months = inject('byMonth');
    const dashboard = mount('atliq-dashboard', { src: SRC, 'fiscal-year-start': '4' });
    const bar = mount('atliq-filter-bar', {}, dashboard);
    const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
    const options = await until(() => bar.data);
    // Hand-counted from the months with sales: a month before April belongs to the fiscal year of the year before.
    const fiscal = [
      ...new Set(months.map((m) => Number(m.month.slice(0, 4)) - (Number(m.month.slice(5)) < 4 ? 1 : 0))),
    ];
    expect(options.year).toEqual(fiscal);
    await bar.updateComplete;
    const label = (y: number) => `FY ${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    expect(texts(selectOf(bar, 'year'), 'option')).toEqual(['All', ...fiscal.map(label)]);

    const year = fiscal[1]!;
    const heard = nextEvent<AtliqFilterChangeDetail>('atliq-filter-change');
    const select = selectOf(bar, 'year');
    select.selectedIndex = 2;
    select.dispatchEvent(new Event('change'));
    const range = { from: `${year}-04`, to: `${year + 1}-03` };
    expect((await heard).detail.filters).toEqual({ month: range });
    const revenue = sum(months.filter((m) => m.month >= range.from && m.month <= range.to).map((m) => m.revenue));
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(revenue, 2), { timeout: 25_000 });
    expect(kpi.data?.period).toBe(label(year));
    await bar.updateComplete;
    expect(selectOf(bar, 'year').selectedIndex).toBe(2);
    expect([...dashboard.selection.clauses().values()].map((c) => c.label)).toEqual([`Year: ${label(year)}`]);
    bar.choose('year', null);
    expect(dashboard.selection.clauses().size).toBe(0);
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
    const { ytd, ytdByMarket } = inject('periods');
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytdByMarket[truth[0]!.market]!, 2), {
      timeout: 25_000,
    });

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
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytd.current.revenue, 2));
  });

  test("the market slicer shows a market bar's selection, and choosing in it replaces the chart's", async () => {
    const truth = inject('revenueByMarket');
    const { ytdByMarket } = inject('periods');
    const { dashboard, bar, kpi, chart } = setup();
    await until(() => chart.data);
    await until(() => bar.data);
    await chart.updateComplete;
    const market = selectOf(bar, 'market');
    const shownOption = () => market.options[market.selectedIndex]!;
    expect(shownOption().textContent).toBe('All');

    chart.shadowRoot!.querySelector('g.mark')!.dispatchEvent(new MouseEvent('click'));
    await bar.updateComplete;
    const picked = truth[0]!.market;
    expect(texts(bar.shadowRoot!, '[part="chip"] span')).toEqual([`Market: ${picked}`]);
    // Not "All" beside the chip: the slicer shows the market the chart filters on, marked as the chart's.
    expect(shownOption().textContent).toBe(`${picked} (from a chart)`);
    expect(shownOption().disabled).toBe(true);
    expect(bar.filters).toEqual({});

    // Choosing another market replaces the chart's selection: one filter on the market, the slicer's.
    const other = truth[1]!.market;
    market.selectedIndex = [...market.options].findIndex((o) => o.textContent === other);
    market.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    await chart.updateComplete;
    expect([...dashboard.selection.clauses().keys()]).toEqual([bar.clientId]);
    expect(bar.filters).toEqual({ market: [other] });
    expect(chart.selected).toBeUndefined();
    expect(bar.shadowRoot!.querySelector('[part="chip"]')).toBeNull();
    expect(shownOption().textContent).toBe(other);
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytdByMarket[other]!, 2), { timeout: 25_000 });

    // And "All" after a click clears the chart's selection too.
    bar.choose('market', null);
    chart.shadowRoot!.querySelector('g.mark')!.dispatchEvent(new MouseEvent('click'));
    await bar.updateComplete;
    expect(shownOption().textContent).toMatch(/\(from a chart\)$/);
    market.selectedIndex = 0;
    market.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    expect(dashboard.selection.clauses().size).toBe(0);
    expect(shownOption().textContent).toBe('All');
  });

  test.each(['abc', '1e400', '<img src=x onerror=alert(1)>', '1000', '-100.5'])(
    'target="%s" is explained beside the control and fires atliq-error, never atliq-target-change',
    async (value) => {
      const changes = heardAll<AtliqTargetChangeDetail>('atliq-target-change');
      const errors = heardAll<AtliqErrorDetail>('atliq-error');
      const bar = mount('atliq-filter-bar', { src: PROFIT_SRC, target: value });
      await until(() => bar.data);
      await bar.updateComplete;
      expect(errors.map((e) => e.message)).toEqual([refused(value)]);
      const root = bar.shadowRoot!;
      const explained = root.querySelector('[part="target-error"]')!;
      expect(explained.textContent).toBe(refused(value));
      expect(explained.getAttribute('role')).toBe('alert');
      // The control stays, empty and marked invalid, so a person can type a valid target; the slicers still work.
      const input = root.querySelector<HTMLInputElement>('input[name="target"]')!;
      expect(input.value).toBe('');
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toBe(explained.id);
      expect(root.querySelectorAll('select')).toHaveLength(5);
      expect(root.querySelector('img')).toBeNull();
      expect(changes).toEqual([]);
    },
  );

  test('a target typed out of range is refused beside the control; a valid one clears that and reaches the dashboard; emptied, the default is back', async () => {
    const changes = heardAll<AtliqTargetChangeDetail>('atliq-target-change');
    const errors = heardAll<AtliqErrorDetail>('atliq-error');
    const dashboard = mount('atliq-dashboard', { src: PROFIT_SRC });
    const bar = mount('atliq-filter-bar', { target: '2', 'target-control': '' }, dashboard);
    await until(() => bar.data);
    await bar.updateComplete;
    const root = bar.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('input[name="target"]')!;
    expect(input.value).toBe('2');
    expect(root.querySelector('[part="target-error"]')).toBeNull();
    expect(input.hasAttribute('aria-invalid')).toBe(false);

    for (const typed of ['1000', '-250']) {
      input.value = typed;
      input.dispatchEvent(new Event('change'));
      await bar.updateComplete;
      expect(errors.at(-1)?.message).toBe(refused(typed));
      expect(root.querySelector('[part="target-error"]')?.textContent).toBe(refused(typed));
      expect(input.getAttribute('aria-invalid')).toBe('true');
      // What was typed stays in the control to be corrected.
      expect(input.value).toBe(typed);
    }
    // Text a number input cannot read arrives as '' too: refused, not taken for an emptied control.
    input.value = '';
    input.focus();
    await userEvent.keyboard('1e');
    input.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    expect(input.validity.badInput).toBe(true);
    expect(errors.at(-1)?.message).toBe(refused(''));
    expect(errors).toHaveLength(3);
    expect(changes).toEqual([]);
    expect(bar.target).toBe('2');
    expect(dashboard.target).toBe('');

    input.value = '3.5';
    input.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    expect(changes).toEqual([{ target: 3.5 }]);
    expect(dashboard.target).toBe('3.5');
    expect(root.querySelector('[part="target-error"]')).toBeNull();
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(errors).toHaveLength(3);

    // Emptied, the control gives the default back: last year's margin, which its placeholder names.
    input.value = '';
    input.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    expect(changes).toEqual([{ target: 3.5 }, { target: null }]);
    expect(dashboard.target).toBe('');
    expect(input.placeholder).toBe('Last year');
    expect(errors).toHaveLength(3);
  });
});
