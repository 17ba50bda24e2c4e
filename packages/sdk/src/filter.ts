import { AtliqError } from './errors.ts';

/** A dimension member: text, or a number for `year` and `month_of_year`. */
export type Member = string | number;

/** Inclusive bounds; `month` and `day` compare as `YYYY-MM` / `YYYY-MM-DD` text, which sorts like time. */
export interface Range {
  readonly from: Member;
  readonly to: Member;
}

/**
 * A condition on one dimension: one of the listed members (an empty list matches nothing, like SQL's `IN ()`:
 * leave the dimension out to not filter it), or an inclusive range.
 */
export type FilterValue = readonly Member[] | Range;

/** Conditions by dimension name, all of which a row must meet. */
export type Filters = Readonly<Record<string, FilterValue>>;

const isMember = (v: unknown): v is Member => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function isRangeLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Partial<Record<'from' | 'to', unknown>>;
  return isMember(from) && isMember(to);
}

export function isRange(value: FilterValue): value is Range {
  return !Array.isArray(value);
}

/**
 * Checks a filter that may come from an attribute or a URL; anything but members or a range fails here rather than
 * in the engine's parameter binding.
 * @throws {AtliqError} naming the dimension and the expected shape.
 */
export function checkFilter(dimension: string, value: unknown): FilterValue {
  if (Array.isArray(value) ? value.every(isMember) : isRangeLike(value)) return value as FilterValue;
  throw new AtliqError(
    `The filter on "${dimension}" must be a list of values or { from, to }, got ${JSON.stringify(value)}.`,
  );
}

/** The SQL condition on `column`; the values are appended to `params`. */
export function filterSql(column: string, value: FilterValue, params: unknown[]): string {
  if (isRange(value)) {
    params.push(value.from, value.to);
    return `${column} BETWEEN ? AND ?`;
  }
  if (value.length === 0) return 'FALSE';
  params.push(...value);
  return `${column} IN (${value.map(() => '?').join(', ')})`;
}

const compare = (a: Member, b: Member) => (a < b ? -1 : a > b ? 1 : 0);
const inRange = (m: Member, r: Range) => compare(m, r.from) >= 0 && compare(m, r.to) <= 0;

/** The rows both conditions keep, as one condition (used to merge two clients' selections on one dimension). */
export function intersect(a: FilterValue, b: FilterValue): FilterValue {
  if (isRange(a) && isRange(b)) {
    return {
      from: compare(a.from, b.from) >= 0 ? a.from : b.from,
      to: compare(a.to, b.to) <= 0 ? a.to : b.to,
    };
  }
  if (isRange(a)) return (b as readonly Member[]).filter((m) => inRange(m, a));
  if (isRange(b)) return a.filter((m) => inRange(m, b));
  return a.filter((m) => b.includes(m));
}
