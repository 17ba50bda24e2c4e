import { html, type TemplateResult } from 'lit';
import { type BarChannels, barMarks, barTooltip } from '../base/bar-mark.ts';
import { dataTable } from '../base/data-table.ts';
import type { DrillStep } from '../base/drill.ts';
import { formatPoints, percentFormat } from '../base/format.ts';
import { dimensionLabel } from '../base/labels.ts';
import type { MarkHandlers } from '../base/mark-chart.ts';
import { textWidth } from '../base/text-width.ts';
import { type MarginBar, type MarginDatum, marginBars } from './profit-layout.ts';
import { type DrawnTarget, type LastYear, targetWords } from './profit-target.ts';

/** What the chart shows: the margins of the members of `level` inside the opened `path`. */
export interface Margins {
  readonly level: string;
  readonly path: readonly DrillStep[];
  readonly rows: readonly MarginDatum[];
  /** Locale of every figure (the `locale` attribute, checked). */
  readonly locale: string;
  /** Present when no target is set: last year's margin, which is then the target. */
  readonly lastYear?: LastYear;
  /** The days the margins cover, for the caption (`coversLabel()`). */
  readonly covers: string;
}

/** "Profit margin by customer in Mumbai". */
export function titleOf({ level, path }: Pick<Margins, 'level' | 'path'>): string {
  const scope = path.length > 0 ? ` in ${path.map((s) => s.label).join(' › ')}` : '';
  return `Profit margin by ${dimensionLabel(level).toLowerCase()}${scope}`;
}

export interface ProfitViewState {
  readonly width: number;
  readonly font: string;
  readonly target: DrawnTarget;
  readonly selected: unknown;
  /** Index of the bar with the keyboard focus or the pointer (the tooltip's bar); -1 for none. */
  readonly active: number;
  /** Keys the marks answer besides arrows, Enter and Escape (drill keys), for `aria-keyshortcuts`. */
  readonly shortcuts: string;
}

/**
 * The diverging margin bars with the target line, the tooltip of the active bar, the members below target with
 * their gap, and the table. Bars come in `margins.rows` order (highest margin first), which is also their index.
 */
export function profitView(margins: Margins, state: ProfitViewState, on: MarkHandlers<MarginDatum>): TemplateResult {
  const { rows: data, level, locale } = margins;
  const formatPercent = percentFormat(locale);
  const points = (v: number) => formatPoints(v, locale);
  const target = state.target.value;
  const words = targetWords(state.target, formatPercent);
  const layout = marginBars(data, {
    width: state.width,
    labelWidth: Math.max(0, ...data.map((d) => textWidth(d.label, state.font))),
    target,
  });
  const below = layout.bars.filter((b) => b.below);
  const name = dimensionLabel(level);
  const title = `${titleOf(margins)} ${words.title}`;
  const active = layout.bars[state.active];
  const tip = (b: MarginDatum) =>
    `${b.label}: margin ${formatPercent(b.margin)} (${points(b.margin - target)} ${words.versus}); ${formatPercent(b.revenueShare)} of revenue, ${formatPercent(b.profitShare)} of profit`;
  const channels: BarChannels<MarginBar, MarginBar> = {
    label: (b) => b.label,
    describe: tip,
    classes: (b) => `bar${b.below ? ' below' : ''}${b.loss ? ' loss' : ''}`,
    value: (b) =>
      b.margin < 0
        ? { x: b.x - 4, text: formatPercent(b.margin), anchor: 'end' }
        : { x: b.x + b.width + 4, text: formatPercent(b.margin) },
    member: (b) => b.label,
  };
  return html`<div class="plot">
    <svg part="chart" role="group" aria-label=${title} width=${state.width} height=${layout.height + 16}
      @keydown=${on.key} @pointerleave=${on.leave}>
      ${barMarks(layout.bars, layout.bars, channels, { ...state, labelX: layout.labelX }, on)}
      <line class="zero" x1=${layout.zeroX} x2=${layout.zeroX} y1="0" y2=${layout.height}></line>
      <line part="target" class="target" x1=${layout.targetX} x2=${layout.targetX} y1="0" y2=${layout.height}></line>
      <text class="target-label" x=${layout.targetX} y=${layout.height + 12}>${words.line}</text>
    </svg>
    ${barTooltip(active, active && channels.value(active, active), active ? tip(active) : '', state)}</div>
    <p part="below-list" class="below-list">
      ${
        below.length === 0
          ? `Every ${name.toLowerCase()} meets ${words.name}.`
          : html`<strong>Below ${words.name}:</strong>
              ${below.map((b, i) => html`${i > 0 ? ', ' : ''}<span class="gap">${b.label} ${points(b.gap)}</span>`)}`
      }
    </p>
    ${dataTable(
      title,
      [name, 'Margin', words.gap, 'Revenue share', 'Profit share'],
      layout.bars.map((b) => [
        b.label,
        formatPercent(b.margin),
        points(b.gap),
        formatPercent(b.revenueShare),
        formatPercent(b.profitShare),
      ]),
    )}
  `;
}
