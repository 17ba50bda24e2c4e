import type { SourceTotal, SourceValue } from './source.ts';

/** A number the way a database sums it: NULL and text that is not a number add nothing. */
const numeric = (v: SourceValue): number => {
  const n = v === null || v === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : 0;
};

/** `YYYY-MM` of a date value; null, like the server's DATE_FORMAT, for anything that is not `YYYY-MM-DD`. */
const monthOf = (v: SourceValue): string | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.slice(0, 7) : null;

/**
 * The totals a database would compute for `SourceSnapshot.totals`, over rows held by a source without a server (the
 * sample generator, tests): grouped by the raw market, month and currency, summed in plain JavaScript — nothing of
 * the ETL's staging or cleaning is involved.
 */
export function totalsOf(
  batches: Iterable<SourceValue[][]>,
  columns: readonly string[],
  withProfit: boolean,
): SourceTotal[] {
  const at = (name: string) => columns.indexOf(name);
  const [market, date, currency, qty, amount, profit] = [
    'market_code',
    'order_date',
    'currency',
    'sales_qty',
    'sales_amount',
    'profit_margin',
  ].map(at) as [number, number, number, number, number, number];
  const cells = new Map<string, SourceTotal>();
  for (const batch of batches) {
    for (const row of batch) {
      const key = [row[market], monthOf(row[date]!), row[currency]] as (string | null)[];
      const id = JSON.stringify(key);
      let cell = cells.get(id);
      if (!cell) {
        cell = { market: key[0]!, month: key[1]!, currency: key[2]!, lines: 0, quantity: 0, amount: 0, profit: null };
        if (withProfit) cell.profit = 0;
        cells.set(id, cell);
      }
      cell.lines++;
      cell.quantity += numeric(row[qty]!);
      cell.amount += numeric(row[amount]!);
      if (withProfit) cell.profit! += numeric(row[profit]!);
    }
  }
  return [...cells.values()];
}
