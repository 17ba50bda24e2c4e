import { AtliqSource } from '@atliq/sdk';
import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, until } from '../../test/dom.ts';
import { NORTH, type ServiceRequest } from '../../test/service-readers.ts';

/**
 * The components, unchanged, on the query service (issue 15): a dashboard whose `src` is the service's manifest
 * (service-plugin.ts runs @atliq/server in Node over the test extract, behind a front that sets the reader) renders
 * the numbers of hand-written SQL on the extract's Parquet files (global-extracts.ts), cross-filters, and sends its
 * queries as `POST /query`: no range read of a database file. A reader scoped to a zone sees only that zone.
 */

afterEach(() => {
  document.body.replaceChildren();
});

/** The service's manifest for `reader`, a name new to this run so the front's request log is this test's alone. */
const serviceFor = (reader: string) => {
  const name = `${reader}-${crypto.randomUUID().slice(0, 8)}`;
  return { name, src: `/service/extracts/${name}/manifest.json` };
};

const requestsOf = async (reader: string) => (await (await fetch(`/service-log/${reader}`)).json()) as ServiceRequest[];

/** A dashboard with a revenue KPI, the revenue-by-market chart and the top customers as slotted children. */
function dashboardOn(src: string) {
  const dashboard = mount('atliq-dashboard', { src });
  const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
  const chart = mount('atliq-revenue-chart', { by: 'market' }, dashboard);
  const list = mount('atliq-top-list', { by: 'customer', n: '5' }, dashboard);
  return { dashboard, kpi, chart, list };
}

const marks = (chart: HTMLElement) => [...chart.shadowRoot!.querySelectorAll<SVGGElement>('g.mark')];

const expectBars = (got: readonly { label: string; value: number }[], want: { market: string; revenue: number }[]) => {
  expect(got.map((d) => d.label)).toEqual(want.map((m) => m.market));
  for (const [i, m] of want.entries()) expect(got[i]!.value).toBeCloseTo(m.revenue, 2);
};

