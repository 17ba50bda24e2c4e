import type { SampleRows } from './sample-db.ts';

/** A small deterministic PRNG (mulberry32), so a failing comparison reproduces exactly. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKETS = [
  `'Mark001', 'Chennai', 'South', true`,
  `'Mark004', 'Delhi NCR', 'North', true`,
  `'Mark015', 'Delhi NCR', 'North', true`,
  `'Mark002', 'Mumbai', 'Central', true`,
  `'Mark097', 'New York', NULL, true`,
];
const CUSTOMERS = [
  `'Cus001', 'Atliq Exclusive', 'Brick & Mortar', true`,
  `'Cus002', 'Electricalsara Stores', 'Brick & Mortar', true`,
  `'Cus003', 'Nomad Stores', 'E-Commerce', true`,
  `'Cus004', 'Excel Stores', 'E-Commerce', true`,
];
const PRODUCTS = [
  `'Prod001', 'Own Brand', true`,
  `'Prod002', 'Distribution', true`,
  `'Prod003', 'Own Brand', true`,
  `'Prod999', 'Unknown', false`,
];
const code = (row: string) => row.slice(0, row.indexOf(','));
const pick = <T>(items: readonly T[], r: number) => items[Math.floor(r * items.length)]!;

/**
 * An extract of `facts` rows over 2019–2020 with every dimension's quirks (a market name under two codes, a market
 * without zone, an unknown product) and profit that is sometimes negative. Amounts are whole rupees so sums over the
 * rollups and over the facts are exactly equal, whatever order the engine adds them in.
 */
export function generatedRows(facts: number, seed = 7): SampleRows {
  const next = random(seed);
  const days: string[] = [];
  for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2020, 11, 31); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  const monthName = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleString('en', { month: 'long' });
  const fact = () => {
    const revenue = 10 + Math.floor(next() * 990);
    const profit = Math.floor((next() - 0.3) * revenue * 0.5);
    const [market, customer, product] = [pick(MARKETS, next()), pick(CUSTOMERS, next()), pick(PRODUCTS, next())];
    return [
      `DATE '${pick(days, next())}'`,
      code(market),
      code(customer),
      code(product),
      1 + Math.floor(next() * 9),
      revenue,
      `'INR'`,
      revenue,
      profit,
      revenue - profit,
    ].join(', ');
  };
  return {
    dim_market: MARKETS,
    dim_customer: CUSTOMERS,
    dim_product: PRODUCTS,
    dim_date: days.map(
      (d) => `DATE '${d}', ${d.slice(0, 4)}, ${+d.slice(5, 7)}, '${monthName(d)}', '${d.slice(0, 7)}'`,
    ),
    fact_sales: Array.from({ length: facts }, fact),
  };
}
