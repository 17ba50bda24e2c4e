/**
 * Calendar arithmetic on whole UTC days. Working in day numbers (days since 1970-01-01) rather than
 * local `Date`s keeps every date string independent of the machine's time zone.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date 'YYYY-MM-DD'. */
export function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${isoDate}`);
  return ms / MS_PER_DAY;
}

/** ISO date 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

/** Every day from `first` to `last` inclusive, as ISO dates. */
export function daysBetween(first: string, last: string): string[] {
  const start = dayNumber(first);
  return Array.from({ length: dayNumber(last) - start + 1 }, (_, i) => isoDate(start + i));
}
