import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, texts, until } from '../../test/dom.ts';
import { recordingSource } from '../../test/recording-source.ts';
import type { AtliqSelectDetail } from '../base/events.ts';
import { formatPoints } from '../base/format.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

/** A dashboard with a revenue KPI and the revenue-by-market chart as slotted children. */
function smallDashboard(src = SRC) {
  const dashboard = mount('atliq-dashboard', { src });
  const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
  const chart = mount('atliq-revenue-chart', { by: 'market' }, dashboard);
  return { dashboard, kpi, chart };
}

const marks = (chart: HTMLElement) => [...chart.shadowRoot!.querySelectorAll<SVGGElement>('g.mark')];

describe('<atliq-dashboard>', () => {
  test('clicking a bar filters the other components, not its own chart; clicking again clears', async () => {
    const truth = inject('revenueByMarket');
    // The KPI counts the year to the newest order day: that is what a pick of a market changes.
    const { ytd, ytdByMarket } = inject('periods');
    const total = ytd.current.revenue;
    const { kpi, chart } = smallDashboard();
    await until(() => chart.data);
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(total, 2), { timeout: 25_000 });
    await chart.updateComplete;

    const heard = nextEvent<AtliqSelectDetail>('atliq-select');
    marks(chart)[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await heard).detail).toEqual({
      dimension: 'market',
      value: truth[1]!.market,
      label: `Market: ${truth[1]!.market}`,
    });
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytdByMarket[truth[1]!.market]!, 2), { timeout: 10_000 });
    await chart.updateComplete;
    expect(chart.data).toHaveLength(truth.length);
    expect(marks(chart).map((m) => m.getAttribute('aria-pressed'))).toEqual(truth.map((_, i) => String(i === 1)));

    marks(chart)[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(total, 2), { timeout: 10_000 });
  });

  test("a change of the cross-filter queries only for the clients whose filters it changed, not the clicked chart's", async () => {
    const { src, source } = recordingSource(`${SRC}?equal`, { preaggregates: true });
    // Queries still running when the spy is attached (a split day range asks its halves later) are not the click's.
    let running = 0;
    const query = source.query.bind(source);
    source.query = (...args) => {
      running++;
      return query(...args).finally(() => running--);
    };
    const { dashboard, kpi, chart } = smallDashboard(src);
    await until(() => chart.data);
    await vi.waitFor(() => expect(kpi.data?.comparison).toBeDefined(), { timeout: 25_000 });
    await Promise.all([chart.updateComplete, kpi.updateComplete]);
    await vi.waitFor(() => expect(running).toBe(0), { timeout: 10_000 });
    const asked = vi.spyOn(source, 'query');
    dashboard.selection.set('host', { filters: {}, label: 'Nothing' });
    await Promise.all([chart.updateComplete, kpi.updateComplete]);
    expect(asked).not.toHaveBeenCalled();
    marks(chart)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(asked).toHaveBeenCalled());
    await chart.updateComplete;
    // The chart drew its bar as selected (its own clause changed) without querying again: its filters did not.
    expect(asked.mock.calls.flatMap(([spec]) => spec.dimensions ?? [])).not.toContain('market');
  });

  test('a pointer entering a chart pre-aggregates the others for its dimension: its clicks then reach no engine', async () => {
    // Two dashboards on the same extract: one with the source's cubes, one whose every query reaches the engine.
    const cubes = recordingSource(`${SRC}?cubes`, { preaggregates: true });
    const plain = recordingSource(`${SRC}?plain`);
    const dashboards = [cubes, plain].map(({ src }) => {
      const dashboard = mount('atliq-dashboard', { src });
      const chart = mount('atliq-revenue-chart', { by: 'market' }, dashboard);
      return { chart, list: mount('atliq-top-list', { by: 'customer', n: '3' }, dashboard) };
    });
    for (const { chart, list } of dashboards) await Promise.all([until(() => chart.data), until(() => list.data)]);
    const [withCubes, engineOnly] = dashboards as [(typeof dashboards)[0], (typeof dashboards)[0]];

    const prepared: Promise<void>[] = [];
    const prepare = cubes.source.prepare.bind(cubes.source);
    cubes.source.prepare = (specs, index) => {
      prepared.push(prepare(specs, index));
      return prepared.at(-1)!;
    };
    withCubes.chart.dispatchEvent(new PointerEvent('pointerenter'));
    // The top list, not the chart that was entered, asks for a cube, by customer and market.
    expect(prepared).toHaveLength(1);
    await Promise.all(prepared);
    const built = cubes.queries.length;
    expect(cubes.queries.at(-1)!.sql).toMatch(/GROUP BY dim_customer.customer_name, dim_market.market_name/);

    for (const index of [0, 2, 1]) {
      for (const { chart, list } of dashboards) {
        const before = list.data;
        marks(chart)[index]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        await vi.waitFor(() => expect(list.data).not.toBe(before), { timeout: 25_000 });
      }
      const [got, want] = [withCubes.list.data!, engineOnly.list.data!];
      expect(got.map((r) => r.label)).toEqual(want.map((r) => r.label));
      for (const [i, row] of want.entries()) {
        expect(got[i]!.value).toBeCloseTo(row.value, 6);
        expect(got[i]!.share).toBeCloseTo(row.share, 9);
      }
    }
    expect(cubes.queries).toHaveLength(built);
    expect(plain.queries.length).toBeGreaterThan(3);
  });

  test('with hash set, a click is kept in the URL hash and a changed hash changes the cross-filter', async () => {
    const truth = inject('revenueByMarket');
    const dashboard = mount('atliq-dashboard', { src: SRC, hash: 'f' });
    const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
    const chart = mount('atliq-revenue-chart', { by: 'market', id: 'bars' }, dashboard);
    try {
      await until(() => chart.data);
      await chart.updateComplete;
      marks(chart)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const stored = JSON.parse(new URLSearchParams(location.hash.slice(1)).get('f')!);
      expect(Object.values(stored)).toEqual([
        { label: `Market: ${truth[0]!.market}`, filters: { market: [truth[0]!.market] } },
      ]);

      // Someone pastes a link to another market into the same tab.
      const link = { [Object.keys(stored)[0]!]: { label: 'Market: x', filters: { market: [truth[1]!.market] } } };
      location.hash = `f=${encodeURIComponent(JSON.stringify(link))}`;
      const ytd = inject('periods').ytdByMarket[truth[1]!.market]!;
      await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytd, 2), { timeout: 25_000 });
      expect(chart.selected).toBe(truth[1]!.market);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  test('keyboard: arrows move between bars, Enter selects, Escape clears', async () => {
    const truth = inject('revenueByMarket');
    const { dashboard, kpi, chart } = smallDashboard();
    await until(() => chart.data);
    await chart.updateComplete;
    const first = marks(chart)[0]!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    const key = (k: string) =>
      (chart.shadowRoot!.activeElement ?? first).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    await chart.updateComplete;
    await chart.updateComplete;
    expect(chart.shadowRoot!.activeElement).toBe(marks(chart)[1]);
    key('ArrowDown');
    await chart.updateComplete;
    await chart.updateComplete;
    key('Enter');
    expect([...dashboard.selection.clauses().values()].map((c) => c.label)).toEqual([`Market: ${truth[2]!.market}`]);
    const ytd = inject('periods').ytdByMarket[truth[2]!.market]!;
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytd, 2), { timeout: 25_000 });
    key('Escape');
    expect(dashboard.selection.clauses().size).toBe(0);
  });

  test('two dashboards on one page have their own source and their own cross-filter', async () => {
    const truth = inject('revenueByMarket');
    const a = smallDashboard();
    const b = smallDashboard('/extracts/manifest.json?second');
    const broken = smallDashboard('/extracts/missing/manifest.json');
    await until(() => a.chart.data);
    await until(() => b.chart.data);
    await broken.kpi.updateComplete;
    await vi.waitFor(() =>
      expect(broken.kpi.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('HTTP 404'),
    );
    await a.chart.updateComplete;
    marks(a.chart)[0]!.dispatchEvent(new MouseEvent('click'));
    const { ytd, ytdByMarket } = inject('periods');
    await vi.waitFor(() => expect(a.kpi.data?.value).toBeCloseTo(ytdByMarket[truth[0]!.market]!, 2), {
      timeout: 10_000,
    });
    expect(b.dashboard.selection.clauses().size).toBe(0);
    expect(b.kpi.data?.value).toBeCloseTo(ytd.current.revenue, 2);
  });

  test('a component with its own src inside a dashboard reads that source', async () => {
    const dashboard = mount('atliq-dashboard', { src: '/extracts/missing/manifest.json' });
    const kpi = mount('atliq-kpi', { src: SRC, measure: 'orders' }, dashboard);
    await vi.waitFor(() => expect(kpi.data?.value).toBe(inject('periods').ytd.current.orders), {
      timeout: 25_000,
    });
  });

  test('without children it lays out the full default dashboard', async () => {
    const dashboard = mount('atliq-dashboard', { src: SRC });
    await dashboard.updateComplete;
    const root = dashboard.shadowRoot!;
    expect([...root.querySelectorAll('atliq-kpi')].map((k) => k.measure)).toEqual([
      'revenue',
      'quantity',
      'profit',
      'margin',
    ]);
    const charts = [...root.querySelectorAll('atliq-revenue-chart')];
    expect(charts.map((c) => [c.clientId, c.measure, c.compare])).toEqual([
      ['atliq-revenue-chart#revenue-by-market', 'revenue', false],
      ['atliq-revenue-chart#revenue-change-by-market', 'revenue', true],
    ]);
    const title = () => charts[1]!.closest('section')!.querySelector('h2')!.textContent;
    expect(title()).toBe('Revenue against last year by market');
    const kpi = root.querySelector('atliq-kpi')!;
    await vi.waitFor(() => expect(kpi.data?.value).toBeGreaterThan(0), { timeout: 25_000 });
    // Compared with the period before, the tile says so (the chart stays: the layout is rendered again, not rebuilt).
    dashboard.setAttribute('comparison', 'previous');
    await dashboard.updateComplete;
    expect(title()).toBe('Revenue against the previous period by market');
  });

  test("the filter bar's profit target control sets the target of the dashboard's profit chart", async () => {
    const dashboard = mount('atliq-dashboard', { src: '/extracts-profit/manifest.json', target: '2' });
    await dashboard.updateComplete;
    const bar = dashboard.shadowRoot!.querySelector('atliq-filter-bar')!;
    await until(() => bar.data);
    await bar.updateComplete;
    const input = bar.shadowRoot!.querySelector<HTMLInputElement>('input[name="target"]')!;
    expect(input.value).toBe('2');
    input.value = '3.5';
    input.dispatchEvent(new Event('change'));
    await dashboard.updateComplete;
    expect(dashboard.target).toBe('3.5');
    expect(dashboard.shadowRoot!.querySelector('atliq-profit-chart')!.target).toBe('3.5');
  });

  test("without a target, the control is empty ('Last year') and the profit chart draws last year's margin", async () => {
    const { ytd } = inject('profitPeriods');
    const lastYear = (100 * ytd.baseline.profit!) / ytd.baseline.revenue;
    const dashboard = mount('atliq-dashboard', { src: '/extracts-profit/manifest.json' });
    await dashboard.updateComplete;
    const root = dashboard.shadowRoot!;
    const bar = root.querySelector('atliq-filter-bar')!;
    const chart = root.querySelector('atliq-profit-chart')!;
    await until(() => bar.data);
    await bar.updateComplete;
    const input = bar.shadowRoot!.querySelector<HTMLInputElement>('input[name="target"]')!;
    expect([input.value, input.placeholder]).toEqual(['', 'Last year']);
    await vi.waitFor(() => expect(chart.target).not.toBe(''), { timeout: 25_000 });
    expect(Number(chart.target)).toBeCloseTo(lastYear, 6);
    await chart.updateComplete;
    expect(texts(chart.shadowRoot!, '.target-label')).toEqual([`Last year ${lastYear.toFixed(1)}%`]);
    // A target typed in the control replaces it.
    input.value = '5';
    input.dispatchEvent(new Event('change'));
    await dashboard.updateComplete;
    await chart.updateComplete;
    expect([dashboard.target, chart.target]).toEqual(['5', '5']);
    expect(texts(chart.shadowRoot!, '.target-label')).toEqual(['Target 5.0%']);
  });

  test("every profit chart inside follows the dashboard's target unless it has its own", async () => {
    const { markets } = inject('profit');
    const dashboard = mount('atliq-dashboard', { src: '/extracts-profit/manifest.json', target: '2' });
    const follows = mount('atliq-profit-chart', {}, dashboard);
    const own = mount('atliq-profit-chart', { target: '5' }, dashboard);
    await until(() => follows.data);
    await follows.updateComplete;
    const gaps = (target: number) =>
      markets.filter((m) => m.margin < target).map((m) => `${m.name} ${formatPoints(m.margin - target)}`);
    expect([follows.target, own.target]).toEqual(['2', '5']);
    expect(texts(follows.shadowRoot!, '.gap')).toEqual(gaps(2));

    // What the filter bar's control does: the dashboard hears atliq-target-change from inside.
    follows.dispatchEvent(new CustomEvent('atliq-target-change', { detail: { target: 3.5 }, bubbles: true }));
    await dashboard.updateComplete;
    await follows.updateComplete;
    expect([follows.target, own.target]).toEqual(['3.5', '5']);
    expect(texts(follows.shadowRoot!, '.gap')).toEqual(gaps(3.5));

    own.removeAttribute('target');
    await own.updateComplete;
    expect(own.target).toBe('3.5');
  });

  test('setting hash keeps dashboard.selection the same object: a host listening to it keeps hearing', async () => {
    const clause = { label: 'Market: x', filters: { market: ['x'] } };
    history.replaceState(null, '', `#f=${encodeURIComponent(JSON.stringify({ bars: clause }))}`);
    try {
      const dashboard = mount('atliq-dashboard', { src: SRC });
      mount('div', {}, dashboard);
      await dashboard.updateComplete;
      const selection = dashboard.selection;
      let heard = 0;
      selection.addEventListener('change', () => heard++);
      dashboard.hash = 'f';
      await dashboard.updateComplete;
      expect(dashboard.selection).toBe(selection);
      expect([heard, selection.clauses().get('bars')]).toEqual([1, clause]);
      selection.set('bars', null);
      expect(heard).toBe(2);
      expect(location.hash).toBe('');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  test('no profit target control for an extract without profit', async () => {
    const dashboard = mount('atliq-dashboard', { src: SRC, target: '2' });
    await dashboard.updateComplete;
    const bar = dashboard.shadowRoot!.querySelector('atliq-filter-bar')!;
    await until(() => bar.data);
    await bar.updateComplete;
    expect(bar.shadowRoot!.querySelector('input[name="target"]')).toBeNull();
  });

  test('without src it says what to set', async () => {
    const dashboard = mount('atliq-dashboard');
    await dashboard.updateComplete;
    expect(dashboard.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain(
      'Set the src attribute of <atliq-dashboard>',
    );
  });
});
