import type { Member, Row } from '@atliq/sdk';
import { scaleBand, scaleLinear } from 'd3';

/** One category and its value, e.g. a market and its revenue. */
export interface BarDatum {
  readonly label: string;
  readonly value: number;
}

/** A bar placed in SVG user units, with where its category label and value label go. */
export interface Bar extends BarDatum {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Vertical centre of the bar, for both labels. */
  readonly cy: number;
  /** Where the value label starts: just past the bar's far end. */
  readonly valueX: number;
}

export interface BarsLayout {
  readonly bars: readonly Bar[];
  readonly width: number;
  readonly height: number;
  /** Right edge of the category labels (they are end-anchored here). */
  readonly labelX: number;
}

export interface BarsOptions {
  /** Total width available, in CSS pixels. */
  readonly width: number;
  /** Vertical space per bar, gap included. */
  readonly step?: number;
  /** Width of the longest category label (measured by the caller, which has the DOM and the font). */
  readonly labelWidth: number;
  /** Width reserved right of the longest bar for its value label. */
  readonly valueWidth?: number;
}

const GAP = 8;

/** Sorts bars largest first; equal values by label so the order never depends on the engine's. */
export function sortBars(data: readonly BarDatum[]): BarDatum[] {
  return [...data].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/**
 * Lays out horizontal bars, largest first: a band per category, a linear value scale from zero (negative values
 * grow leftwards from it), labels left of the bars and values right of them. Pure, so it is tested without a DOM.
 */
export function revenueBars(data: readonly BarDatum[], options: BarsOptions): BarsLayout {
  const { width, labelWidth, step = 28, valueWidth = 64 } = options;
  const sorted = sortBars(data);
  // Labels never take more than 40% of the chart: a very long name must not squeeze the bars away.
  const labelX = Math.min(Math.ceil(labelWidth) + 2, Math.round(width * 0.4));
  const values = sorted.map((d) => d.value);
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .range([labelX + GAP, Math.max(labelX + GAP, width - valueWidth)]);
  const height = step * sorted.length;
  const y = scaleBand<number>()
    .domain(sorted.map((_, i) => i))
    .range([0, height])
    .padding(0.2);
  const zero = x(0);
  const bars = sorted.map((d, i) => {
    const end = x(d.value);
    const top = y(i) ?? 0;
    return {
      ...d,
      x: Math.min(zero, end),
      y: top,
      width: Math.abs(end - zero),
      height: y.bandwidth(),
      cy: top + y.bandwidth() / 2,
      valueX: Math.max(zero, end) + 4,
    };
  });
  return { bars, width, height, labelX };
}

/** One bar as shown: the member, its value, and its share of the total over every member (null for ratios). */
export interface RevenueDatum extends BarDatum {
  /** The dimension member, or null for facts without one (shown as "(none)" and not selectable). */
  readonly member: Member | null;
  readonly share: number | null;
  /**
   * With `compare`: the measure over the current period and over its baseline; `value` is then their difference,
   * and `percent` that difference in percent of the baseline (null for a percentage measure, or no positive baseline).
   */
  readonly compared?: { readonly current: number; readonly baseline: number; readonly percent: number | null };
}

/** Members without a value (e.g. the zone of an international market) still get a visible, honest label. */
const NO_VALUE = '(none)';

/**
 * Bars from query rows, sorted with the drawing's tie-break (so `data` and the bars never disagree on order), each
 * with its share of the total of all rows when the measure can be summed.
 */
export function barsWithShares(rows: readonly Row[], by: string, measure: string, summable: boolean): RevenueDatum[] {
  const values = rows.map((row) => Number(row[measure] ?? 0));
  const total = values.reduce((sum, v) => sum + v, 0);
  const bars = rows.map((row, i) => ({
    label: row[by] === null ? NO_VALUE : String(row[by]),
    value: values[i]!,
    member: (row[by] ?? null) as Member | null,
    share: summable && total !== 0 ? (100 * values[i]!) / total : null,
  }));
  return sortBars(bars) as RevenueDatum[];
}
