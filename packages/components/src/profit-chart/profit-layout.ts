import { scaleBand, scaleLinear } from 'd3';

/** One market's margin (percent) and its shares of revenue and profit (percent). */
export interface MarginDatum {
  readonly label: string;
  readonly margin: number;
  readonly revenueShare: number;
  readonly profitShare: number;
}

export interface MarginBar extends MarginDatum {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly cy: number;
  /** Margin minus target in percentage points; negative below target. */
  readonly gap: number;
  readonly below: boolean;
  /** A negative margin: the member loses money. */
  readonly loss: boolean;
}

export interface MarginLayout {
  readonly bars: readonly MarginBar[];
  readonly height: number;
  readonly zeroX: number;
  readonly targetX: number;
  readonly labelX: number;
}

/** The order the chart shows members in: highest margin first, ties by name. */
export const byMargin = (a: MarginDatum, b: MarginDatum) => b.margin - a.margin || a.label.localeCompare(b.label);

/**
 * Margin bars diverging around 0 (losses grow left), largest margin first, with the target's position on the same
 * scale, so the bars below it are the markets that miss it. Pure: data and sizes in, positions out.
 */
export function marginBars(
  data: readonly MarginDatum[],
  { width, labelWidth, target, step = 28 }: { width: number; labelWidth: number; target: number; step?: number },
): MarginLayout {
  const sorted = [...data].sort(byMargin);
  const labelX = Math.min(Math.ceil(labelWidth) + 2, Math.round(width * 0.35));
  const values = [...sorted.map((d) => d.margin), target, 0];
  // A loss's value label sits left of its bar: keep room for it clear of the market names.
  const left = labelX + 8 + (Math.min(...sorted.map((d) => d.margin)) < 0 ? 48 : 0);
  const x = scaleLinear()
    .domain([Math.min(...values), Math.max(...values)])
    .nice()
    .range([left, Math.max(left, width - 56)]);
  const height = step * sorted.length;
  const y = scaleBand<number>()
    .domain(sorted.map((_, i) => i))
    .range([0, height])
    .padding(0.2);
  const zeroX = x(0);
  const bars = sorted.map((d, i) => {
    const end = x(d.margin);
    const top = y(i) ?? 0;
    return {
      ...d,
      x: Math.min(zeroX, end),
      y: top,
      width: Math.abs(end - zeroX),
      height: y.bandwidth(),
      cy: top + y.bandwidth() / 2,
      gap: d.margin - target,
      below: d.margin < target,
      loss: d.margin < 0,
    };
  });
  return { bars, height, zeroX, targetX: x(target), labelX };
}
