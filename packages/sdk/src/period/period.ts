import type { Filters, FilterValue, Member } from '../filter.ts';
import {
  addDays,
  addMonths,
  type Day,
  dayCount,
  earlier,
  isDay,
  isMonthEnd,
  isMonthStart,
  later,
  monthCount,
  monthEnd,
} from './days.ts';
import { fiscalYear, fiscalYearSpan } from './fiscal.ts';
import { spanLabel } from './label.ts';

/** What a period is compared with: the same days a year earlier, or the period just before of the same length. */
export type ComparisonKind = 'year' | 'previous';

/** How a page reckons periods: its as-of day, its fiscal year, and what a period is compared with. */
export interface PeriodSettings {
  /** The last day counted: the snapshot's newest order day unless a page sets another. */
  readonly asOf: Day;
  /** Month (1–12) the fiscal year starts in: 1 for calendar years, 4 for India's April–March. */
  readonly fiscalYearStart?: number;
  readonly comparison?: ComparisonKind;
}

/** Inclusive days. */
export interface Span {
  readonly from: Day;
  readonly to: Day;
}

/** The days counted for one side of a comparison. */
export interface Period extends Span {
  /** Cut short by the as-of day: only the period's first days are counted (and compared). */
  readonly partial: boolean;
  /** "2019", "FY 2019-20", "Mar 2020", or exact days when partial: "1 Jan–26 Jun 2020". */
  readonly label: string;
}

export interface PeriodComparison {
  readonly current: Period;
  readonly baseline: Period;
  /** e.g. "1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019", "2019 vs 2018". */
  readonly label: string;
  /** The query filters of each side: the period conditions replaced by the side's days, the others kept. */
  readonly filters: { readonly current: Filters; readonly baseline: Filters };
}

/** Filter dimensions that pin a period of time; `month_of_year` alone does not. */
export const PERIOD_DIMENSIONS = ['year', 'month', 'day'] as const;

const isPeriodDimension = (d: string) => (PERIOD_DIMENSIONS as readonly string[]).includes(d);

/** Whether the filters pin a period (year, month or day). */
export function hasPeriod(filters: Filters): boolean {
  return PERIOD_DIMENSIONS.some((d) => Object.hasOwn(filters, d));
}

/** The days of one member of a period dimension; undefined for a malformed member. */
function memberSpan(dimension: string, member: Member): Span | undefined {
  const text = String(member);
  if (dimension === 'year') {
    return /^\d{4}$/.test(text) ? { from: `${text}-01-01`, to: `${text}-12-31` } : undefined;
  }
  if (dimension === 'month') {
    const first = `${text}-01`;
    return /^\d{4}-\d{2}$/.test(text) && isDay(first) ? { from: first, to: monthEnd(first) } : undefined;
  }
  return isDay(text) ? { from: text, to: text } : undefined;
}

/** The days a condition on a period dimension allows, when they are one unbroken span; null otherwise. */
function conditionSpan(dimension: string, value: FilterValue): Span | null {
  if (!Array.isArray(value)) {
    const { from, to } = value as { from: Member; to: Member };
    const [a, b] = [memberSpan(dimension, from), memberSpan(dimension, to)];
    return a && b ? { from: a.from, to: b.to } : null;
  }
  const spans = value.map((m) => memberSpan(dimension, m));
  if (spans.length === 0 || spans.some((s) => s === undefined)) return null;
  const sorted = (spans as Span[]).sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.from !== addDays(sorted[i - 1]!.to, 1) && sorted[i]!.from !== sorted[i - 1]!.from) return null;
  }
  return { from: sorted[0]!.from, to: sorted.at(-1)!.to };
}

/**
 * The one unbroken span of days that the period conditions of `filters` (year, month, day) allow together;
 * undefined when they set none, null when they allow days with gaps between them (e.g. the years 2018 and 2020).
 */
