import type { SourceTotal } from './source.ts';

/**
 * The source's own totals of `transactions` by market, month and currency: one aggregate scan on the server.
 * Grouped on the stored bytes (`CAST … AS BINARY`): a case-insensitive, PAD SPACE collation would merge 'Mark001'
 * with 'mark001' or 'INR' with 'INR ', which the ETL publishes apart. Every member of a group is then byte-equal, so
 * MIN() returns it (MySQL 8's ONLY_FULL_GROUP_BY refuses the bare column). The month is the one the incremental
 * fingerprints use. mysql2 hands a DECIMAL sum (of an INT or DECIMAL column) over as exact text, a DOUBLE one as a
 * number.
 */
export function totalsSql(withProfit: boolean): string {
  return `SELECT MIN(market_code) AS market, DATE_FORMAT(order_date, '%Y-%m') AS month, MIN(currency) AS currency,
      COUNT(*) AS n, SUM(sales_qty) AS qty, SUM(sales_amount) AS amount,
      ${withProfit ? 'SUM(profit_margin)' : 'NULL'} AS profit
    FROM transactions
    GROUP BY CAST(market_code AS BINARY), month, CAST(currency AS BINARY)`;
}

interface TotalsRow {
  market: string | null;
  month: string | null;
  currency: string | null;
  n: number | string;
  qty: number | string | null;
  amount: number | string | null;
  profit: number | string | null;
}

/** A group's sums as numbers; SUM over only NULLs is NULL, which adds nothing: 0. */
export function totalsFromRows(rows: readonly unknown[], withProfit: boolean): SourceTotal[] {
  return (rows as TotalsRow[]).map((r) => ({
    market: r.market,
    month: r.month,
    currency: r.currency,
    lines: Number(r.n),
    quantity: Number(r.qty ?? 0),
    amount: Number(r.amount ?? 0),
    profit: withProfit ? Number(r.profit ?? 0) : null,
  }));
}
