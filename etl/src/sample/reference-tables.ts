/**
 * The four small tables of the Atliq `sales` database, as the original dump holds them — dirt included:
 * every `product_type` and `date_yy_mmm` ends in a stray '\r', two markets share the name 'Bhopal', and
 * the two international markets have an empty zone. Rows are in `SOURCE_TABLES` column order.
 */
import type { SourceTableName, SourceValue } from '../source/source.ts';
import { daysBetween } from './calendar.ts';

export type ReferenceTableName = Exclude<SourceTableName, 'transactions'>;
export type ReferenceTables = Record<ReferenceTableName, SourceValue[][]>;

/** Product codes run Prod001…Prod279; transactions also use Prod280…Prod339, which have no product row. */
export const KNOWN_PRODUCTS = 279;

/** The `date` table spans whole months around the order dates, as in the dump. */
export const DATE_TABLE_RANGE = { first: '2017-06-01', last: '2020-06-30' } as const;

/** `custmer_name` of Cus001, Cus002, …; the first 19 are brick-and-mortar stores, the rest e-commerce. */
const CUSTOMER_NAMES = [
  'Surge Stores',
  'Nomad Stores',
  'Excel Stores',
  'Surface Stores',
  'Premium Stores',
  'Electricalsara Stores',
  'Info Stores',
  'Acclaimed Stores',
  'Electricalsquipo Stores',
  'Atlas Stores',
  'Flawless Stores',
  'Integration Stores',
  'Unity Stores',
  'Forward Stores',
  'Electricalsbea Stores',
  'Logic Stores',
  'Epic Stores',
  'Electricalslance Stores',
  'Electricalsopedia Stores',
  'Nixon',
  'Modular',
  'Electricalslytical',
  'Sound',
  'Power',
  'Path',
  'Insight',
  'Control',
  'Sage',
  'Electricalsocity',
  'Synthetic',
  'Zone',
  'Elite',
  'All-Out',
  'Expression',
  'Relief',
  'Novus',
  'Propel',
  'Leader',
];
const BRICK_AND_MORTAR = 19;

/** [code, name, zone] of every market; Mark007 and Mark013 really are both 'Bhopal'. */
export const MARKETS: readonly (readonly [string, string, string])[] = [
  ['Mark001', 'Chennai', 'South'],
  ['Mark002', 'Mumbai', 'Central'],
  ['Mark003', 'Ahmedabad', 'North'],
  ['Mark004', 'Delhi NCR', 'North'],
  ['Mark005', 'Kanpur', 'North'],
  ['Mark006', 'Bengaluru', 'South'],
  ['Mark007', 'Bhopal', 'Central'],
  ['Mark008', 'Lucknow', 'North'],
  ['Mark009', 'Patna', 'North'],
  ['Mark010', 'Kochi', 'South'],
  ['Mark011', 'Nagpur', 'Central'],
  ['Mark012', 'Surat', 'North'],
  ['Mark013', 'Bhopal', 'Central'],
  ['Mark014', 'Hyderabad', 'South'],
  ['Mark015', 'Bhubaneshwar', 'South'],
  ['Mark097', 'New York', ''],
  ['Mark999', 'Paris', ''],
];

/** Inclusive ranges of the 'Distribution' products; every other known product is 'Own Brand'. */
const DISTRIBUTION_RANGES = [
  [22, 33],
  [66, 77],
  [110, 121],
  [128, 132],
  [143, 147],
  [158, 162],
  [173, 177],
  [188, 192],
  [203, 207],
  [218, 222],
  [233, 237],
  [248, 252],
  [263, 267],
  [278, 279],
] as const;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 'Cus', 7 → 'Cus007'. */
export function code(prefix: string, n: number): string {
  return prefix + String(n).padStart(3, '0');
}

export function customerCode(index: number): string {
  return code('Cus', index + 1);
}

export function generateReferenceTables(): ReferenceTables {
  return {
    customers: CUSTOMER_NAMES.map((name, i) => [
      customerCode(i),
      name,
      i < BRICK_AND_MORTAR ? 'Brick & Mortar' : 'E-Commerce',
    ]),
    products: Array.from({ length: KNOWN_PRODUCTS }, (_, i) => {
      const n = i + 1;
      const distribution = DISTRIBUTION_RANGES.some(([from, to]) => n >= from && n <= to);
      return [code('Prod', n), distribution ? 'Distribution\r' : 'Own Brand\r'];
    }),
    markets: MARKETS.map((market) => [...market]),
    date: daysBetween(DATE_TABLE_RANGE.first, DATE_TABLE_RANGE.last).map((day) => {
      const month = MONTH_NAMES[Number(day.slice(5, 7)) - 1];
      return [day, `${day.slice(0, 8)}01`, Number(day.slice(0, 4)), month, `${day.slice(2, 4)}-${month.slice(0, 3)}\r`];
    }),
  };
}
