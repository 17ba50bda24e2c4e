import type { DuckDBConnection } from '@duckdb/node-api';
import type { CleaningRules } from '../config.ts';
import { columnList, createTableSql } from '../contract-ddl.ts';
import { sqlString } from '../sql-literal.ts';
import { DUPLICATE_KEY, findDuplicates } from './duplicates.ts';
import { decideProfitReading, FITS_LINE, FITS_REPORTING, type ProfitReading } from './profit-reading.ts';

/** What `clean` trims off source text: spaces, tabs and the feed's stray carriage returns and line feeds. */
export const STRAY_CHARS = 'chr(32) || chr(9) || chr(13) || chr(10)';

/** Holds the number of staged transactions (`n`) once buildFacts has consumed `stg_transactions`. */
export const STAGED_COUNT_TABLE = 't_staged_count';

/**
 * Turns `stg_transactions` into `fact_sales` and `rejects`. Every staged row ends up in exactly one of them:
 * rules are checked in a fixed order and the first one that fails names the reject reason. With profit columns,
 * returns how they were read (see profit-reading.ts; `previous`: the reading of the snapshot months are copied from).
 * Leaves the temp table `fx` (currency, rate) for later checks.
 */
export async function buildFacts(
  db: DuckDBConnection,
  rules: CleaningRules,
  withProfit: boolean,
  previous?: Parameters<typeof decideProfitReading>[2],
): Promise<ProfitReading | null> {
  await db.run('CREATE OR REPLACE TEMP TABLE fx (currency VARCHAR PRIMARY KEY, rate DOUBLE NOT NULL)');
  for (const [currency, rate] of Object.entries(rules.fxRates)) {
    await db.run('INSERT INTO fx VALUES ($1, $2)', [currency.toUpperCase(), rate]);
  }
  // `clean` strips the stray spaces and carriage returns the source carries (e.g. 'INR\r'); '' becomes NULL.
  // trim() with a character list costs ~200 ns a value, so only values that start or end with one of them (or
  // are empty) go through it: the prefix/suffix tests are a tenth of that, and most values are already clean.
  const edges = ['32', '9', '13', '10'].flatMap((c) => [`prefix(s, chr(${c}))`, `suffix(s, chr(${c}))`]).join(' OR ');
  await db.run(`CREATE OR REPLACE TEMP MACRO clean(s) AS
    CASE WHEN s = '' OR ${edges} THEN nullif(trim(s, ${STRAY_CHARS}), '') ELSE s END`);

  // The rate as a CASE over the (two or three) currencies: a join with `fx` cost a hash probe per line.
  const fx = (await db.runAndReadAll('SELECT currency, rate FROM fx ORDER BY currency')).getRowsJS() as [
    string,
    number,
  ][];
  const rate = fx.length
    ? `CASE v_currency ${fx.map(([c, r]) => `WHEN ${sqlString(c)} THEN ${sqlString(String(r))}::DOUBLE`).join(' ')} END`
    : 'NULL::DOUBLE';
  // Profit and cost as the source has them: their unit is decided below, from the lines themselves.
  const profit = withProfit
    ? `TRY_CAST(clean(s.profit_margin) AS DOUBLE) AS v_profit, TRY_CAST(clean(s.cost_price) AS DOUBLE) AS v_cost,
       ${FITS_REPORTING} AS fits_reporting, ${FITS_LINE} AS fits_line`
    : 'NULL::DOUBLE AS v_profit, NULL::DOUBLE AS v_cost, true AS fits_reporting, true AS fits_line';
  // Only the parsed values go into the working table; rejects fetch their original text back by `_row`. Carrying
  // every raw column through made a 1M-row run spill. `h` hashes the duplicate key of the lines that pass every
  // other rule (see duplicates.ts).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE t_checked AS
    SELECT *, CASE WHEN reason IS NULL THEN hash(${DUPLICATE_KEY}) END AS h FROM (
      SELECT s._row,
        clean(s.product_code) AS k_product,
        clean(s.customer_code) AS k_customer,
        clean(s.market_code) AS k_market,
        TRY_CAST(clean(s.order_date) AS DATE) AS v_date,
        TRY_CAST(clean(s.sales_qty) AS INTEGER) AS v_qty,
        TRY_CAST(clean(s.sales_amount) AS DOUBLE) AS v_amount,
        upper(clean(s.currency)) AS v_currency,
        s.currency = v_currency AS v_currency_was_clean,
        ${rate} AS v_rate,
        ${profit},
        CASE
          WHEN k_product IS NULL OR k_customer IS NULL OR k_market IS NULL THEN 'missing_code'
          WHEN v_date IS NULL THEN 'invalid_date'
          WHEN v_qty IS NULL OR v_qty <= 0 THEN 'invalid_quantity'
          WHEN ${rules.rejectNonPositiveAmounts ? 'v_amount IS NULL OR v_amount <= 0' : 'v_amount IS NULL'}
            THEN 'non_positive_amount'
          WHEN v_rate IS NULL THEN 'unknown_currency'
        END AS reason
      FROM stg_transactions s)`);
  const reading = withProfit ? await decideProfitReading(db, rules, previous) : null;
  if (reading && rules.rejectInconsistentProfit) {
    // Rare (none in the Atliq dumps): an update of the few lines beats a second pass over every line.
    await db.run(`UPDATE t_checked SET reason = 'inconsistent_profit', h = NULL
      WHERE reason IS NULL AND NOT fits_${reading.reading}`);
  }
  if (rules.rejectDuplicates) await findDuplicates(db);
  else await db.run('CREATE OR REPLACE TEMP TABLE t_duplicates (_row INTEGER)');

  const toInr = reading?.reading === 'line' ? 'v_rate' : '1';
  await db.run(createTableSql('fact_sales'));
  await db.run(`
    INSERT INTO fact_sales (${columnList('fact_sales')})
    SELECT v_date, k_market, k_customer, k_product, v_qty, v_amount * v_rate, v_currency, v_amount,
      v_profit * ${toInr}, v_cost * ${toInr}
    FROM t_checked WHERE reason IS NULL AND _row NOT IN (SELECT _row FROM t_duplicates)
    ORDER BY v_date, k_market, k_customer, k_product`);

  // The rejected lines' numbers first, as a table: the join below then knows they are few (~1 %) and builds its
  // hash table on them, streaming the staged rows past it. Joined as a subquery, the planner guessed it large and
  // at 10M rows ran out of a 96 MB memory limit.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE t_rejected AS
    SELECT _row, reason FROM t_checked WHERE reason IS NOT NULL
    UNION ALL SELECT _row, 'duplicate' FROM t_duplicates`);
  await db.run(createTableSql('rejects'));
  await db.run(`
    INSERT INTO rejects (${columnList('rejects')})
    SELECT f.reason, 'transactions', s.product_code, s.customer_code, s.market_code, s.order_date, s.sales_qty,
      s.sales_amount, s.currency,
      ${withProfit ? 's.profit_margin_percentage, s.profit_margin, s.cost_price' : 'NULL, NULL, NULL'}
    FROM t_rejected f JOIN stg_transactions s USING (_row) ORDER BY _row`);
  // The staged rows are not read again: only their count, for the quality report. Dropping them leaves the
  // memory limit to the steps that follow instead of spilling fact_sales to disk at 10M rows.
  await db.run(`CREATE OR REPLACE TEMP TABLE ${STAGED_COUNT_TABLE} AS SELECT count(*) AS n FROM stg_transactions`);
  await db.run('DROP TABLE stg_transactions');
  await db.run('DROP TABLE t_checked');
  await db.run('DROP TABLE t_duplicates');
  await db.run('DROP TABLE t_rejected');
  return reading;
}
