import type { DuckDBConnection } from '@duckdb/node-api';
import type { CleaningRules } from '../config.ts';
import { columnList, createTableSql } from '../contract-ddl.ts';

/** What `clean` trims off source text: spaces, tabs and the feed's stray carriage returns and line feeds. */
export const STRAY_CHARS = 'chr(32) || chr(9) || chr(13) || chr(10)';

/**
 * Turns `stg_transactions` into `fact_sales` and `rejects`. Every staged row ends up in exactly one of them:
 * rules are checked in a fixed order and the first one that fails names the reject reason.
 */
export async function buildFacts(db: DuckDBConnection, rules: CleaningRules, withProfit: boolean): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE fx (currency VARCHAR PRIMARY KEY, rate DOUBLE NOT NULL)');
  for (const [currency, rate] of Object.entries(rules.fxRates)) {
    await db.run('INSERT INTO fx VALUES ($1, $2)', [currency.toUpperCase(), rate]);
  }
  // `clean` strips the stray spaces and carriage returns the source carries (e.g. 'INR\r'); '' becomes NULL.
  await db.run(`CREATE OR REPLACE TEMP MACRO clean(s) AS nullif(trim(s, ${STRAY_CHARS}), '')`);

  const profit = withProfit
    ? 'TRY_CAST(clean(s.profit_margin) AS DOUBLE) * fx.rate AS v_profit, TRY_CAST(clean(s.cost_price) AS DOUBLE) * fx.rate AS v_cost'
    : 'NULL::DOUBLE AS v_profit, NULL::DOUBLE AS v_cost';
  // Only the parsed values go into the working table; rejects fetch their original text back by `_row`. Carrying
  // every raw column through the window doubled the memory of this step and made a 1M-row run spill.
  const checked = `
    SELECT s._row,
      clean(s.product_code) AS k_product,
      clean(s.customer_code) AS k_customer,
      clean(s.market_code) AS k_market,
      TRY_CAST(clean(s.order_date) AS DATE) AS v_date,
      TRY_CAST(clean(s.sales_qty) AS INTEGER) AS v_qty,
      TRY_CAST(clean(s.sales_amount) AS DOUBLE) AS v_amount,
      upper(clean(s.currency)) AS v_currency,
      s.currency = v_currency AS v_currency_was_clean,
      fx.rate AS v_rate,
      ${profit},
      CASE
        WHEN k_product IS NULL OR k_customer IS NULL OR k_market IS NULL THEN 'missing_code'
        WHEN v_date IS NULL THEN 'invalid_date'
        WHEN v_qty IS NULL OR v_qty <= 0 THEN 'invalid_quantity'
        WHEN ${rules.rejectNonPositiveAmounts ? 'v_amount IS NULL OR v_amount <= 0' : 'v_amount IS NULL'}
          THEN 'non_positive_amount'
        WHEN v_rate IS NULL THEN 'unknown_currency'
      END AS reason
    FROM stg_transactions s LEFT JOIN fx ON fx.currency = upper(clean(s.currency))`;

  // Of identical rows the one whose raw currency still carries the feed's control characters is kept:
  // the reference cleaning keeps 'INR\r' lines and drops their clean-looking 'INR' twins.
  const duplicate = rules.rejectDuplicates
    ? `WHEN reason IS NULL AND row_number() OVER (
         PARTITION BY reason IS NULL, k_product, k_customer, k_market, v_date, v_qty, v_amount, v_currency, v_profit, v_cost
         ORDER BY v_currency_was_clean, _row) > 1 THEN 'duplicate'`
    : '';
  await db.run(`
    CREATE OR REPLACE TEMP TABLE t_final AS
    SELECT * EXCLUDE (reason, v_currency_was_clean), CASE ${duplicate} WHEN true THEN reason END AS final_reason
    FROM (${checked})`);

  await db.run(createTableSql('fact_sales'));
  await db.run(`
    INSERT INTO fact_sales (${columnList('fact_sales')})
    SELECT v_date, k_market, k_customer, k_product, v_qty, v_amount * v_rate, v_currency, v_amount, v_profit, v_cost
    FROM t_final WHERE final_reason IS NULL
    ORDER BY v_date, k_market, k_customer, k_product`);

  await db.run(createTableSql('rejects'));
  await db.run(`
    INSERT INTO rejects (${columnList('rejects')})
    SELECT f.final_reason, 'transactions', s.product_code, s.customer_code, s.market_code, s.order_date, s.sales_qty,
      s.sales_amount, s.currency
    FROM t_final f JOIN stg_transactions s USING (_row) WHERE f.final_reason IS NOT NULL ORDER BY _row`);
  await db.run('DROP TABLE t_final');
}
