import { describe, expect, test } from 'vitest';
import type { QuerySpec } from './compile.ts';
import type { Row } from './connector.ts';
import { EngineNeededError } from './errors.ts';
import { BRIDGE_DIMENSIONS, changeFinding, type QueryFn } from './insights/findings.ts';
import { sharedGrain } from './insights/grain.ts';
import { concentrationFinding, leakFindings } from './insights/risk-findings.ts';
import type { PeriodComparison } from './period/period.ts';
import { wasmExtract } from './testing/recording-wasm-source.ts';

/**
 * bridge_grain.json in real DuckDB-WASM over the published test extract (with profit): the insights' customer and
 * product splits of the default comparison (the year to the newest order day against the same days a year earlier)
 * are answered from the file with no engine query — at load and after a cross-filter on a member — and every
 * bridge, the concentration and the leaks equal hand-written SQL over the published facts, to the paisa.
 */

const extract = wasmExtract('/extracts-profit/manifest.json');
const { recordingSource } = extract;

/** The default comparison by hand: 1 January to the newest order day, and the same days a year earlier. */
function defaultPeriods() {
  const newest = extract.manifest.files.find((f) => f.table === 'browser_db')!.max_order_date!;
  const year = Number(newest.slice(0, 4));
  return {
    current: { from: `${year}-01-01`, to: newest },
    baseline: { from: `${year - 1}-01-01`, to: `${year - 1}${newest.slice(4)}` },
  };
}

function comparison(extra: Record<string, string[]> = {}): PeriodComparison {
  const { current, baseline } = defaultPeriods();
  return {
    current: { ...current, partial: true, label: 'current' },
    baseline: { ...baseline, partial: true, label: 'baseline' },
    label: 'current vs baseline',
    filters: { current: { ...extra, day: current }, baseline: { ...extra, day: baseline } },
  };
}

/** Each bridge dimension's column, as the SDK's model names it, joined as it joins (LEFT JOIN). */
const COLUMN: Record<string, string> = {
  market: 'm.market_name',
  zone: 'm.zone',
  customer: 'c.customer_name',
  customer_type: 'c.customer_type',
  product: 'p.product_code',
  product_type: 'p.product_type',
};

/** Revenue and profit by member of `dimension` in [from, to], optionally of one member of another, in plain SQL. */
async function truth(dimension: string, from: string, to: string, where = 'TRUE'): Promise<Map<string, Row>> {
  const rows = await extract.facts.query(
    `SELECT ${COLUMN[dimension]} AS member, sum(f.revenue) AS revenue, sum(f.profit) AS profit
     FROM fact_sales f
       LEFT JOIN dim_market m ON m.market_code = f.market_code
       LEFT JOIN dim_customer c ON c.customer_code = f.customer_code
       LEFT JOIN dim_product p ON p.product_code = f.product_code
     WHERE f.order_date BETWEEN DATE '${from}' AND DATE '${to}' AND ${where}
     GROUP BY 1`,
    [],
  );
  return new Map(rows.map((r) => [String(r['member'] ?? '(none)'), r]));
}

/** Every bridge of `query`'s change finding against SQL: each member's change, and the total. */
async function expectBridgesEqualSql(query: QueryFn, periods: PeriodComparison, where = 'TRUE') {
  const change = (await changeFinding(query, periods, true))!;
  const { current, baseline } = defaultPeriods();
  for (const dimension of BRIDGE_DIMENSIONS) {
    const [now, before] = await Promise.all([
      truth(dimension, current.from, current.to, where),
      truth(dimension, baseline.from, baseline.to, where),
    ]);
    const bridge = change.bridges[dimension]!;
    const members = new Set([...now.keys(), ...before.keys()]);
    expect(bridge.contributions.map((c) => c.member).sort(), dimension).toEqual([...members].sort());
    let total = 0;
    for (const c of bridge.contributions) {
      const want = Number(now.get(c.member)?.['revenue'] ?? 0) - Number(before.get(c.member)?.['revenue'] ?? 0);
      expect(c.change, `${dimension} ${c.member}`).toBeCloseTo(want, 2);
      total += want;
    }
    // Each dimension's members add up to the whole change, to the paisa.
    expect(bridge.change, dimension).toBeCloseTo(total, 2);
    expect(bridge.current - bridge.baseline, dimension).toBeCloseTo(total, 2);
  }
  return change;
}

