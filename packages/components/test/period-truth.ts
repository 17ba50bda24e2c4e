import type { Connector } from '@atliq/sdk';

/** Revenue, quantity and profit of some days (profit null in an extract without it). */
export interface Sums {
  revenue: number;
  quantity: number;
  profit: number | null;
  /** Fact rows (the orders measure). */
  orders: number;
}

/** The like-for-like periods of an extract, as the KPI and the trend must compare them. */
export interface PeriodTruth {
  /** The first and the newest order day. */
  firstDay: string;
  lastDay: string;
  /** 1 January to the newest day, and the same days a year earlier. */
  ytd: { current: Sums; baseline: Sums };
  /** Revenue of the year to the newest day by market name, and by customer name (what a KPI shows when one is picked). */
  ytdByMarket: Record<string, number>;
  ytdByCustomer: Record<string, number>;
  /** The same for the same days a year earlier. */
  baselineByMarket: Record<string, number>;
  baselineByCustomer: Record<string, number>;
  /** The same from 1 April (an April–March fiscal year). */
  fiscalYtd: { current: Sums; baseline: Sums };
  /** The newest day's month to that day, and the same days of that month a year earlier. */
  monthToDate: { month: string; current: Sums; baseline: Sums };
  /** The newest year with every month, and the whole year before it. */
  lastFullYear: { year: number; current: Sums; baseline: Sums };
}

/**
 * Computes the like-for-like truth with DuckDB's own date arithmetic in SQL (`date_trunc`, `- INTERVAL 1 YEAR`)
 * over the published Parquet facts `facts` — nothing of the SDK's period model.
 */
export async function periodTruth(
  db: Connector,
  facts: string,
  dims: { market: string; customer: string },
): Promise<PeriodTruth> {
  const [bounds] = await db.query(
    `SELECT strftime(min(order_date), '%Y-%m-%d') AS first, strftime(max(order_date), '%Y-%m-%d') AS last FROM ${facts}`,
    [],
  );
  const last = String(bounds!.last);
  const sums = async (from: string, to: string): Promise<Sums> => {
    const [r] = await db.query(
      `SELECT coalesce(sum(revenue), 0) AS revenue, coalesce(sum(sales_qty), 0) AS quantity, sum(profit) AS profit,
         count(*) AS orders
       FROM ${facts} WHERE order_date BETWEEN (${from}) AND (${to})`,
      [],
    );
    return {
      revenue: Number(r!.revenue),
      quantity: Number(r!.quantity),
      profit: r!.profit === null ? null : Number(r!.profit),
      orders: Number(r!.orders),
    };
  };
  const day = `DATE '${last}'`;
  const april = `CASE WHEN month(${day}) >= 4 THEN make_date(year(${day}), 4, 1) ELSE make_date(year(${day}) - 1, 4, 1) END`;
  const year = Number(last.slice(0, 4)) - 1;
  const lastYear = `date_trunc('year', ${day}) - INTERVAL 1 YEAR AND ${day} - INTERVAL 1 YEAR`;
  const ytdBy = async (table: string, key: string, name: string, range = `date_trunc('year', ${day}) AND ${day}`) =>
    Object.fromEntries(
      (
        await db.query(
          `SELECT d.${name} AS name, sum(f.revenue) AS revenue FROM ${facts} f JOIN ${table} d USING (${key})
           WHERE f.order_date BETWEEN ${range} GROUP BY d.${name}`,
          [],
        )
      ).map((r) => [String(r.name), Number(r.revenue)]),
    );
  return {
    ytdByMarket: await ytdBy(dims.market, 'market_code', 'market_name'),
    ytdByCustomer: await ytdBy(dims.customer, 'customer_code', 'customer_name'),
    baselineByMarket: await ytdBy(dims.market, 'market_code', 'market_name', lastYear),
    baselineByCustomer: await ytdBy(dims.customer, 'customer_code', 'customer_name', lastYear),
    firstDay: String(bounds!.first),
    lastDay: last,
    ytd: {
      current: await sums(`date_trunc('year', ${day})`, day),
      baseline: await sums(`date_trunc('year', ${day}) - INTERVAL 1 YEAR`, `${day} - INTERVAL 1 YEAR`),
    },
    fiscalYtd: {
      current: await sums(april, day),
      baseline: await sums(`${april} - INTERVAL 1 YEAR`, `${day} - INTERVAL 1 YEAR`),
    },
    monthToDate: {
      month: last.slice(0, 7),
      current: await sums(`date_trunc('month', ${day})`, day),
      baseline: await sums(`date_trunc('month', ${day}) - INTERVAL 1 YEAR`, `${day} - INTERVAL 1 YEAR`),
    },
    lastFullYear: {
      year,
      current: await sums(`make_date(${year}, 1, 1)`, `make_date(${year}, 12, 31)`),
      baseline: await sums(`make_date(${year - 1}, 1, 1)`, `make_date(${year - 1}, 12, 31)`),
    },
  };
}
