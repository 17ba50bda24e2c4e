import type { QuerySpec } from '../compile.ts';
import type { Filters } from '../filter.ts';
import { addDays, isMonthEnd, isMonthStart, monthStart } from './days.ts';
import type { Span } from './period.ts';

/** The two halves of a day range that cuts its last month short: its whole months, then the cut month's days. */
export interface SplitDays {
  /** The whole months, as a month range: the rollups, cubes and month_market.json answer it. */
  readonly months: Filters;
  /** The cut month's days: a scan of a few weeks of the date-sorted facts. */
  readonly days: Filters;
}

/**
 * Splits a spec's `day` range such as 1 Jan–26 Jun 2019 (of a snapshot that goes on after it) into January–May and
 * 1–26 June, whose sums add up to the range's. Null when there is nothing to gain or it would change the answer:
 * no such range, a range within one month, one that starts mid-month inside the data, a `month` filter or a `day`
 * dimension beside it, no measures, or a limit (a top-N must be ranked on the whole range).
 */
export function splitDays(spec: QuerySpec, data: Span): SplitDays | null {
  const filters = spec.filters ?? {};
  const day = filters['day'];
  if (!day || Array.isArray(day) || filters['month'] !== undefined) return null;
  if (spec.measures.length === 0 || spec.limit !== undefined || (spec.dimensions ?? []).includes('day')) return null;
  const { from, to } = day as { from: unknown; to: unknown };
  if (typeof from !== 'string' || typeof to !== 'string' || from > to) return null;
  if (!(isMonthStart(from) || from <= data.from) || isMonthEnd(to) || to >= data.to) return null;
  const cut = monthStart(to);
  if (from >= cut) return null;
  const { day: _, ...rest } = filters;
  const lastWhole = addDays(cut, -1).slice(0, 7);
  return {
    months: { ...rest, month: { from: from.slice(0, 7), to: lastWhole } },
    days: { ...rest, day: { from: cut, to } },
  };
}
