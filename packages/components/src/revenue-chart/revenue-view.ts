import { isMeasure, MEASURES, type Member } from '@atliq/sdk';
import { html, type TemplateResult } from 'lit';
import { type BarChannels, barMarks, barTooltip } from '../base/bar-mark.ts';
import { dataTable } from '../base/data-table.ts';
import type { DrillStep } from '../base/drill.ts';
import { formatPoints, measureFormats, percentFormat } from '../base/format.ts';
import { dimensionLabel, measureLabel, valueHeading } from '../base/labels.ts';
import type { MarkHandlers } from '../base/mark-chart.ts';
import type { Money } from '../base/money.ts';
import { textWidth } from '../base/text-width.ts';
import { type Bar, type RevenueDatum, revenueBars } from './revenue-bars.ts';
import type { ComparedPeriods } from './revenue-compare.ts';

/** What the chart shows: the bars of `measure` by `by` (the drilled level) inside the opened `path`. */
export interface Revenue {
  readonly by: string;
  readonly measure: string;
  readonly path: readonly DrillStep[];
  /** Locale and currency shown; money values are already converted to that currency. */
  readonly money: Money;
  readonly bars: readonly RevenueDatum[];
  /** With `compare`: the periods compared (the bars are the change from the baseline to the current period). */
  readonly periods?: ComparedPeriods;
  /** The days the bars cover, for the caption: the filters' period or every day; compared, both periods. */
  readonly covers: string;
}

/**
 * "Revenue by customer in Mumbai": the measure, the level and the opened members; compared, "Revenue change by
 * market, 1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019".
 */
export function titleOf({ by, measure, path, periods }: Pick<Revenue, 'by' | 'measure' | 'path' | 'periods'>): string {
  const scope = path.length > 0 ? ` in ${path.map((s) => s.label).join(' › ')}` : '';
  const change = periods ? ' change' : '';
  const compared = periods ? `, ${periods.current} vs ${periods.baseline}` : '';
  return `${measureLabel(measure)}${change} by ${dimensionLabel(by).toLowerCase()}${scope}${compared}`;
}

/** A change as a bar's label and in its tooltip: `+₹1.2Cr (+12.3%)`, `-0.4 pp` for a percentage measure. */
function changeText(d: RevenueDatum, amount: (v: number) => string, isPercent: boolean, locale: string): string {
  if (isPercent) return formatPoints(d.value, locale);
  const sign = (v: number, text: string) => (v > 0 && !text.startsWith('+') ? `+${text}` : text);
  const percent = d.compared?.percent;
  const relative =
    percent === null || percent === undefined ? '' : ` (${sign(percent, percentFormat(locale)(percent))})`;
  return `${sign(d.value, amount(d.value))}${relative}`;
}

export interface RevenueViewState {
  readonly width: number;
  readonly font: string;
  readonly selected: Member | undefined;
  /** Index of the bar with the focus or the pointer; -1 for none. */
  readonly active: number;
  /** Keys the marks answer besides arrows, Enter and Escape (drill keys), for `aria-keyshortcuts`. */
  readonly shortcuts: string;
}

/**
 * The bars, the tooltip of the active bar and the screen-reader table. Compared, the bars are the change (negative
 * ones in the negative colour), and the tooltip and table give both periods.
 */
export function revenueView(revenue: Revenue, state: RevenueViewState, on: MarkHandlers<RevenueDatum>): TemplateResult {
  const { by, measure, money, bars, periods } = revenue;
  const formatPercent = percentFormat(money.locale);
  const labelWidth = Math.max(0, ...bars.map((bar) => textWidth(bar.label, state.font)));
  const measureFormat = isMeasure(measure) ? MEASURES[measure].format : 'number';
  const format = measureFormats(measureFormat, money);
  const change = (d: RevenueDatum, amount: (v: number) => string) =>
    changeText(d, amount, measureFormat === 'percent', money.locale);
  const valueText = (d: RevenueDatum) => (periods ? change(d, format.compact) : format.compact(d.value));
  const valueWidth = periods ? Math.max(64, ...bars.map((d) => textWidth(valueText(d), state.font) + 8)) : undefined;
  const layout = revenueBars(bars, {
    width: Math.max(state.width, 240),
    labelWidth,
    ...(valueWidth ? { valueWidth } : {}),
  });
  const dimension = dimensionLabel(by);
  const heading = valueHeading(measure, money);
  const describe = (b: RevenueDatum) =>
    periods && b.compared
      ? `${b.label}: ${format.full(b.compared.current)} in ${periods.current} against ${format.full(b.compared.baseline)} in ${periods.baseline}, ${change(b, format.full)}`
      : `${b.label}: ${format.full(b.value)}${b.share === null ? '' : `, ${formatPercent(b.share)} of total`}`;
  // The tooltip leaves out the periods, which the title names, to stay on one line in the bar's row.
  const tooltip = (b: RevenueDatum) =>
    periods && b.compared
      ? `${b.label}: ${format.full(b.compared.current)} vs ${format.full(b.compared.baseline)}, ${change(b, format.full)}`
      : describe(b);
  const title = titleOf(revenue);
  const active = bars[state.active];
  const activeBar = layout.bars[state.active];
  const channels: BarChannels<RevenueDatum, Bar> = {
    label: (d) => d.label,
    describe,
    classes: (d) => (d.value < 0 ? 'bar negative' : 'bar'),
    value: (d, bar) => ({ x: bar.valueX, text: valueText(d) }),
    member: (d) => d.member,
  };
  const table = periods
    ? {
        caption: `${title}, largest change first`,
        headings: [dimension, `${heading} ${periods.current}`, `${heading} ${periods.baseline}`, 'Change'],
        rows: bars.map((b) => [
          b.label,
          format.full(b.compared?.current ?? 0),
          format.full(b.compared?.baseline ?? 0),
          change(b, format.full),
        ]),
      }
    : {
        caption: `${title}, largest first`,
        headings: [dimension, heading, 'Share of total'],
        rows: bars.map((b) => [b.label, format.full(b.value), b.share === null ? '' : formatPercent(b.share)]),
      };
  // The tooltip is placed relative to the plot, below the toolbar.
  return html`<div class="plot">
    <svg part="chart" role="group" aria-label=${title} width=${layout.width} height=${layout.height}
      viewBox="0 0 ${layout.width} ${layout.height}" @keydown=${on.key} @pointerleave=${on.leave}>
      ${barMarks(bars, layout.bars, channels, { ...state, labelX: layout.labelX }, on)}
    </svg>
    ${barTooltip(activeBar, active && activeBar && channels.value(active, activeBar), active ? tooltip(active) : '', { ...state, width: layout.width })}</div>
    ${dataTable(table.caption, table.headings, table.rows)}
  `;
}
