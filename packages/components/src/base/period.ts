import { type Filters, type FilterValue, isRange, type Member } from '@atliq/sdk';

/** Dimensions that pin a period of time; shifting them back a year gives the comparison period. */
const PERIOD_DIMENSIONS = ['year', 'month', 'day'] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One year earlier: 2020 → 2019, '2020-03' → '2019-03', '2020-03-05' → '2019-03-05' (29 Feb → 28 Feb). */
export function yearEarlier(member: Member): Member {
  if (typeof member === 'number') return member - 1;
  const match = /^(\d{4})(-\d{2}(?:-\d{2})?)?$/.exec(member);
  if (!match) return member;
  const rest = match[2] === '-02-29' ? '-02-28' : (match[2] ?? '');
  return `${Number(match[1]) - 1}${rest}`;
}

const shift = (value: FilterValue): FilterValue =>
  isRange(value) ? { from: yearEarlier(value.from), to: yearEarlier(value.to) } : value.map(yearEarlier);

/** Whether the filters pin a period (year, month or day); month-of-year alone does not. */
export function hasPeriod(filters: Filters): boolean {
  return PERIOD_DIMENSIONS.some((d) => Object.hasOwn(filters, d));
}

/** The same filters with every period condition moved back one year: the "same period last year". */
export function previousPeriod(filters: Filters): Filters {
  return Object.fromEntries(
    Object.entries(filters).map(([d, v]) => [d, (PERIOD_DIMENSIONS as readonly string[]).includes(d) ? shift(v) : v]),
  );
}

/** A period as read: a month `2019-03` is "Mar 2019"; a year or a day stays as it is. */
export function periodLabel(m: Member): string {
  const match = /^(\d{4})-(\d{2})$/.exec(String(m));
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : String(m);
}

/** Readable period of a filter for a comparison line: "2019", "Mar 2019", "2018–2019". */
export function describePeriod(filters: Filters): string {
  const value = filters['day'] ?? filters['month'] ?? filters['year'];
  if (value === undefined) return 'the previous period';
  if (isRange(value)) return `${periodLabel(value.from)}–${periodLabel(value.to)}`;
  return value.length > 3 ? `${value.length} periods` : value.map(periodLabel).join(', ');
}

/** The latest year's months so far and the same months a year before, for a year-over-year line with no filter. */
export interface YearToDate {
  readonly year: number;
  /** Last month (1–12) with data in `year`. */
  readonly toMonth: number;
  readonly current: Filters;
  readonly previous: Filters;
  /** e.g. "Jan–Jun 2020 vs Jan–Jun 2019". */
  readonly label: string;
}

/**
 * From the months that have data (`YYYY-MM`), the comparison a reader expects when no period is filtered: the
 * latest year up to its last month against the same months of the year before, so a partial year is never
 * compared with a whole one. Null with less than a year of data before the latest month.
 */
export function yearToDate(months: readonly string[]): YearToDate | null {
  const last = [...months].sort().at(-1);
  if (!last) return null;
  const year = Number(last.slice(0, 4));
  const toMonth = Number(last.slice(5, 7));
  if (!months.some((m) => m.startsWith(`${year - 1}-`))) return null;
  const range = (y: number) => ({ from: `${y}-01`, to: `${y}-${last.slice(5, 7)}` });
  const span = toMonth === 1 ? 'Jan' : `Jan–${MONTHS[toMonth - 1]}`;
  return {
    year,
    toMonth,
    current: { month: range(year) },
    previous: { month: range(year - 1) },
    label: `${span} ${year} vs ${span} ${year - 1}`,
  };
}