export function periodSpan(filters: Filters): Span | null | undefined {
  let span: Span | undefined;
  for (const d of PERIOD_DIMENSIONS) {
    const value = filters[d];
    if (value === undefined) continue;
    const s = conditionSpan(d, value);
    if (!s) return null;
    span = span ? { from: later(s.from, span.from), to: earlier(s.to, span.to) } : s;
  }
  return span;
}

/** How far back the baseline lies: whole months for a period of whole months, else days. */
type Shift = { readonly months: number } | { readonly days: number };

function shiftFor(natural: Span, kind: ComparisonKind): Shift {
  if (kind === 'year') return { months: 12 };
  if (isMonthStart(natural.from) && isMonthEnd(natural.to)) return { months: monthCount(natural.from, natural.to) };
  return { days: dayCount(natural.from, natural.to) };
}

/**
 * `span` moved back by `shift`. A month end stays a month end (28 Feb 2021 → 29 Feb 2020, 30 Jun → 30 Jun), so a
 * whole month is compared with a whole month; another day keeps its number, clamped (29 Feb 2020 → 28 Feb 2019).
 */
export function shiftBack(span: Span, shift: Shift): Span {
  if ('days' in shift) return { from: addDays(span.from, -shift.days), to: addDays(span.to, -shift.days) };
  const to = addMonths(span.to, -shift.months);
  return { from: addMonths(span.from, -shift.months), to: isMonthEnd(span.to) ? monthEnd(to) : to };
}

/** The filters with every period condition (year, month, day) removed; the others kept. */
export function withoutPeriods(filters: Filters): Filters {
  return Object.fromEntries(Object.entries(filters).filter(([d]) => !isPeriodDimension(d)));
}

const withDays = (filters: Filters, span: Span): Filters => ({
  ...withoutPeriods(filters),
  day: { from: span.from, to: span.to },
});

/**
 * The like-for-like comparison for `filters` under `settings`. The current period is the one the filters pin
 * (a year, a fiscal year as a month range, a month, a range of them, days), or with none pinned the (fiscal) year
 * to the as-of day; either way it is clipped to the as-of day. The baseline is the same days a year earlier (or,
 * with `comparison: 'previous'`, the period of the same length just before), so an incomplete period is compared
 * with the same days of the earlier one and a complete one with the complete earlier one. Null when the period
 * conditions allow days with gaps between them, which no single span describes.
 */
export function comparePeriods(filters: Filters, settings: PeriodSettings): PeriodComparison | null {
  const { asOf, fiscalYearStart: start = 1, comparison = 'year' } = settings;
  const span = periodSpan(filters);
  if (span === null) return null;
  const natural = span ?? fiscalYearSpan(fiscalYear(asOf, start), start);
  const current = { from: natural.from, to: earlier(natural.to, asOf) };
  const partial = current.to < natural.to && current.from <= current.to;
  const shift = shiftFor(natural, comparison);
  const baseline = shiftBack(current, shift);
  const label = (s: Span, whole: Span) => (partial ? spanLabel(s, start, true) : spanLabel(whole, start));
  const currentLabel = label(current, natural);
  const baselineLabel = label(baseline, shiftBack(natural, shift));
  return {
    current: { ...current, partial, label: currentLabel },
    baseline: { ...baseline, partial, label: baselineLabel },
    label: `${currentLabel} vs ${baselineLabel}`,
    filters: { current: withDays(filters, current), baseline: withDays(filters, baseline) },
  };
}

/** The span of a period key as a trend shows it: `2020` (a fiscal year by its first year), `2020-03`, `2020-03-05`. */
export function keySpan(key: string, grain: 'year' | 'month' | 'day', fiscalYearStart = 1): Span {
  if (grain === 'year') return fiscalYearSpan(Number(key), fiscalYearStart);
  if (grain === 'month') return { from: `${key}-01`, to: monthEnd(`${key}-01`) };
  return { from: key, to: key };
}
