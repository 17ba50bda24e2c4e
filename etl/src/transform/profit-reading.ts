import type { ProfitCheck } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CleaningRules, ProfitCurrency } from '../config.ts';
import { EtlError } from '../errors.ts';

/**
 * The unit of `profit_margin` and `cost_price` is read from the data, not assumed: on every line profit + cost must
 * equal the amount, either in the line's currency (`line`) or converted into the reporting currency (`reporting`).
 * Lines whose rate is 1 fit both readings or neither; a line in another currency fits at most one, and decides.
 */
export interface ProfitReading {
  reading: ProfitCurrency;
  basis: ProfitCheck['basis'];
}

/**
 * `a` and `b` equal to one paisa (0.01 in their unit). The relative slack absorbs the float error of adding two
 * doubles (a difference of exactly 0.01 computes as 0.010000000000005), far below a paisa for any real amount.
 */
export const withinPaisa = (a: string, b: string): string =>
  `coalesce(abs((${a}) - (${b})) <= 0.01 + 1e-12 * (abs(${a}) + abs(${b})), false)`;

/** `t_checked` columns (see facts.ts): whether a line's raw profit + cost fit each reading. */
export const FITS_REPORTING = withinPaisa('v_profit + v_cost', 'v_amount * v_rate');
export const FITS_LINE = withinPaisa('v_profit + v_cost', 'v_amount');

const NAMES: Record<ProfitCurrency, string> = {
  reporting: 'the reporting currency',
  line: "the line's currency",
};

/**
 * Decides the reading from the lines of `t_checked` that passed every earlier rule: the configured one must not be
 * contradicted, a detected one must be the only one lines fit. `previous` is the reading of the snapshot an
 * incremental run copies months from: its published profit was computed with it, so this run must agree.
 */
export async function decideProfitReading(
  db: DuckDBConnection,
  rules: CleaningRules,
  previous?: { snapshotId: string; reading: ProfitReading },
): Promise<ProfitReading> {
  const reader = await db.runAndReadAll(`
    SELECT count(*) FILTER (fits_reporting AND NOT fits_line)::INTEGER,
           count(*) FILTER (fits_line AND NOT fits_reporting)::INTEGER
    FROM t_checked WHERE reason IS NULL AND v_rate <> 1`);
  const [reporting, line] = reader.getRowsJS()[0] as [number, number];
  const counts = `profit + cost = amount holds in the reporting currency on ${reporting} lines and in the line's currency on ${line}`;
  const fail = (message: string): never => {
    throw new EtlError(message, { phase: 'verify' });
  };
  const configured = rules.profitCurrency;
  if (configured) {
    if ((configured === 'reporting' ? line : reporting) > 0) {
      fail(`profit_currency is "${configured}" but the data contradicts it: ${counts}`);
    }
    return { reading: configured, basis: 'configured' };
  }
  if (reporting > 0 && line > 0) {
    fail(`the profit columns mix units: ${counts}; nothing can be published until the source agrees on one`);
  }
  const detected: ProfitCurrency | null = reporting > 0 ? 'reporting' : line > 0 ? 'line' : null;
  const before = previous?.reading;
  if (detected && before && before.basis !== 'undetermined' && before.reading !== detected) {
    fail(
      `the profit columns are now in ${NAMES[detected]} (${counts}) but snapshot ${previous.snapshotId} read them in ${NAMES[before.reading]}: run with --mode full`,
    );
  }
  if (detected) return { reading: detected, basis: 'detected' };
  // No line tells the readings apart; an earlier run that could still holds for the months copied from it.
  return before ?? { reading: 'reporting', basis: 'undetermined' };
}

/**
 * Counts, over the whole snapshot (months copied from a previous one included), the lines checked and the
 * published lines whose profit + cost equal their revenue: an account of what is published, not of the decision.
 * Needs the run's `fx` table (see facts.ts).
 */
export async function profitCheck(db: DuckDBConnection, reading: ProfitReading): Promise<ProfitCheck> {
  // Published money is in INR: a paisa of the line's currency is worth its rate in INR.
  const unit = reading.reading === 'line' ? '(SELECT rate FROM fx WHERE fx.currency = fact_sales.currency)' : '1';
  const reader = await db.runAndReadAll(`
    SELECT (SELECT count(*) FROM fact_sales)::INTEGER
             + (SELECT count(*) FROM rejects WHERE reason = 'inconsistent_profit')::INTEGER,
           (SELECT count(*) FROM fact_sales
             WHERE ${withinPaisa(`(profit + cost) / ${unit}`, `revenue / ${unit}`)})::INTEGER`);
  const [checked, consistent] = reader.getRowsJS()[0] as [number, number];
  return { ...reading, lines_checked: checked, lines_consistent: consistent };
}