describe('AtliqSource and bridge_grain.json', () => {
  test('the manifest lists the file with the default comparison’s periods', () => {
    const { current, baseline } = defaultPeriods();
    expect(extract.manifest.bridge_grain?.periods).toEqual([current, baseline]);
    expect(extract.manifest.bridge_grain!.rows).toBeGreaterThan(100);
  });

  test('every bridge of the default comparison (customers and products too), concentration and leaks need no engine query, and equal SQL on the facts', async () => {
    const { source, sql } = recordingSource();
    const query = sharedGrain((spec) => source.query(spec), ['revenue', 'profit']);
    const periods = comparison();
    const change = await expectBridgesEqualSql(query, periods);
    expect(change.customers).not.toBeNull();

    const { current } = defaultPeriods();
    const byCustomer = [...(await truth('customer', current.from, current.to)).values()].map((r) =>
      Number(r['revenue']),
    );
    const total = byCustomer.reduce((s, v) => s + v, 0);
    const concentration = (await concentrationFinding(query, periods))!;
    expect(concentration.top1).toBeCloseTo(Math.max(...byCustomer) / total, 12);
    expect(concentration.hhi).toBeCloseTo(
      byCustomer.reduce((s, v) => s + (v / total) ** 2, 0),
      12,
    );

    const leaks = await leakFindings(query, periods, null);
    const losing = [...(await truth('customer', current.from, current.to)).entries()]
      .filter(([, r]) => Number(r['revenue']) > 0 && Number(r['profit']) < 0)
      .map(([member]) => member)
      .sort();
    expect(
      leaks
        .filter((l) => l.kind === 'loss' && l.dimension === 'customer')
        .map((l) => l.member)
        .sort(),
    ).toEqual(losing);
    expect(sql).toEqual([]);
  });

  test('a cross-filter on a customer or a product type keeps the answers in the file, equal to SQL', async () => {
    const { source, sql } = recordingSource();
    const query: QueryFn = (spec) => source.query(spec);
    const { current } = defaultPeriods();
    const customers = [...(await truth('customer', current.from, current.to)).keys()].sort();
    const customer = customers[Math.floor(customers.length / 2)]!;
    await expectBridgesEqualSql(
      query,
      comparison({ customer: [customer] }),
      `c.customer_name = '${customer.replaceAll("'", "''")}'`,
    );
    await expectBridgesEqualSql(query, comparison({ product_type: ['Own Brand'] }), `p.product_type = 'Own Brand'`);
    expect(sql).toEqual([]);
  });

  test('with `local`, a customer split of the default period is answered from the file; another period or a dimension it lacks still needs the engine', async () => {
    const { source, sql } = recordingSource();
    const { current, baseline } = defaultPeriods();
    const rows = await source.query(
      { measures: ['revenue'], dimensions: ['customer_type'], filters: { day: baseline } },
      { local: true },
    );
    const want = await truth('customer_type', baseline.from, baseline.to);
    expect(rows).toHaveLength(want.size);
    for (const r of rows) {
      expect(Number(r['revenue'])).toBeCloseTo(Number(want.get(String(r['customer_type']))!['revenue']), 2);
    }
    const later = { from: `${current.from.slice(0, 4)}-02-01`, to: current.to };
    const specs: QuerySpec[] = [
      { measures: ['revenue'], dimensions: ['customer'], filters: { day: later } },
      { measures: ['revenue'], dimensions: ['customer_code'], filters: { day: current } },
      { measures: ['revenue'], dimensions: ['customer'], filters: { day: current, month_of_year: [1] } },
    ];
    for (const spec of specs) {
      await expect(source.query(spec, { local: true })).rejects.toBeInstanceOf(EngineNeededError);
    }
    expect(sql).toEqual([]);
    // Without `local` the engine answers the other period.
    const other = await source.query({ measures: ['revenue'], dimensions: ['customer'], filters: { day: later } });
    const wantOther = await truth('customer', later.from, later.to);
    expect(other).toHaveLength(wantOther.size);
    expect(sql).toHaveLength(1);
  });
});
