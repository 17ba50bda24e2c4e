/**
 * How many transaction lines each order date gets. Lines come out in date order, the way an OLTP table
 * fills up, which also lets the generator keep lines unique within each day (see `transactions.ts`).
 * Weights follow the dump: trading Monday to Friday, a little at weekends, volume falling by a third
 * from 2017 to 2020, plus day-to-day noise so daily charts do not look machine-made.
 */
import { dayNumber, isoDate, weekday } from './calendar.ts';
import { normal, type Random } from './prng.ts';
import { ORDER_DATE_RANGE, VOLUME_AT_END, WEEKDAY_ROWS } from './sales-mix.ts';

const DAY_NOISE_SIGMA = 0.3;

export interface OrderDays {
  dates: string[];
  /** Lines per date; they add up to exactly the requested rows. */
  counts: number[];
}

export function allocateOrderDays(rows: number, random: Random): OrderDays {
  const first = dayNumber(ORDER_DATE_RANGE.first);
  const span = dayNumber(ORDER_DATE_RANGE.last) - first;
  const dates: string[] = [];
  const weights: number[] = [];
  for (let i = 0; i <= span; i++) {
    dates.push(isoDate(first + i));
    const trend = 1 - ((1 - VOLUME_AT_END) * i) / span;
    weights.push(WEEKDAY_ROWS[weekday(first + i)] * trend * Math.exp(DAY_NOISE_SIGMA * normal(random)));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  // Systematic allocation: each day gets the rounding of its cumulative share, so counts sum exactly.
  let cumulative = 0;
  let allocated = 0;
  const counts = weights.map((weight, i) => {
    cumulative += weight;
    const upTo = i === span ? rows : Math.min(rows, Math.floor((rows * cumulative) / total));
    const count = upTo - allocated;
    allocated = upTo;
    return count;
  });
  return { dates, counts };
}
