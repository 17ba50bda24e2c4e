import type { Manifest } from '../contract.ts';
import type { Filters } from '../filter.ts';
import { addDays, type Day, isMonthEnd, isMonthStart } from './days.ts';
import type { Span } from './period.ts';

/** The first and the newest order day of a snapshot, from its fact files; null for an extract without sales. */
export function snapshotDays(manifest: Manifest): Span | null {
  const facts = manifest.files.filter((f) => f.table === 'fact_sales');
  const firsts = facts.flatMap((f) => (f.min_order_date ? [f.min_order_date] : [])).sort();
  const lasts = facts.flatMap((f) => (f.max_order_date ? [f.max_order_date] : [])).sort();
  if (firsts.length > 0 && lasts.length > 0) return { from: firsts[0]!, to: lasts.at(-1)! };
  return manifest.scope?.days ?? null;
}

/**
 * The default as-of day of a snapshot: its newest order day (null without sales). An `aggregate` scope holds
 * month totals only, so a month cut short cannot be compared like for like: its default is the end of the last
 * complete month.
 */
export function asOfDay(manifest: Manifest): Day | null {
  const to = snapshotDays(manifest)?.to ?? null;
  if (to === null || manifest.scope?.detail !== 'aggregate' || isMonthEnd(to)) return to;
  const end = addDays(`${to.slice(0, 7)}-01`, -1);
  return end >= (snapshotDays(manifest)?.from ?? end) ? end : to;
}

/**
 * The same filters with a `day` range that covers whole months of the data written as a `month` range. The days
 * before the first order day and after the newest one hold no sales, so 1 Jan–26 Jun 2020 of a snapshot that
 * ends on 26 Jun is January to June: a question the month rollups, the month × market file and cubes answer
 * without scanning the facts. Any other filter is returned as it is.
 */
export function daysAsMonths(filters: Filters, data: Span): Filters {
  const day = filters['day'];
  if (day === undefined || Array.isArray(day) || filters['month'] !== undefined) return filters;
  const { from, to } = day as { from: unknown; to: unknown };
  if (typeof from !== 'string' || typeof to !== 'string' || from > to) return filters;
  // No sale lies in the days of the first month before `from`, nor in the days of the last month after `to`.
  const wholeStart = isMonthStart(from) || from <= data.from;
  const wholeEnd = isMonthEnd(to) || to >= data.to;
  if (!wholeStart || !wholeEnd) return filters;
  const { day: _, ...rest } = filters;
  return { ...rest, month: { from: from.slice(0, 7), to: to.slice(0, 7) } };
}
