/**
 * The two sides of the real-data acceptance test: the reference cleaning written directly in MySQL against the
 * source, and the same figures read back from a published `sales.duckdb`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type mysql from 'mysql2/promise';

export interface Figure {
  key: string;
  revenue: number;
  /** Sum of profit, INR; null without profit columns. */
  profit: number | null;
}

const CUR = "TRIM(BOTH '\\r' FROM currency)";

/** Reject reason of a source row, in the ETL's order (the first failing rule names it); NULL when it is clean. */
const REASON = `CASE
  WHEN NULLIF(TRIM(product_code), '') IS NULL OR NULLIF(TRIM(customer_code), '') IS NULL
    OR NULLIF(TRIM(market_code), '') IS NULL THEN 'missing_code'
  WHEN order_date IS NULL THEN 'invalid_date'
  WHEN sales_qty IS NULL OR sales_qty <= 0 THEN 'invalid_quantity'
  WHEN sales_amount IS NULL OR sales_amount <= 0 THEN 'non_positive_amount'
  WHEN ${CUR} NOT IN ('INR', 'USD') THEN 'unknown_currency'
END`;

/**
 * Clean rows with exact twins counted once (the ETL's duplicate key: every published value). The dump stores
 * profit_margin in INR on every line (a 500 USD line has profit 11625 at margin 0.31): it is summed as it is.
 */
const clean = (profit: boolean) => `
  SELECT DISTINCT product_code, customer_code, market_code, order_date, sales_qty, sales_amount, ${CUR} AS cur,
    sales_amount * IF(${CUR} = 'USD', 75, 1) AS inr
    ${profit ? ', profit_margin AS profit, cost_price' : ''}
  FROM transactions WHERE ${REASON} IS NULL`;

async function select<T>(conn: mysql.Connection, sql: string): Promise<T[]> {
  return (await conn.query(sql))[0] as T[];
}

