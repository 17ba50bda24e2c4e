import { type Day, dayParts, formatDay, isMonthEnd, isMonthStart, monthCount, monthName } from './days.ts';
import { fiscalYearLabel } from './fiscal.ts';
import type { Span } from './period.ts';

const monthLabel = (day: Day) => `${monthName(dayParts(day)[1])} ${dayParts(day)[0]}`;

/** Exact days: "26 Jun 2020", "1–26 Jun 2020", "1 Jan–26 Jun 2020", "5 Nov 2019–26 Jun 2020". */
export function daysLabel({ from, to }: Span): string {
  if (from === to) return formatDay(from);
  const [[y1, m1, d1], [y2, m2]] = [dayParts(from), dayParts(to)];
  if (y1 !== y2) return `${formatDay(from)}–${formatDay(to)}`;
  if (m1 !== m2) return `${formatDay(from, false)}–${formatDay(to)}`;
  return `${d1}–${formatDay(to)}`;
}

/**
 * A span as people name it: "2019" or "FY 2019-20" for a (fiscal) year, "2018–2019" for several, "Mar 2020" for a
 * month, "Mar–May 2020" or "Nov 2019–Feb 2020" for months, else (or with `exact`) its days.
 */
export function spanLabel(span: Span, fiscalYearStart = 1, exact = false): string {
  const { from, to } = span;
  if (exact || !isMonthStart(from) || !isMonthEnd(to)) return daysLabel(span);
  const months = monthCount(from, to);
  const [[y1, m1], [y2]] = [dayParts(from), dayParts(to)];
  if (m1 === fiscalYearStart && months % 12 === 0) {
    const last = y1 + months / 12 - 1;
    const first = fiscalYearLabel(y1, fiscalYearStart);
    return months === 12 ? first : `${first}–${fiscalYearLabel(last, fiscalYearStart)}`;
  }
  if (months === 1) return monthLabel(from);
  return y1 === y2 ? `${monthName(m1)}–${monthLabel(to)}` : `${monthLabel(from)}–${monthLabel(to)}`;
}
