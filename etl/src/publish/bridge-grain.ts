import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BRIDGE_GRAIN_COLUMNS,
  BRIDGE_GRAIN_FILE,
  type BridgeGrainFile,
  type BridgeGrainPeriod,
  type BridgeGrainRow,
  type Manifest,
  MONTH_MARKET_SUMS,
} from '@atliq/sdk/contract';
import { storedSql } from '@atliq/sdk/model';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
// The SDK's own compiler, findings and period model, by path: the CLI's bundle (bin/atliq-etl.mjs) bundles the
// workspace's TypeScript it reaches by path, and only the contract and the model by package name.
import { compile } from '../../../packages/sdk/src/compile.ts';
import { rowsOf } from '../../../packages/sdk/src/connectors/node.ts';
import { monthBridges, type QueryFn, seriesFindings } from '../../../packages/sdk/src/insights/index.ts';
import { addMonths, comparePeriods, isMonthEnd, type Span } from '../../../packages/sdk/src/period/index.ts';
import { sqlString } from '../sql-literal.ts';

/**
 * The periods the insights compare by default for a newest order day `asOf`: the year to date and the same days a
 * year earlier — the SDK's own period model with a page's defaults (calendar year, comparison with a year earlier).
 */
export function defaultPeriods(asOf: string): [current: Span, baseline: Span] {
  const periods = comparePeriods({}, { asOf })!;
  return [
    { from: periods.current.from, to: periods.current.to },
    { from: periods.baseline.from, to: periods.baseline.to },
  ];
}

/**
 * Every period whose customer and product splits the insights read on a page's first load, for a newest order day
 * `asOf`: {@link defaultPeriods}, then each unusual month the insights give a bridge and the same month a year
 * earlier (scoped to its market when it is one market's). Found by running the SDK's own findings on the staged
 * tables with the page's defaults (no filters, the last complete month), and keeping the periods the month bridges
 * ask — so the file holds what the page will ask, whatever rules pick the months.
 */
export async function insightPeriods(db: DuckDBConnection, asOf: string): Promise<BridgeGrainPeriod[]> {
  const query: QueryFn = async (spec) => {
    const { sql, params } = compile(spec);
    return rowsOf(await db.runAndReadAll(sql, params as DuckDBValue[]));
  };
  const lastMonth = (isMonthEnd(asOf) ? asOf : addMonths(asOf, -1)).slice(0, 7);
  const { unusual } = await seriesFindings(query, {}, lastMonth);
  const periods: BridgeGrainPeriod[] = defaultPeriods(asOf);
  const seen = new Set(periods.map((p) => JSON.stringify(p)));
  await monthBridges(
    async ({ filters = {} }) => {
      const day = filters['day'] as { from: string; to: string } | undefined;
      const market = filters['market'] as string[] | undefined;
      const others = Object.keys(filters).filter((d) => d !== 'day' && d !== 'market');
      if (day && others.length === 0 && (!market || market.length === 1)) {
        const period: BridgeGrainPeriod = { from: day.from, to: day.to, ...(market ? { market: market[0]! } : {}) };
        if (!seen.has(JSON.stringify(period))) {
          seen.add(JSON.stringify(period));
          periods.push(period);
        }
      }
      return [];
    },
    unusual,
    {},
  );
  return periods;
}

type Pair = [string | null, string | null];

/** Each distinct pair once, in order of first use; the index of a pair in the list. */
function dictionary() {
  const list: Pair[] = [];
  const index = new Map<string, number>();
  return {
    list,
    of(a: string | null, b: string | null): number {
      const key = JSON.stringify([a, b]);
      let i = index.get(key);
      if (i === undefined) {
        i = list.push([a, b]) - 1;
        index.set(key, i);
      }
      return i;
    },
  };
}

/**
 * Writes {@link BRIDGE_GRAIN_FILE} into the snapshot directory `dir`: the staged facts of {@link defaultPeriods}
 * summed by market, customer and product with the dimension attributes the insights split by (joined as the SDK's
 * compiler joins them: LEFT JOIN, so no fact is lost), and describes it for the manifest. Null for facts without rows
 * (an aggregate scope).
 */
export async function writeBridgeGrain(
  db: DuckDBConnection,
  dir: string,
  prefix: string,
): Promise<NonNullable<Manifest['bridge_grain']> | null> {
  const newest = (
    await db.runAndReadAll(`SELECT strftime(max(order_date), '%Y-%m-%d') FROM fact_sales`)
  ).getRowsJS()[0]![0];
  if (typeof newest !== 'string') return null;
  const periods = await insightPeriods(db, newest);
  // By codes first, then names: a few tens of thousands of groups joined, not millions of facts (the staging
  // database runs in under 100 MB). One period at a time, as periods may overlap (a flagged month in the year).
  const inner = MONTH_MARKET_SUMS.map((c) => `${storedSql(c)} AS ${c}`);
  const outer = MONTH_MARKET_SUMS.map((c) => `sum(f.${c})::DOUBLE`);
  const found: unknown[][] = [];
  for (const [i, p] of periods.entries()) {
    const reader = await db.runAndReadAll(`
      SELECT ${i} AS period, m.market_name, m.zone, c.customer_name, c.customer_type, p.product_code, p.product_type,
        ${outer.join(', ')}
      FROM (
        SELECT market_code, customer_code, product_code, ${inner.join(', ')} FROM fact_sales
        WHERE order_date BETWEEN DATE '${p.from}' AND DATE '${p.to}' GROUP BY ALL
      ) f
        LEFT JOIN dim_market m ON m.market_code = f.market_code
        LEFT JOIN dim_customer c ON c.customer_code = f.customer_code
        LEFT JOIN dim_product p ON p.product_code = f.product_code
      ${p.market === undefined ? '' : `WHERE m.market_name = ${sqlString(p.market)}`}
      GROUP BY ALL ORDER BY ALL`);
    found.push(...reader.getRowsJS());
  }
  const [markets, customers, products] = [dictionary(), dictionary(), dictionary()];
  const rows = (found as [number, ...(string | null)[]][]).map(
    ([period, market, zone, customer, type, product, productType, ...values]) =>
      [
        period,
        markets.of(market!, zone!),
        customers.of(customer!, type!),
        products.of(product!, productType!),
        ...(values as unknown as (number | null)[]),
      ] as BridgeGrainRow,
  );
  const file: BridgeGrainFile = {
    columns: BRIDGE_GRAIN_COLUMNS,
    periods,
    members: { market: markets.list, customer: customers.list, product: products.list },
    rows,
  };
  const text = `${JSON.stringify(file)}\n`;
  await writeFile(join(dir, BRIDGE_GRAIN_FILE), text);
  return {
    path: `${prefix}/${BRIDGE_GRAIN_FILE}`,
    rows: rows.length,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    periods,
  };
}
