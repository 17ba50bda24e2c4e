import type { SourceTotal } from './source.ts';

/**
 * The source's own totals of `transactions` by market, month and currency: one aggregate scan on the server.
 * Grouped on the stored bytes (`CAST … AS BINARY`): a case-insensitive, PAD SPACE collation would merge 'Mark001'
 * with 'mark001' or 'INR' with 'INR ', which the ETL publishes apart. Every member of a group is then byte-equal, so
 * MIN() returns it (MySQL 8's ONLY_FULL_GROUP_BY refuses the bare column). The month as a number (202003) and no
 * sorting of the groups: grouping is most of the scan's cost, and that cut its server CPU by ~10–30 % at 1M rows
 * against DATE_FORMAT (measured, see README "Benchmarks"). mysql2 hands a DECIMAL sum (of an INT or DECIMAL column)
 * over as exact text, a DOUBLE one as a number.
 */
export function totalsSql(withProfit: boolean): string {
  return `SELECT MIN(market_code) AS market, EXTRACT(YEAR_MONTH FROM order_date) AS month, MIN(currency) AS currency,
      COUNT(*) AS n, SUM(sales_qty) AS qty, SUM(sales_amount) AS amount,
      ${withProfit ? 'SUM(profit_margin)' : 'NULL'} AS profit
    FROM transactions
    GROUP BY CAST(market_code AS BINARY), month, CAST(currency AS BINARY) ORDER BY NULL`;
}

interface TotalsRow {
  market: string | null;
  month: number | string | null;
  currency: string | null;
  n: number | string;
  qty: number | string | null;
  amount: number | string | null;
  profit: number | string | null;
}

/** 202003 → '2020-03' (a zero date's 0 → '0000-00', as DATE_FORMAT and the ETL's reading of its text have it). */
const monthText = (ym: number | string | null): string | null => {
  if (ym === null) return null;
  const digits = String(ym).padStart(6, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
};

/** A group's sums as numbers; SUM over only NULLs is NULL, which adds nothing: 0. */
export function totalsFromRows(rows: readonly unknown[], withProfit: boolean): SourceTotal[] {
  return (rows as TotalsRow[]).map((r) => ({
    market: r.market,
    month: monthText(r.month),
    currency: r.currency,
    lines: Number(r.n),
    quantity: Number(r.qty ?? 0),
    amount: Number(r.amount ?? 0),
    profit: withProfit ? Number(r.profit ?? 0) : null,
  }));
}