describe('<atliq-dashboard> on the query service', () => {
  test('shows the extract’s numbers, cross-filters on a click, and asks only POST /query', async () => {
    const truth = inject('revenueByMarket');
    const { ytd, ytdByMarket } = inject('periods');
    const drill = inject('drill');
    const { name, src } = serviceFor('everyone');
    const { kpi, chart, list } = dashboardOn(src);
    expect((await AtliqSource.for(src).ready).query_service).toBe('query');

    await until(() => chart.data);
    await until(() => list.data);
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytd.current.revenue, 2), { timeout: 25_000 });
    expectBars(chart.data!, truth);
    const customers = inject('revenueByCustomer').slice(0, 5);
    expect(list.data!.map((r) => r.label)).toEqual(customers.map((c) => c.name));
    for (const [i, c] of customers.entries()) expect(list.data![i]!.value).toBeCloseTo(c.revenue, 2);

    // The top market: the KPI and the top list narrow to it, the chart keeps every market.
    await chart.updateComplete;
    expect(marks(chart)[0]!.textContent).toContain(drill.market);
    marks(chart)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytdByMarket[drill.market]!, 2), { timeout: 10_000 });
    await vi.waitFor(
      () => expect(list.data?.map((r) => r.label)).toEqual(drill.customers.slice(0, 5).map((c) => c.name)),
      { timeout: 10_000 },
    );
    for (const [i, c] of drill.customers.slice(0, 5).entries()) expect(list.data![i]!.value).toBeCloseTo(c.revenue, 2);
    expectBars(chart.data!, truth);

    const requests = await requestsOf(name);
    const queries = requests.filter((r) => r.method === 'POST' && r.path === '/query');
    expect(queries.length).toBeGreaterThan(3);
    // Everything else is the manifest and the small JSON files it lists; nothing is read by range.
    const others = requests.filter((r) => r.method !== 'POST');
    expect(others.map((r) => r.path)).toContain('/manifest.json');
    for (const r of others) {
      expect(r.method).toBe('GET');
      expect(r.path).toMatch(/^\/(manifest\.json|v\/[^/]+\/(month_market|day_market|bridge_grain)\.json)$/);
    }
    expect(requests.filter((r) => r.range !== null)).toEqual([]);
  });

  test('the full default dashboard renders on the service: its KPIs are the extract’s, and nothing fails', async () => {
    const { current } = inject('profitPeriods').ytd;
    const errors: string[] = [];
    const heard = (e: Event) => errors.push((e as CustomEvent<{ message: string }>).detail.message);
    document.addEventListener('atliq-error', heard);
    const name = `everyone-${crypto.randomUUID().slice(0, 8)}`;
    const dashboard = mount('atliq-dashboard', { src: `/service/extracts-profit/${name}/manifest.json` });
    try {
      await dashboard.updateComplete;
      const kpis = [...dashboard.shadowRoot!.querySelectorAll('atliq-kpi')];
      const want = {
        revenue: current.revenue,
        quantity: current.quantity,
        profit: current.profit!,
        margin: (100 * current.profit!) / current.revenue,
      };
      expect(kpis.map((k) => k.measure)).toEqual(Object.keys(want));
      for (const kpi of kpis) {
        const value = want[kpi.measure as keyof typeof want];
        await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(value, 2), { timeout: 25_000 });
      }
      for (const chart of dashboard.shadowRoot!.querySelectorAll('atliq-revenue-chart, atliq-profit-chart')) {
        await until(() => (chart as HTMLElement & { data?: readonly unknown[] }).data);
      }
      expect(errors).toEqual([]);
      const requests = await requestsOf(name);
      expect(requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.range !== null || /\.(duckdb|parquet)$/.test(r.path))).toEqual([]);
    } finally {
      document.removeEventListener('atliq-error', heard);
    }
  });

  test('a reader scoped to a zone sees only its markets, and cannot widen the scope from the page', async () => {
    const zoneOf = inject('marketZones');
    const truth = inject('revenueByMarket');
    const north = truth.filter((m) => zoneOf[m.market] === NORTH);
    const elsewhere = truth.find((m) => zoneOf[m.market] !== NORTH)!;
    expect(north.length).toBeGreaterThan(0);
    const { name, src } = serviceFor('north');
    const { dashboard, kpi, chart } = dashboardOn(src);
    expect((await AtliqSource.for(src).ready).scope?.name).toBe('north');

    await until(() => chart.data);
    expectBars(chart.data!, north);
    const source = AtliqSource.for(src);
    // A filter for another zone's market, or for every zone, finds nothing more than the reader's zone.
    expect(await source.query({ measures: ['revenue'], filters: { market: [elsewhere.market] } })).toEqual([
      { revenue: null },
    ]);
    const zones = await source.query({
      measures: ['orders'],
      dimensions: ['zone'],
      filters: { zone: inject('zones').filter((z) => z !== null) },
    });
    expect(zones.map((r) => r.zone)).toEqual([NORTH]);
    // A page cannot choose its identity either: the front replaces the header.
    const asked = await fetch(`/service/extracts/${name}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Remote-User': 'everyone' },
      body: JSON.stringify({ spec: { measures: ['orders'], dimensions: ['zone'] } }),
    });
    expect(((await asked.json()) as { rows: { zone: string }[] }).rows.map((r) => r.zone)).toEqual([NORTH]);

    // The cross-filter for that market empties the chart and the KPI.
    dashboard.selection.set('host', { filters: { market: [elsewhere.market] }, label: elsewhere.market });
    await vi.waitFor(() => expect(chart.data).toEqual([]), { timeout: 10_000 });
    await vi.waitFor(() => expect(kpi.data?.value ?? null).toBeNull(), { timeout: 10_000 });
  });
});