/** Sorted by key in JS: MySQL's collation and DuckDB order names differently. */
const byKey = (rows: { key: string; revenue: unknown; profit?: unknown }[]): Figure[] =>
  rows
    .map((r) => ({ key: r.key, revenue: Number(r.revenue), profit: r.profit == null ? null : Number(r.profit) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export async function sourceTruth(conn: mysql.Connection, profit: boolean) {
  // Materialised once per session: every figure below reads the same clean rows.
  await conn.query('SET SESSION group_concat_max_len = 1000000');
  await conn.query('DROP TEMPORARY TABLE IF EXISTS truth_clean');
  await conn.query(`CREATE TEMPORARY TABLE truth_clean AS ${clean(profit)}`);
  const c = 'truth_clean c';
  const [counts] = await select<{ read: number; clean: number; published: number; revenue: number; profit: number }>(
    conn,
    `SELECT (SELECT COUNT(*) FROM transactions) AS \`read\`, (SELECT COUNT(*) FROM transactions WHERE ${REASON} IS NULL) AS clean,
       COUNT(*) AS published, SUM(inr) AS revenue, ${profit ? 'SUM(profit)' : 'NULL'} AS profit FROM ${c}`,
  );
  // Lines whose INR profit + cost equal their INR amount to the paisa (the 1e-6 absorbs float error).
  const [consistent] = profit
    ? await select<{ n: number }>(
        conn,
        `SELECT COUNT(*) AS n FROM ${c} WHERE ABS(profit + cost_price - inr) <= 0.01 + 1e-6`,
      )
    : [{ n: 0 }];
  const reasons = await select<{ reason: string; n: number }>(
    conn,
    `SELECT ${REASON} AS reason, COUNT(*) AS n FROM transactions GROUP BY 1 HAVING reason IS NOT NULL`,
  );
  const duplicates = Number(counts!.clean) - Number(counts!.published);
  const rejectedByReason = Object.fromEntries([
    ...reasons.map((r) => [r.reason, Number(r.n)]),
    ...(duplicates > 0 ? [['duplicate', duplicates]] : []),
  ]);
  const byMarket = await select<Figure>(
    conn,
    `SELECT m.markets_name AS \`key\`, SUM(c.inr) AS revenue, ${profit ? 'SUM(c.profit)' : 'NULL'} AS profit
     FROM ${c} JOIN markets m ON m.markets_code = c.market_code
     GROUP BY m.markets_name ORDER BY 1`,
  );
  const byCustomer = await select<Figure>(
    conn,
    `SELECT CONCAT(c.customer_code, ' ', cu.custmer_name) AS \`key\`, SUM(c.inr) AS revenue FROM ${c}
     JOIN customers cu USING (customer_code) GROUP BY 1 ORDER BY 1`,
  );
  const [unknown] = await select<{ codes: string | null; n: number; revenue: number | null }>(
    conn,
    `SELECT GROUP_CONCAT(DISTINCT c.product_code ORDER BY c.product_code) AS codes, COUNT(*) AS n, SUM(c.inr) AS revenue
     FROM ${c} WHERE c.product_code NOT IN (SELECT product_code FROM products)`,
  );
  const duplicateNames = await select<{ name: string; codes: string }>(
    conn,
    `SELECT markets_name AS name, GROUP_CONCAT(markets_code ORDER BY markets_code) AS codes FROM markets
     GROUP BY markets_name HAVING COUNT(*) > 1 ORDER BY 1`,
  );
  // Completeness: every market with data × every month of the covered range, minus the cells that have rows.
  const [gaps] = await select<{ missing: number }>(
    conn,
    `SELECT COUNT(DISTINCT market_code) * (PERIOD_DIFF(DATE_FORMAT(MAX(order_date), '%Y%m'),
       DATE_FORMAT(MIN(order_date), '%Y%m')) + 1) - COUNT(DISTINCT market_code, DATE_FORMAT(order_date, '%Y-%m'))
       AS missing FROM ${c}`,
  );
  // What every line of the source adds up to, quarantined ones included, for the reconciliation.
  const sums = await select<{ cur: string; n: number; qty: string; amount: number; profit: number | null }>(
    conn,
    `SELECT ${CUR} AS cur, COUNT(*) AS n, SUM(sales_qty) AS qty, SUM(sales_amount) AS amount,
       ${profit ? 'SUM(profit_margin)' : 'NULL'} AS profit FROM transactions GROUP BY cur`,
  );
  const [cells] = await select<{ n: number }>(
    conn,
    `SELECT COUNT(*) AS n FROM (SELECT DISTINCT market_code, DATE_FORMAT(order_date, '%Y-%m'), ${CUR}
     FROM transactions) c`,
  );
  return {
    sourceTotals: {
      cells: Number(cells!.n),
      quantity: sums.reduce((n, c) => n + Number(c.qty), 0),
      byCurrency: sums.map((c) => ({ ...c, n: Number(c.n), amount: Number(c.amount), profit: c.profit })),
    },
    read: Number(counts!.read),
    published: Number(counts!.published),
    revenue: Number(counts!.revenue),
    profit: profit ? Number(counts!.profit) : null,
    profitConsistentLines: Number(consistent!.n),
    rejectedByReason,
    byMarket: byKey(byMarket),
    byCustomer: byKey(byCustomer),
    unknownProducts: {
      codes: unknown?.codes ? unknown.codes.split(',').sort() : [],
      rows: Number(unknown?.n ?? 0),
      revenue: Number(unknown?.revenue ?? 0),
    },
    duplicateMarketNames: duplicateNames.map((d) => ({ name: d.name, codes: d.codes.split(',') })),
    missingMarketMonths: Number(gaps!.missing),
  };
}

/** The same figures from the published browser database. */
export async function publishedRows(dbFile: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const rows = async <T>(sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS() as T[];
  try {
    await c.run(`ATTACH '${dbFile}' AS x (READ_ONLY)`);
    const [totals] = await rows<{ n: bigint; revenue: number; profit: number | null }>(
      'SELECT count(*) AS n, sum(revenue) AS revenue, sum(profit) AS profit FROM x.fact_sales',
    );
    const byMarket = await rows<Figure>(
      `SELECT m.market_name AS key, sum(f.revenue) AS revenue, sum(f.profit) AS profit
       FROM x.fact_sales f JOIN x.dim_market m USING (market_code) GROUP BY 1`,
    );
    const byCustomer = await rows<Figure>(
      `SELECT customer_code || ' ' || c.customer_name AS key, sum(f.revenue) AS revenue FROM x.fact_sales f
       JOIN x.dim_customer c USING (customer_code) GROUP BY 1 ORDER BY 1`,
    );
    return {
      rows: Number(totals!.n),
      revenue: totals!.revenue,
      profit: totals!.profit,
      byMarket: byKey(byMarket),
      byCustomer: byKey(byCustomer),
    };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
