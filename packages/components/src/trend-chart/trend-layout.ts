import { fiscalYearLabel, type Row } from '@atliq/sdk';
import { area, line, scaleLinear, scaleUtc } from 'd3';
import { yearEarlier } from '../base/period.ts';

/** One period of the series: its key (`2020`, `2020-03`, `2020-03-05`), value and the value a year before. */
export interface TrendPoint {
  readonly key: string;
  readonly value: number;
  /**
   * The same period one year earlier — the same days of it when this period is cut short by `to`; null when the
   * extract has no data for it, or only part of it (the sales start within it).
   */
  readonly previous: number | null;
  /** The first day with sales, when they start within this period (the first period only). */
  readonly from?: string;
  /** The last day counted, when the period ends after it (the last period only, e.g. June to the 26th). */
  readonly to?: string;
}

export interface TrendLayout {
  readonly width: number;
  readonly height: number;
  /** Area under the current series, and its line up to the last complete period. */
  readonly area: string;
  readonly line: string;
  /** The line into a last period the data covers only in part (its `to`), drawn dashed; '' when there is none. */
  readonly partialLine: string;
  /** Line of the same periods a year earlier (gaps where unknown). */
  readonly previousLine: string;
  /** Where each point sits, for focus marks, the tooltip and the brush. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** `anchor`: where the label hangs off its tick, so one near an edge ("December") stays inside the chart. */
  readonly xTicks: readonly {
    readonly x: number;
    readonly label: string;
    readonly anchor: 'start' | 'middle' | 'end';
  }[];
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

/**
 * The first instant of a period key, in UTC: `2020` → 1 Jan 2020 (1 Apr 2020 for a fiscal year starting in month
 * 4), `2020-03` → 1 Mar 2020.
 */
export function keyDate(key: string, fiscalYearStart = 1): Date {
  const [y, m = String(fiscalYearStart), d = '1'] = key.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

const MARGIN = { left: 56, right: 12, top: 8, bottom: 24 };

/**
 * Lays out a time series with last year's values alongside: UTC time on x, a linear y from zero (or below, for
 * losses) with nice ticks. Pure: data and size in, SVG path strings and positions out.
 */
export function trendLayout(
  data: readonly TrendPoint[],
  width: number,
  height: number,
  fiscalYearStart = 1,
): TrendLayout {
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const dates = data.map((d) => keyDate(d.key, fiscalYearStart));
  // Fiscal years are ticked at their own first days, named as such: calendar ticks between them would mislead.
  const fiscal = fiscalYearStart !== 1 && data.every((d) => /^\d{4}$/.test(d.key));
  const first = dates[0] ?? new Date(0);
  const last = dates.at(-1) ?? first;
  const x = scaleUtc()
    .domain(first.getTime() === last.getTime() ? [first, new Date(first.getTime() + 864e5)] : [first, last])
    .range([plot.left, plot.right]);
  const values = data.flatMap((d) => (d.previous === null ? [d.value] : [d.value, d.previous]));
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .nice(4)
    .range([plot.bottom, plot.top]);
  const points = data.map((d, i) => ({ x: x(dates[i]!), y: y(d.value) }));
  const xOf = (_: TrendPoint, i: number) => points[i]!.x;
  const cut = data.at(-1)?.to !== undefined && data.length > 1 ? data.length - 1 : data.length;
  const partial = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y);
  return {
    width,
    height,
    plot,
    points,
    area:
      area<TrendPoint>()
        .x(xOf)
        .y0(y(0))
        .y1((d) => y(d.value))(data as TrendPoint[]) ?? '',
    line:
      line<TrendPoint>()
        .x(xOf)
        .y((d) => y(d.value))(data.slice(0, cut)) ?? '',
    partialLine: cut < data.length ? (partial(points.slice(cut - 1)) ?? '') : '',
    previousLine:
      line<TrendPoint>()
        .defined((d) => d.previous !== null)
        .x(xOf)
        .y((d) => y(d.previous ?? 0))(data as TrendPoint[]) ?? '',
    xTicks: (fiscal ? dates : x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 90)))).map((t, i) => {
      let label = fiscal
        ? fiscalYearLabel(t.getUTCFullYear(), fiscalYearStart)
        : t.getUTCMonth() === 0 && t.getUTCDate() === 1
          ? String(t.getUTCFullYear())
          : x.tickFormat()(t);
      // The first tick says which year the axis starts in ("October 2017", not "October").
      if (i === 0 && !/\d{4}/.test(label)) label = `${label} ${t.getUTCFullYear()}`;
      // Half the label at ~7 px a character (a generous width for the 0.85em axis font).
      const half = label.length * 3.5;
      const anchor = x(t) + half > width ? 'end' : x(t) - half < 0 ? 'start' : 'middle';
      return { x: x(t), label, anchor } as const;
    }),
    yTicks: y.ticks(4).map((v) => ({ y: y(v), value: v })),
  };
}

/** Index of the point nearest to `px` (the brush snaps to periods). */
export function nearest(points: TrendLayout['points'], px: number): number {
  let best = 0;
  for (let i = 1; i < points.length; i++) {
    if (Math.abs(points[i]!.x - px) < Math.abs(points[best]!.x - px)) best = i;
  }
  return best;
}

const series = (rows: readonly Row[], grain: string, measure: string) =>
  new Map(rows.map((r) => [String(r[grain]), Number(r[measure] ?? 0)]));

/** Joins each period of `rows` with the same period a year earlier in `before` (`grain` is year, month or day). */
export function withLastYear(
  rows: readonly Row[],
  before: readonly Row[],
  grain: string,
  measure: string,
): TrendPoint[] {
  const previous = series(before, grain, measure);
  return [...series(rows, grain, measure)].map(([key, value]) => {
    const earlier = String(yearEarlier(grain === 'year' ? Number(key) : key));
    return { key, value, previous: previous.get(earlier) ?? null };
  });
}
