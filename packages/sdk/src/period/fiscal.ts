import { type Day, dayParts, makeDay, monthEnd } from './days.ts';
import type { Span } from './period.ts';

/** Checks a fiscal year's first month: a whole number from 1 (calendar years) to 12. */
export function isFiscalYearStart(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12;
}

/** The fiscal year `day` falls in, named by the calendar year it starts in (1 Apr 2019–31 Mar 2020 is 2019). */
export function fiscalYear(day: Day, start = 1): number {
  const [y, m] = dayParts(day);
  return m >= start ? y : y - 1;
}

/** The days of fiscal year `year` (named by the calendar year it starts in). */
export function fiscalYearSpan(year: number, start = 1): Span {
  return { from: makeDay(year, start, 1), to: monthEnd(makeDay(year, start + 11, 1)) };
}

/** The months of fiscal year `year` as an inclusive `YYYY-MM` range: how a filter names a fiscal year. */
export function fiscalYearMonths(year: number, start = 1): { from: string; to: string } {
  const { from, to } = fiscalYearSpan(year, start);
  return { from: from.slice(0, 7), to: to.slice(0, 7) };
}

/** "2019" for a calendar year; "FY 2019-20" for a fiscal year that starts in another month. */
export function fiscalYearLabel(year: number, start = 1): string {
  return start === 1 ? String(year) : `FY ${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
