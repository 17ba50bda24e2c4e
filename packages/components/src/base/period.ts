import { type Filters, type FilterValue, isRange, type Member, PERIOD_DIMENSIONS } from '@atliq/sdk';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month's short English name, 1 → "Jan"; undefined outside 1–12. */
export const monthShort = (m: number): string | undefined => MONTHS[m - 1];

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
