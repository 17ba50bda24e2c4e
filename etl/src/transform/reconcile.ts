import type { Reconciliation } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EtlError } from '../errors.ts';
import type { SourceTotal } from '../source/source.ts';
import type { ProfitReading } from './profit-reading.ts';

/**
 * The auditor's check: the source's own totals (computed by the source inside the run's snapshot) against what the
 * run published and quarantined, by market × month × currency — line count, quantity, amount and profit. It runs
 * after the transform (and after an incremental run copied its months), so it covers the whole snapshot whatever
 * step would have lost, doubled or altered a line. The source groups raw values; the keys are normalised here the
 * way the ETL cleans them (trimmed; currency upper-cased) so that 'INR\r' lines meet their published 'INR' rows.
 */

const MEASURES = ['lines', 'quantity', 'amount', 'profit'] as const;
type Measure = (typeof MEASURES)[number];
type Cell = { market: string | null; month: string | null; currency: string | null } & Record<
  `${'src' | 'run'}_${Measure}`,
  number | null
>;

/** Equal to one paisa (0.01), with the float slack of sums added in another order (see profit-reading.ts). */
const same = (a: number, b: number) => Math.abs(a - b) <= 0.01 + 1e-12 * (Math.abs(a) + Math.abs(b));

async function loadTotals(db: DuckDBConnection, totals: readonly SourceTotal[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE t_source_totals (market VARCHAR, month VARCHAR, currency VARCHAR,
    lines BIGINT, quantity DOUBLE, amount DOUBLE, profit DOUBLE)`);
  const appender = await db.createAppender('t_source_totals');
  for (const t of totals) {
    for (const v of [t.market, t.month, t.currency]) {
      if (v === null) appender.appendNull();
      else appender.appendVarchar(v);
    }
    appender.appendBigInt(BigInt(t.lines));
    appender.appendDouble(t.quantity);
    appender.appendDouble(t.amount);
    if (t.profit === null) appender.appendNull();
    else appender.appendDouble(t.profit);
    appender.endRow();
  }
  appender.closeSync();
}

/** Published + quarantined lines per cell, profit back in the source's unit (needs `clean` and `fx`, facts.ts). */
function runTotalsSql(reading: ProfitReading | null): string {
  const rate = '(SELECT rate FROM fx WHERE fx.currency = f.currency)';
  const profit = reading?.reading === 'line' ? `f.profit / ${rate}` : 'f.profit';
  const num = (c: string) => `TRY_CAST(clean(${c}) AS DOUBLE)`;
  return `
    SELECT market, month, currency, sum(lines) AS lines, sum(quantity) AS quantity, sum(amount) AS amount,
      sum(profit) AS profit
    FROM (
      SELECT f.market_code AS market, strftime(make_date(f.y, f.m, 1), '%Y-%m') AS month, f.currency, f.lines,
        f.quantity, f.amount, ${profit} AS profit
      FROM (SELECT market_code, year(order_date) AS y, month(order_date) AS m, currency, count(*) AS lines,
              sum(sales_qty) AS quantity, sum(sales_amount) AS amount, sum(profit) AS profit
            FROM fact_sales GROUP BY ALL) f
      UNION ALL
      SELECT clean(market_code),
        CASE WHEN regexp_full_match(clean(order_date), '\\d{4}-\\d{2}-\\d{2}') THEN left(clean(order_date), 7) END,
        upper(clean(currency)), count(*), sum(${num('sales_qty')}), sum(${num('sales_amount')}),
        sum(${num('profit_margin')})
      FROM rejects GROUP BY ALL)
    GROUP BY ALL`;
}

const label = (c: Cell) => `${c.market ?? '(no market)'} ${c.month ?? '(no date)'} ${c.currency ?? '(no currency)'}`;
const show = (n: number | null) => (n === null ? 'none' : String(Math.round(n * 100) / 100));

/**
 * Compares and returns the manifest's account, or throws naming the cells that differ (a few, then "and N more").
 * `withProfit`: compare profit too (the source summed profit_margin).
 */
export async function reconcile(
  db: DuckDBConnection,
  totals: readonly SourceTotal[],
  withProfit: boolean,
  reading: ProfitReading | null,
): Promise<Reconciliation> {
  await loadTotals(db, totals);
  const cols = MEASURES.map((m) => `s.${m} AS src_${m}, r.${m} AS run_${m}`).join(', ');
  const keys = ['market', 'month', 'currency'];
  const reader = await db.runAndReadAll(`
    WITH src AS (
      SELECT clean(market) AS market, month, upper(clean(currency)) AS currency, sum(lines) AS lines,
        sum(quantity) AS quantity, sum(amount) AS amount, sum(profit) AS profit
      FROM t_source_totals GROUP BY ALL),
    run AS (${runTotalsSql(reading)})
    SELECT ${keys.map((k) => `coalesce(s.${k}, r.${k}) AS ${k}`).join(', ')}, ${cols}
    FROM src s FULL OUTER JOIN run r ON ${keys.map((k) => `s.${k} IS NOT DISTINCT FROM r.${k}`).join(' AND ')}
    ORDER BY ALL`);
  const cells = (reader.getRowObjectsJS() as Cell[]).map((c) => {
    for (const m of MEASURES) {
      for (const side of ['src', 'run'] as const) {
        const v = c[`${side}_${m}`];
        c[`${side}_${m}`] = v === null ? (m === 'profit' ? null : 0) : Number(v);
      }
    }
    return c;
  });
  const compared = withProfit ? MEASURES : MEASURES.filter((m) => m !== 'profit');
  const differs = cells.flatMap((c) => {
    const off = compared.filter((m) => !same(c[`src_${m}`] ?? 0, c[`run_${m}`] ?? 0));
    return off.length
      ? [`${label(c)}: ${off.map((m) => `${m} ${show(c[`src_${m}`])} ≠ ${show(c[`run_${m}`])}`).join(', ')}`]
      : [];
  });
  if (differs.length > 0) {
    const more = differs.length > 3 ? `; and ${differs.length - 3} more` : '';
    throw new EtlError(
      `the extract does not reconcile with the source in ${differs.length} of ${cells.length} market × month × currency cells (source ≠ published + quarantined): ${differs.slice(0, 3).join('; ')}${more}`,
      { phase: 'verify' },
    );
  }
  const byCurrency = (m: 'amount' | 'profit') => {
    const sums: Record<string, number> = {};
    for (const c of cells) sums[c.currency ?? ''] = (sums[c.currency ?? ''] ?? 0) + (c[`src_${m}`] ?? 0);
    return sums;
  };
  return {
    status: 'matched',
    cells: cells.length,
    lines: cells.reduce((n, c) => n + (c.src_lines ?? 0), 0),
    quantity: cells.reduce((n, c) => n + (c.src_quantity ?? 0), 0),
    amount: byCurrency('amount'),
    ...(withProfit ? { profit: byCurrency('profit') } : {}),
  };
}

/**
 * A scope's account (publish/scope-build.ts): the source's figures for the lines the scope publishes and quarantines,
 * summed from them. Only the whole run can be compared with the source's cells (a scope may split a cell), and it
 * matched them all, so these are the source's own figures for the scope's lines; `cells` counts the cells they fall in.
 */
export async function scopeReconciliation(
  db: DuckDBConnection,
  withProfit: boolean,
  reading: ProfitReading | null,
): Promise<Reconciliation> {
  const reader = await db.runAndReadAll(`
    SELECT coalesce(currency, '') AS currency, count(*)::INTEGER AS cells, sum(lines)::DOUBLE AS lines,
      sum(quantity)::DOUBLE AS quantity, sum(amount)::DOUBLE AS amount, sum(profit)::DOUBLE AS profit
    FROM (${runTotalsSql(reading)}) GROUP BY ALL ORDER BY ALL`);
  const rows = reader.getRowObjectsJS() as {
    currency: string;
    cells: number;
    lines: number;
    quantity: number;
    amount: number | null;
    profit: number | null;
  }[];
  const byCurrency = (m: 'amount' | 'profit') => Object.fromEntries(rows.map((r) => [r.currency, r[m] ?? 0]));
  return {
    status: 'matched',
    cells: rows.reduce((n, r) => n + r.cells, 0),
    lines: rows.reduce((n, r) => n + r.lines, 0),
    quantity: rows.reduce((n, r) => n + (r.quantity ?? 0), 0),
    amount: byCurrency('amount'),
    ...(withProfit ? { profit: byCurrency('profit') } : {}),
  };
}
