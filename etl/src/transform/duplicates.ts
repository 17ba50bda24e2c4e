import type { DuckDBConnection } from '@duckdb/node-api';

/** The parsed values two lines must share to count as the same line. */
export const DUPLICATE_KEY = 'k_product, k_customer, k_market, v_date, v_qty, v_amount, v_currency, v_profit, v_cost';

/**
 * Fills `t_duplicates` with the `_row` of every clean line of `t_checked` that repeats an earlier one. Of
 * identical lines the one whose raw currency still carries the feed's control characters is kept: the reference
 * cleaning keeps 'INR\r' lines and drops their clean-looking 'INR' twins.
 *
 * A window over every line cost most of the transform (a sort of 1M rows by nine keys) although only ~0.2% of
 * lines have a twin. So lines are first grouped by a hash of their key (`t_checked.h`, NULL for rejected lines)
 * and only those whose hash occurs more than once go through the window, which then decides on the real values:
 * a hash collision costs a few extra rows in the window, never a wrong answer.
 */
export async function findDuplicates(db: DuckDBConnection): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE t_duplicates AS
    SELECT _row FROM (
      SELECT _row, row_number() OVER (PARTITION BY ${DUPLICATE_KEY} ORDER BY v_currency_was_clean, _row) AS n
      FROM t_checked
      WHERE h IN (SELECT h FROM t_checked WHERE h IS NOT NULL GROUP BY h HAVING count(*) > 1))
    WHERE n > 1`);
}
