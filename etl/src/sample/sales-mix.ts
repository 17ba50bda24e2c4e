/**
 * The shape of Atliq's sales, measured once from the original dump (db_dump.sql) so generated data
 * aggregates like the real thing: who buys where, on which days, and how much of it names products
 * missing from the `products` table.
 */

/**
 * Transactions per customer and market in the dump: row i is customer i + 1 (Cus001 first), as flat
 * [market number, rows, market number, rows, …]. Customers buy mostly in one or two home markets, so
 * drawing (customer, market) as a pair also reproduces the market weights (Mark011 ≈ 32%, Mark004 ≈ 30%…).
 */
export const CUSTOMER_MARKET_ROWS: readonly (readonly number[])[] = [
  [1, 1033, 10, 3948],
  [2, 552, 5, 655, 6, 34, 7, 3314],
  [2, 104, 3, 7205, 6, 181, 14, 2035],
  [2, 323, 3, 583, 6, 11, 10, 838],
  [2, 134, 4, 19810, 6, 46],
  [2, 127, 4, 13118, 6, 5, 7, 613],
  [4, 5604, 6, 4, 7, 307, 15, 124],
  [2, 778, 5, 607],
  [2, 323, 11, 86],
  [2, 130, 3, 4321, 6, 1],
  [2, 178, 3, 1607, 6, 9, 7, 44],
  [2, 37, 3, 1741, 7, 79],
  [2, 106, 3, 1085, 5, 1, 6, 13],
  [2, 464, 3, 1150, 6, 5],
  [3, 303, 6, 222, 7, 152, 11, 7],
  [2, 2619, 7, 253],
  [2, 1, 6, 5, 7, 606, 11, 4876],
  [2, 13, 4, 1, 6, 2, 11, 3126],
  [2, 151, 11, 11574],
  [2, 79, 4, 5744, 6, 6, 11, 11510],
  [2, 4, 5, 5, 11, 3610],
  [2, 2034, 6, 13, 11, 2745],
  [2, 1438, 3, 3, 6, 2, 11, 704],
  [2, 616, 11, 6314],
  [2, 520, 11, 240],
  [8, 104, 10, 2, 11, 1117],
  [3, 1785, 5, 2, 6, 12, 12, 405],
  [3, 198, 11, 5],
  [2, 632, 6, 5, 11, 777],
  [7, 295, 11, 119],
  [5, 588, 6, 1, 11, 237],
  [9, 406, 11, 284],
  [5, 954, 11, 492],
  [10, 190, 11, 100],
  [3, 434, 7, 2321],
  [3, 18, 6, 11, 7, 1061],
  [3, 36, 6, 9, 7, 4181],
  [6, 56, 7, 98, 13, 96],
];

/** Order dates in the dump run from 2017-10-04 to 2020-06-26. */
export const ORDER_DATE_RANGE = { first: '2017-10-04', last: '2020-06-26' } as const;

/** Rows per weekday in the dump, Monday first: the business trades Monday to Friday, barely at weekends. */
export const WEEKDAY_ROWS = [26346, 29486, 29022, 29598, 35293, 408, 130] as const;

/** Monthly volume falls by about a third from late 2017 to mid 2020; the day weight falls linearly. */
export const VOLUME_AT_END = 0.68;

/** Product codes Prod280…Prod339 appear in transactions (≈ 36.7% of rows) but not in `products`. */
export const MISSING_PRODUCTS = 60;
export const MISSING_PRODUCT_SHARE = 0.367;
