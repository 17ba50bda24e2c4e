import { AtliqSource, type Row } from '@atliq/sdk';
import { connectWasm } from '@atliq/sdk/wasm';
import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent } from '../../test/dom.ts';
import type { AtliqSelectDetail } from '../base/events.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';

const PROFIT = '/extracts-profit/manifest.json';
const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

/**
 * Hand-written SQL on the tables of an extract's browser database, through a connection of its own: the truth the
 * insights must equal, with nothing of the SDK's compiler, grains or findings.
 */
async function handSql(manifestPath: string, sql: string): Promise<Row[]> {
  const url = new URL(manifestPath, location.href);
  const manifest = (await (await fetch(url)).json()) as { browser_db: string };
  const db = await connectWasm(new URL(manifest.browser_db, url).href);
  try {
    return await db.query(sql, []);
  } finally {
    await db.close();
  }
}

/** Fetch that serves an extract's manifest without `bridge_grain`, as an ETL before it published one. */
const withoutGrain: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!String(input).includes('/manifest.json')) return response;
  const { bridge_grain: _, ...manifest } = (await response.json()) as Record<string, unknown>;
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });
};

describe('<atliq-insights>', () => {
  test('the change of revenue and its drivers equal SQL on the published Parquet, and the bridge adds up', async () => {
    const { ytd, ytdByMarket, baselineByMarket, ytdByCustomer, baselineByCustomer } = inject('periods');
    const el = mount('atliq-insights', { src: SRC, max: '20' });
    const items = await vi.waitFor(
      () => {
        expect(el.data).toBeDefined();
        expect(el.pending).toBeNull();
        return el.data!;
      },
      { timeout: 25_000 },
    );
    // What changed is the headline, whatever outweighs it in rupees.
    const change = items[0]!;
    expect(change.kind).toBe('change');
    expect(change.current!.value).toBeCloseTo(ytd.current.revenue, 2);
    expect(change.baseline!.value).toBeCloseTo(ytd.baseline.revenue, 2);
    const truth: Record<string, [Record<string, number>, Record<string, number>]> = {
      market: [ytdByMarket, baselineByMarket],
      customer: [ytdByCustomer, baselineByCustomer],
    };
    expect(Object.keys(truth)).toContain(change.contributions![0]!.dimension);
    let explained = 0;
    for (const c of change.contributions!) {
      const [now, before] = truth[c.dimension]!;
      expect(c.change).toBeCloseTo((now[c.member] ?? 0) - (before[c.member] ?? 0), 2);
      explained += c.change;
    }
    // The drivers explain at least two thirds of the change, in its direction.
    const total = ytd.current.revenue - ytd.baseline.revenue;
    expect(explained / total).toBeGreaterThanOrEqual(2 / 3);
    expect(change.text).toMatch(/^Revenue (fell|rose) \d/);
    expect(change.basis).toBe(`1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019`);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="headline"] [part="text"]')?.textContent).toBe(items[0]!.text);
    expect(root.querySelector('[part="caveats"]')?.textContent).toContain('Jun 2020 is complete only to the 26th');
    // Show the math offers the SQL that reproduces the numbers, as text.
    const sql = root.querySelector('[data-kind="change"] [part="sql"]')?.textContent ?? '';
    expect(sql).toContain("BETWEEN '2020-01-01' AND '2020-06-26'");
  });

  test('with bridge_grain.json every insight, customers and products too, shows before the engine has started, equal to SQL', async () => {
    const { ytd, ytdByCustomer, baselineByCustomer } = inject('periods');
    let connects = 0;
    const source = new AtliqSource(new URL(`${SRC}?engine=never`, location.href).href, {
      // No engine at all: a question the files cannot answer would fail the element.
      connect: () => {
        connects++;
        return Promise.reject(new Error('no engine in this test'));
      },
    });
    AtliqSource.register(source);
    const el = mount('atliq-insights', { src: source.url, max: '20' });
    await vi.waitFor(
      () => {
        expect(el.data?.length).toBeGreaterThan(0);
        expect(el.pending).toBeNull();
      },
      { timeout: 25_000 },
    );
    const change = el.data!.find((i) => i.kind === 'change')!;
    expect(change.current!.value).toBeCloseTo(ytd.current.revenue, 2);
    expect(change.baseline!.value).toBeCloseTo(ytd.baseline.revenue, 2);
    const customers = el.data!.find((i) => i.kind === 'customers');
    for (const c of [...(customers?.contributions ?? []), ...change.contributions!]) {
      if (c.dimension !== 'customer') continue;
      expect(c.change).toBeCloseTo((ytdByCustomer[c.member] ?? 0) - (baselineByCustomer[c.member] ?? 0), 2);
    }
    // The engine was asked to start (it warms up for what the files do not hold) and never came.
    expect(connects).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    // The same insights, word for word, as the engine's answers give on an extract without the file.
    const engine = new AtliqSource(new URL(`${SRC}?grain=none`, location.href).href, { fetch: withoutGrain });
    AtliqSource.register(engine);
    const other = mount('atliq-insights', { src: engine.url, max: '20' });
    await vi.waitFor(
      () => {
        expect(other.data?.length).toBeGreaterThan(0);
        expect(other.pending).toBeNull();
      },
      { timeout: 25_000 },
    );
    expect(el.data!.map((i) => [i.kind, i.text])).toEqual(other.data!.map((i) => [i.kind, i.text]));
    await Promise.all([source.close(), engine.close()]);
  });

  test('without bridge_grain.json (an older extract), the markets-and-zones insights of the month and day files show before the engine answers, equal to SQL and saying what is still read; then every insight', async () => {
    const { ytd, ytdByMarket, baselineByMarket } = inject('periods');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const source = new AtliqSource(new URL(`${SRC}?engine=gated`, location.href).href, {
      fetch: withoutGrain,
      connect: async (dbUrl) => {
        await gate;
        return connectWasm(dbUrl);
      },
    });
    AtliqSource.register(source);
    const el = mount('atliq-insights', { src: source.url, max: '20' });
    await vi.waitFor(() => expect(el.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
    await el.updateComplete;
    expect(el.pending).toMatch(/^Customer and product insights follow/);
    expect(el.shadowRoot!.querySelector('[part="pending"]')?.textContent).toBe(el.pending);
    for (const insight of el.data!) expect(['change', 'margin', 'trend', 'unusual-month']).toContain(insight.kind);
    const change = el.data!.find((i) => i.kind === 'change')!;
    expect(change.current!.value).toBeCloseTo(ytd.current.revenue, 2);
    expect(change.baseline!.value).toBeCloseTo(ytd.baseline.revenue, 2);
    for (const c of change.contributions!) {
      expect(c.dimension).toBe('market');
      expect(c.change).toBeCloseTo((ytdByMarket[c.member] ?? 0) - (baselineByMarket[c.member] ?? 0), 2);
    }
    open();
    await vi.waitFor(() => expect(el.pending).toBeNull(), { timeout: 25_000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="pending"]')).toBeNull();
    expect(el.data!.find((i) => i.kind === 'change')!.current!.value).toBeCloseTo(ytd.current.revenue, 2);
    await source.close();
  });

  test('Enter on an insight cross-filters the dashboard to what it names; again clears it', async () => {
    const dashboard = mount('atliq-dashboard', { src: PROFIT });
    const el = mount('atliq-insights', {}, dashboard);
    await vi.waitFor(() => expect(el.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
    await el.updateComplete;
    const first = el.data!.findIndex((i) => i.select);
    const node = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="insight"]')[first]!;
    const target = el.data![first]!.select!;
    const heard = nextEvent<AtliqSelectDetail>('atliq-select');
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect((await heard).detail).toMatchObject({ dimension: target.dimension, value: target.member });
    expect([...dashboard.selection.clauses().values()][0]?.filters).toEqual({ [target.dimension]: [target.member] });
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(dashboard.selection.clauses().size).toBe(0);
  });

  test("concentration's Pareto curve is each largest-first customer's cumulative share of SQL's revenue, with the top customer and the 80 % point marked", async () => {
    const { lastDay } = inject('profitPeriods');
    const rows = await handSql(
      PROFIT,
      `SELECT c.customer_name AS name, sum(f.revenue) AS revenue
       FROM fact_sales f JOIN dim_market m USING (market_code) JOIN dim_customer c USING (customer_code)
       WHERE m.market_name = 'Kanpur' AND f.order_date BETWEEN date_trunc('year', DATE '${lastDay}') AND DATE '${lastDay}'
       GROUP BY c.customer_name HAVING sum(f.revenue) > 0 ORDER BY revenue DESC`,
    );
    const revenues = rows.map((r) => Number(r['revenue']));
    const total = revenues.reduce((a, b) => a + b, 0);
    const truth = revenues.map((_, i) => revenues.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);
    const for80 = truth.findIndex((c) => c >= 0.8) + 1;
    const dashboard = mount('atliq-dashboard', { src: PROFIT }) as AtliqDashboard;
    const el = mount('atliq-insights', { kinds: 'concentration' }, dashboard);
    dashboard.selection.set('test', { filters: { market: ['Kanpur'] }, label: 'Market: Kanpur' });
    const insight = await vi.waitFor(
      () => {
        const found = el.data?.find((i) => i.kind === 'concentration');
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 25_000 },
    );
    const picture = insight.picture!;
    expect(picture.type).toBe('pareto');
    if (picture.type !== 'pareto') return;
    expect(picture.cumulative).toHaveLength(truth.length);
    for (const [i, c] of truth.entries()) expect(picture.cumulative[i]).toBeCloseTo(c, 9);
    const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
    expect(insight.text).toContain(`${rows[0]!['name']} makes ${pct(truth[0]!)} of revenue`);
    expect(insight.text).toContain(`${for80} of ${truth.length} customers make 80.0%`);
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('[data-kind="concentration"] svg[part="picture"]')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      `Share of revenue by customers, largest first: the largest makes ${pct(truth[0]!)}; the largest ${for80} of ${truth.length} make ${pct(truth[for80 - 1]!)}, the fewest that make 80.0%`,
    );
    // One segment per customer from the origin; the markers sit at 1 and at the 80 % count along the axis.
    expect(svg.querySelector('.curve')!.getAttribute('d')!.split('L')).toHaveLength(truth.length + 1);
    const axis = svg.querySelector('.axis')!;
    const [x0, x1] = ['x1', 'x2'].map((a) => Number(axis.getAttribute(a)));
    const along = (selector: string) => (Number(svg.querySelector(selector)!.getAttribute('cx')) - x0!) / (x1! - x0!);
    expect(along('circle.actual')).toBeCloseTo(1 / truth.length, 6);
    expect(along('circle.mark80')).toBeCloseTo(for80 / truth.length, 6);
  });

  test('an unusual month carries its own bridge against the same month a year earlier: totals and market changes equal SQL, the waterfall adds up, the sentence names who led it', async () => {
    const byMarket = await handSql(
      SRC,
      `SELECT m.market_name AS market,
         sum(f.revenue) FILTER (WHERE f.order_date BETWEEN DATE '2020-02-01' AND DATE '2020-02-29') AS now,
         sum(f.revenue) FILTER (WHERE f.order_date BETWEEN DATE '2019-02-01' AND DATE '2019-02-28') AS before
       FROM fact_sales f JOIN dim_market m USING (market_code) GROUP BY m.market_name`,
    );
    const change = Object.fromEntries(
      byMarket.map((r) => [String(r['market']), Number(r['now'] ?? 0) - Number(r['before'] ?? 0)]),
    );
    const months = Object.fromEntries(inject('byMonth').map((m) => [m.month, m.revenue]));
    const el = mount('atliq-insights', { src: SRC, kinds: 'unusual-month', max: '20' });
    const insight = await vi.waitFor(
      () => {
        expect(el.pending).toBeNull();
        const found = el.data?.find((i) => i.kind === 'unusual-month' && i.text.includes('Feb 2020'));
        expect(found?.contributions).toBeDefined();
        return found!;
      },
      { timeout: 25_000 },
    );
    expect(insight.measure).toBe('revenue');
    expect(insight.current).toEqual({ from: '2020-02-01', to: '2020-02-29', value: expect.any(Number) });
    expect(insight.baseline).toMatchObject({ from: '2019-02-01', to: '2019-02-28' });
    expect(insight.current!.value).toBeCloseTo(months['2020-02']!, 2);
    expect(insight.baseline!.value).toBeCloseTo(months['2019-02']!, 2);
    const total = months['2020-02']! - months['2019-02']!;
    let explained = 0;
    for (const c of insight.contributions!) {
      expect(c.dimension).toBe('market');
      expect(c.change).toBeCloseTo(change[c.member]!, 2);
      explained += c.change;
    }
    expect(explained / total).toBeGreaterThanOrEqual(2 / 3);
    const names = insight.contributions!.map((c) => c.member);
    expect(insight.text).toMatch(/well above the .* expected, led by \d+ of \d+ markets, /);
    for (const name of names.slice(0, 3)) expect(insight.text).toContain(name);
    const picture = insight.picture!;
    if (picture.type !== 'band') throw new Error(`a band, not ${picture.type}`);
    const steps = picture.steps!;
    expect(steps[0]).toMatchObject({ label: 'Feb 2019', total: true });
    expect(steps.at(-1)).toMatchObject({ label: 'Feb 2020', total: true });
    expect(steps[0]!.value).toBeCloseTo(months['2019-02']!, 2);
    expect(steps.at(-1)!.value).toBeCloseTo(months['2020-02']!, 2);
    expect(steps.slice(1, -1).reduce((s, x) => s + x.value, 0)).toBeCloseTo(total, 2);
    await el.updateComplete;
    const node = [...el.shadowRoot!.querySelectorAll('[data-kind="unusual-month"]')].find((n) =>
      n.textContent?.includes('Feb 2020'),
    )!;
    const pictures = node.querySelectorAll('svg[part="picture"]');
    expect(pictures).toHaveLength(2);
    expect(pictures[1]!.getAttribute('aria-label')).toMatch(new RegExp(`^Feb 2019 .*, ${names[0]} \\+`));
    expect(node.querySelector('[part="math"]')!.textContent).toContain("BETWEEN '2019-02-01' AND '2019-02-28'");
  });

  test('with nothing to compare, says so instead of showing filler', async () => {
    const el = mount('atliq-insights', { src: SRC, 'as-of': '2017-12-31' });
    await vi.waitFor(
      () =>
        expect(el.shadowRoot!.querySelector('[part="nothing"]')?.textContent).toBe('Nothing unusual in this period.'),
      {
        timeout: 25_000,
      },
    );
  });

  test('a malformed max is explained', async () => {
    const el = mount('atliq-insights', { src: SRC, max: 'lots' });
    await vi.waitFor(
      () => expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('max must be a whole number'),
      {
        timeout: 25_000,
      },
    );
  });
});
