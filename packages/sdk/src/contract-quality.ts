import type { RejectReason } from './contract.ts';

/**
 * The manifest's `quality` block: what happened to every source row, and the checks a run made before publishing.
 * Part of the extract contract (re-exported by contract.ts, where readers import it from).
 */

export interface QualityReport {
  rows_read: number;
  rows_published: number;
  rows_rejected: number;
  rejected_by_reason: Partial<Record<RejectReason, number>>;
  /** Codes referenced by facts that the dimension tables lack, with the revenue (INR) booked on them. */
  unknown_members: { dimension: 'market' | 'customer' | 'product'; code: string; rows: number; revenue: number }[];
  /*
   * The fields below were added within contract version 1: manifests of older ETL versions lack them, so they
   * are optional for readers (the validator checks them when present). The ETL always writes them.
   */
  /**
   * Completeness by market × month: for each market with published rows, the months (`YYYY-MM`) between the
   * snapshot's first and last order month in which it has none. Markets without a gap are left out.
   */
  missing_months?: { market_code: string; market_name: string; months: string[] }[];
  /** Market names the source lists under more than one code; charts that group by name add them together. */
  duplicate_market_names?: { name: string; codes: string[] }[];
  /** What the run let through but people should know, e.g. `schema: unexpected new column …` (drift policy warn). */
  warnings?: string[];
  /** The check that profit + cost = amount on every line; absent when the source has no profit columns. */
  profit_check?: ProfitCheck;
  /** The run's totals against the source's own; absent in manifests written before it existed. */
  reconciliation?: Reconciliation;
}

/**
 * What the source itself counted and summed inside the run's snapshot, by market × month × currency, against the
 * run's published + quarantined lines. A run whose totals differ is not published, so `matched` is the only outcome
 * a manifest carries besides `off` (`--reconcile off`) and `unavailable` (a source that cannot compute its totals).
 * The figures are the source's: every line, quarantined ones included; money in each line's own currency (the
 * empty key: lines without a currency), profit in the unit of `profit_check.reading`.
 */
export interface Reconciliation {
  status: 'matched' | 'off' | 'unavailable';
  /** Market × month × currency cells compared. */
  cells?: number;
  lines?: number;
  quantity?: number;
  amount?: Record<string, number>;
  /** Sum of the source's profit_margin by currency; absent without profit columns. */
  profit?: Record<string, number>;
}

/**
 * How the profit columns were read and checked. `reading`: `reporting` — profit and cost are in the reporting
 * currency on every line (published as they are); `line` — in the line's currency (converted with fx_rates).
 * `basis`: `configured` (profit_currency in the ETL config), `detected` (lines in another currency fit only this
 * reading), `undetermined` (no line told the readings apart; both publish the same figures).
 */
export interface ProfitCheck {
  reading: 'reporting' | 'line';
  basis: 'configured' | 'detected' | 'undetermined';
  /** Published lines plus those quarantined as `inconsistent_profit`. */
  lines_checked: number;
  /** Published lines whose profit + cost equal their revenue to 0.01 (in the unit of the reading). */
  lines_consistent: number;
}
