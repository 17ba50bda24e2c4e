/**
 * Calendar arithmetic on ISO days (`YYYY-MM-DD`), in whole days: no `Date` in a local time zone is involved, so a
 * day never shifts with the reader's clock.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days in month `m` (1–12) of year `y`: February has 29 in leap years (every 4th, not centuries unless ÷400). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Whether `text` is a real calendar day in `YYYY-MM-DD` form (not 2019-02-29, not 2020-13-01). */
export function isDay(text: unknown): text is Day {
  const match = typeof text === 'string' ? DAY.exec(text) : null;
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Year, month (1–12) and day of month. */
export function dayParts(day: Day): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

/** The day `d` of month `m` of year `y`, with the month normalised (month 0 is December of the year before). */
export function makeDay(y: number, m: number, d: number): Day {
  const months = y * 12 + (m - 1);
  const [year, month] = [Math.floor(months / 12), (months % 12) + 1];
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

/** The earlier of two days (ISO days sort as text). */
export const earlier = (a: Day, b: Day): Day => (a <= b ? a : b);
/** The later of two days. */
export const later = (a: Day, b: Day): Day => (a >= b ? a : b);

export const monthStart = (day: Day): Day => `${day.slice(0, 7)}-01`;

export function monthEnd(day: Day): Day {
  const [y, m] = dayParts(day);
  return makeDay(y, m, daysInMonth(y, m));
}

export const isMonthStart = (day: Day): boolean => day.endsWith('-01');
export const isMonthEnd = (day: Day): boolean => monthEnd(day) === day;

/** `n` months later (earlier when negative); a day past the new month's end is clamped to it (31 Mar − 1 → 28 Feb). */
export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = dayParts(day);
  const first = makeDay(y, m + n, 1);
  const [y2, m2] = dayParts(first);
  return makeDay(y2, m2, Math.min(d, daysInMonth(y2, m2)));
}

const MS_PER_DAY = 86_400_000;
const serial = (day: Day) =>
  Date.UTC(...(dayParts(day).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number])) / MS_PER_DAY;

/** `n` days later (earlier when negative). */
export function addDays(day: Day, n: number): Day {
  return new Date((serial(day) + n) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function dayCount(from: Day, to: Day): number {
  return Math.max(0, serial(to) - serial(from) + 1);
}

/** Whole months from the month of `from` to the month of `to`, both included. */
export function monthCount(from: Day, to: Day): number {
  const [y1, m1] = dayParts(from);
  const [y2, m2] = dayParts(to);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}

export const monthName = (m: number): string => MONTHS[m - 1]!;

/** "26 Jun 2020", or "26 Jun" without the year. */
export function formatDay(day: Day, withYear = true): string {
  const [y, m, d] = dayParts(day);
  return withYear ? `${d} ${monthName(m)} ${y}` : `${d} ${monthName(m)}`;
}
