import { isMeasure, MEASURES, type Member } from '@atliq/sdk';
import { html, type TemplateResult } from 'lit';
import { barMarks, barTooltip } from '../base/bar-mark.ts';
import { dataTable } from '../base/data-table.ts';
import type { DrillStep } from '../base/drill.ts';
import { measureFormats, percentFormat } from '../base/format.ts';
import { dimensionLabel, measureLabel, valueHeading } from '../base/labels.ts';
import type { MarkHandlers } from '../base/mark-chart.ts';
import type { Money } from '../base/money.ts';
import { textWidth } from '../base/text-width.ts';
import { type RevenueDatum, revenueBars } from './revenue-bars.ts';

/** What the chart shows: the bars of `measure` by `by` (the drilled level) inside the opened `path`. */
export interface Revenue {
  readonly by: string;
  readonly measure: string;
  readonly path: readonly DrillStep[];
  /** Locale and currency shown; money values are already converted to that currency. */
  readonly money: Money;
  readonly bars: readonly RevenueDatum[];
}

/** "Revenue by customer in Mumbai": the measure, the level and the opened members. */
export function titleOf({ by, measure, path }: Pick<Revenue, 'by' | 'measure' | 'path'>): string {
  const scope = path.length > 0 ? ` in ${path.map((s) => s.label).join(' › ')}` : '';
  return `${measureLabel(measure)} by ${dimensionLabel(by).toLowerCase()}${scope}`;
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

/** The bars, the tooltip of the active bar and the screen-reader table. */
export function revenueView(revenue: Revenue, state: RevenueViewState, on: MarkHandlers<RevenueDatum>): TemplateResult {
  const { by, measure, money, bars } = revenue;
  const formatPercent = percentFormat(money.locale);
  const labelWidth = Math.max(0, ...bars.map((bar) => textWidth(bar.label, state.font)));
  const layout = revenueBars(bars, { width: Math.max(state.width, 240), labelWidth });
  const format = measureFormats(isMeasure(measure) ? MEASURES[measure].format : 'number', money);
  const dimension = dimensionLabel(by);
  const describe = (b: RevenueDatum) =>
    `${b.label}: ${format.full(b.value)}${b.share === null ? '' : `, ${formatPercent(b.share)} of total`}`;
  const title = titleOf(revenue);
  const active = bars[state.active];
  // The tooltip is placed relative to the plot, below the toolbar.
  return html`<div class="plot">
    <svg part="chart" role="group" aria-label=${title} width=${layout.width} height=${layout.height}
      viewBox="0 0 ${layout.width} ${layout.height}" @keydown=${on.key} @pointerleave=${on.leave}>
      ${barMarks(
        bars,
        layout.bars,
        {
          label: (d) => d.label,
          describe,
          classes: (d) => (d.value < 0 ? 'bar negative' : 'bar'),
          value: (d, bar) => ({ x: bar.valueX, text: format.compact(d.value) }),
          member: (d) => d.member,
        },
        { ...state, labelX: layout.labelX },
        on,
      )}
    </svg>
    ${barTooltip(layout.bars[state.active], active ? describe(active) : '', { ...state, labelX: layout.labelX, width: layout.width })}</div>
    ${dataTable(
      `${title}, largest first`,
      [dimension, valueHeading(measure, money), 'Share of total'],
      bars.map((bar) => [bar.label, format.full(bar.value), bar.share === null ? '' : formatPercent(bar.share)]),
    )}
  `;
}
