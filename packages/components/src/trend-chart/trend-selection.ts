import { type Filters, type FilterValue, fiscalYearLabel, fiscalYearMonths, type SelectionClause } from '@atliq/sdk';
import type { TrendPoint } from './trend-layout.ts';

/** The cross-filter clause for the periods from index `a` to `b` (either order) at `grain`, and its value as text. */
export function periodClause(
  points: readonly TrendPoint[],
  grain: string,
  a: number,
  b: number,
  fiscalYearStart = 1,
): { clause: SelectionClause; value: string } {
  const [from, to] = [points[Math.min(a, b)]!.key, points[Math.max(a, b)]!.key];
  const value = from === to ? from : `${from} – ${to}`;
  if (grain === 'year' && fiscalYearStart !== 1) {
    // Fiscal years are their months: the model's year is the calendar year.
    const first = fiscalYearMonths(Number(from), fiscalYearStart);
    const last = fiscalYearMonths(Number(to), fiscalYearStart);
    const name = (k: string) => fiscalYearLabel(Number(k), fiscalYearStart);
    const label = `Year: ${from === to ? name(from) : `${name(from)} – ${name(to)}`}`;
    return { clause: { filters: { month: { from: first.from, to: last.to } }, label }, value };
  }
  const bound = (k: string) => (grain === 'year' ? Number(k) : k);
  const label = `${grain[0]!.toUpperCase()}${grain.slice(1)}: ${value}`;
  return { clause: { filters: { [grain]: { from: bound(from), to: bound(to) } }, label }, value };
}

/** The indexes of a range filter's bounds among `points`, or null when it is not a range over them. */
export function rangeIndexes(filter: FilterValue | undefined, points: readonly TrendPoint[]): [number, number] | null {
  if (!filter || Array.isArray(filter)) return null;
  const { from, to } = filter as { from: string | number; to: string | number };
  const a = points.findIndex((p) => p.key === String(from));
  const b = points.findIndex((p) => p.key === String(to));
  return a < 0 || b < 0 ? null : [a, b];
}

/**
 * The first and last index of the periods a chart's own clause selects at `grain`; for fiscal years, the month range
 * its clause holds read back as fiscal years. Null for none.
 */
export function selectedIndexes(
  filters: Filters | undefined,
  grain: string,
  points: readonly TrendPoint[],
  fiscalYearStart = 1,
): [number, number] | null {
  if (grain !== 'year' || fiscalYearStart === 1) return rangeIndexes(filters?.[grain], points);
  const months = filters?.['month'];
  if (!months || Array.isArray(months)) return null;
  const { from, to } = months as { from: string; to: string };
  const a = points.findIndex((p) => fiscalYearMonths(Number(p.key), fiscalYearStart).from === from);
  const b = points.findIndex((p) => fiscalYearMonths(Number(p.key), fiscalYearStart).to === to);
  return a < 0 || b < 0 ? null : [a, b];
}
