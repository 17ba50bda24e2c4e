/**
 * The `transactions` table of any size, in order-date order, streamed in batches so ten million rows
 * never sit in memory, with the original dump's dirt in its proportions:
 * - currency 'INR\r' (the dump's stray carriage return) and, rarely, 'USD\r' with a small amount;
 * - ≈ 0.19% extra lines that repeat the line before exactly, except that the currency lacks the '\r';
 * - ≈ 1.07% amounts of 0 and a very few of -1;
 * - ≈ 36.7% product codes missing from `products` (see `transaction-row.ts`).
 * Same options, same rows: everything is drawn from one seeded generator.
 */
import { PROFIT_COLUMNS, SOURCE_TABLES, type SourceValue } from '../source/source.ts';
import { lineHash } from './line-hash.ts';
import { allocateOrderDays } from './order-days.ts';
import { createRandom, type Random } from './prng.ts';
import { createTransactionRowDrawer } from './transaction-row.ts';

export interface TransactionOptions {
  /** Lines to produce, duplicates included. Default 150 000, about the size of the original dump. */
  rows?: number;
  /** Integer in [0, 2^32). Default 1. */
  seed?: number;
  /** Append the schema-v2 columns `PROFIT_COLUMNS`. Default false. */
  withProfit?: boolean;
  /** Rows per yielded batch. Default 10 000. */
  batchSize?: number;
}

export const DEFAULT_ROWS = 150_000;
export const DEFAULT_SEED = 1;

/** Measured in the dump: 281 no-'\r' twins, 1609 zero amounts, 2 USD lines, 1 amount of -1 per 150 002 lines. */
export const TWIN_SHARE = 281 / 150_002;
export const ZERO_AMOUNT_SHARE = 1609 / 150_283;
const USD_SHARE = 2 / 150_002;
const NEGATIVE_SHARE = 1 / 150_002;
const USD_AMOUNTS = [250, 500];
/** INR per USD: schema v2 stores profit and cost in INR on USD lines too, at the rate the reference used. */
export const SAMPLE_USD_RATE = 75;

/** Margins in schema v2 are two-decimal fractions from -0.35 to 0.40: nearly half the lines lose money. */
const MARGIN_MIN = -0.35;
const MARGIN_MAX = 0.4;

/** Redraws allowed for a line that repeats another of its day; far more than a day of 10M rows needs. */
const MAX_ATTEMPTS = 1000;

const AMOUNT = SOURCE_TABLES.transactions.indexOf('sales_amount');
const CURRENCY = SOURCE_TABLES.transactions.indexOf('currency');
const ORDER_DATE = SOURCE_TABLES.transactions.indexOf('order_date');
/** Every column but the order date, which all lines of a day share. */
const KEY_FIELDS = SOURCE_TABLES.transactions.map((_, i) => i).filter((i) => i !== ORDER_DATE);
const PROFIT = SOURCE_TABLES.transactions.length;

/** The columns `transactionRows` yields, in order. */
export function transactionColumns(withProfit = false): string[] {
  return withProfit ? [...SOURCE_TABLES.transactions, ...PROFIT_COLUMNS] : [...SOURCE_TABLES.transactions];
}

export function* transactionRows(options: TransactionOptions = {}): Generator<SourceValue[][], void, undefined> {
  const { rows = DEFAULT_ROWS, seed = DEFAULT_SEED, withProfit = false, batchSize = 10_000 } = options;
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number, got ${rows}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive whole number, got ${batchSize}`);
  }
  const random = createRandom(seed);
  const drawLine = createLineDrawer(random, withProfit);
  const { dates, counts } = allocateOrderDays(rows, random);
  // The rarest dirt is scheduled, not left to chance, so even a small sample shows at least one of each.
  const usdAt = scheduleRare(random, rows, USD_SHARE);
  const negativeAt = scheduleRare(random, rows, NEGATIVE_SHARE);
  let nextUsd = 0;
  let nextNegative = 0;
  let line = 0;
  let previous: SourceValue[] | undefined;
  let batch: SourceValue[][] = [];
  for (let day = 0; day < dates.length; day++) {
    const seen = new Set<number>();
    for (let k = 0; k < counts[day]; k++, line++) {
      const usd = usdAt[nextUsd] === line;
      if (usd) nextUsd++;
      const negative = negativeAt[nextNegative] === line;
      if (negative) nextNegative++;
      const twin = random() < TWIN_SHARE && previous !== undefined && !usd && !negative;
      let row: SourceValue[];
      if (twin) {
        row = previous!.slice();
        row[CURRENCY] = (row[CURRENCY] as string).trimEnd();
        previous = undefined;
      } else {
        row = drawLine(dates[day], seen, usd, negative);
        previous = row;
      }
      batch.push(row);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Draws a line of the day with its dirt, and draws again while it repeats one already drawn that day:
 * the planted twins must be the only duplicates, as in the dump (left alone, chance alone would add
 * ~1000 per million lines).
 */
function createLineDrawer(random: Random, withProfit: boolean) {
  const drawRow = createTransactionRowDrawer(withProfit);
  return (date: string, seen: Set<number>, usd: boolean, negative: boolean): SourceValue[] => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const row = drawRow(random, date);
      if (random() < ZERO_AMOUNT_SHARE) row[AMOUNT] = 0;
      if (usd) {
        row[CURRENCY] = 'USD\r';
        row[AMOUNT] = USD_AMOUNTS[Math.floor(random() * USD_AMOUNTS.length)];
      }
      if (negative) row[AMOUNT] = -1;
      const key = lineHash(row, KEY_FIELDS);
      if (!seen.has(key)) {
        seen.add(key);
        if (withProfit) setProfit(row, random);
        return row;
      }
    }
    throw new Error(`sample generator: no unique transaction for ${date} after ${MAX_ATTEMPTS} draws`);
  };
}

/**
 * Positions of `max(1, round(rows × share))` events, one at a random place in each of that many equal
 * slices of the table: the count is exact and the events are spread out.
 */
function scheduleRare(random: Random, rows: number, share: number): number[] {
  const count = rows === 0 ? 0 : Math.max(1, Math.round(rows * share));
  return Array.from({ length: count }, (_, k) => Math.floor(((k + random()) * rows) / count));
}

/**
 * profit_margin = amount × margin, cost_price = amount − profit_margin, as schema v2 has them: in INR whatever the
 * line's currency (`db_dump_version_2.sql`: 500 USD at margin 0.31 has profit 11625 and cost 25875).
 */
function setProfit(row: SourceValue[], random: Random): void {
  const margin = round2(MARGIN_MIN + random() * (MARGIN_MAX - MARGIN_MIN));
  const amount = (row[AMOUNT] as number) * (row[CURRENCY] === 'USD\r' ? SAMPLE_USD_RATE : 1);
  const profit = round2(amount * margin);
  row[PROFIT] = margin;
  row[PROFIT + 1] = profit;
  row[PROFIT + 2] = round2(amount - profit);
}

/** Rounds to cents; `+ 0` turns the -0 of a zero amount at a negative margin into 0, so it prints as '0'. */
function round2(x: number): number {
  return Math.round(x * 100) / 100 + 0;
}
