import type { FilterValue, SelectionClause } from '@atliq/sdk';
import type { TrendPoint } from './trend-layout.ts';

/** The cross-filter clause for the periods from index `a` to `b` (either order) at `grain`, and its value as text. */
export function periodClause(
  points: readonly TrendPoint[],
  grain: string,
  a: number,
  b: number,
): { clause: SelectionClause; value: string } {
  const [from, to] = [points[Math.min(a, b)]!.key, points[Math.max(a, b)]!.key];
  const value = from === to ? from : `${from} – ${to}`;
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
