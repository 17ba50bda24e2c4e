import { DIMENSIONS, isDimension } from '@atliq/sdk';
import { html, svg, type TemplateResult } from 'lit';
import { dataTable } from '../base/data-table.ts';
import type { DrillStep } from '../base/drill.ts';
import { formatPoints, percentFormat } from '../base/format.ts';
import { textWidth } from '../base/text-width.ts';
import { type MarginDatum, marginBars } from './profit-layout.ts';

/** What the chart shows: the margins of the members of `level` inside the opened `path`. */
export interface Margins {
  readonly level: string;
  readonly path: readonly DrillStep[];
  readonly rows: readonly MarginDatum[];
  /** Locale of every figure (the `locale` attribute, checked). */
  readonly locale: string;
}

/** The level's name, e.g. `Market`. */
export const levelLabel = (level: string) => (isDimension(level) ? DIMENSIONS[level].label : level);

/** "Profit margin by customer in Mumbai". */
export function titleOf({ level, path }: Pick<Margins, 'level' | 'path'>): string {
  const scope = path.length > 0 ? ` in ${path.map((s) => s.label).join(' › ')}` : '';
  return `Profit margin by ${levelLabel(level).toLowerCase()}${scope}`;
}

export interface ProfitViewState {
  readonly width: number;
  readonly font: string;
  readonly target: number;
  readonly selected: unknown;
}

/** The diverging margin bars with the target line, the members below target with their gap, and the table. */
export function profitView(margins: Margins, state: ProfitViewState, press: (d: MarginDatum) => void): TemplateResult {
  const { rows: data, level, locale } = margins;
  const formatPercent = percentFormat(locale);
  const points = (v: number) => formatPoints(v, locale);
  const { target, selected } = state;
  const layout = marginBars(data, {
    width: state.width,
    labelWidth: Math.max(0, ...data.map((d) => textWidth(d.label, state.font))),
    target,
  });
  const below = layout.bars.filter((b) => b.below);
  const name = levelLabel(level);
  const tip = (b: MarginDatum) =>
    `${b.label}: margin ${formatPercent(b.margin)} (${points(b.margin - target)} vs target); ${formatPercent(b.revenueShare)} of revenue, ${formatPercent(b.profitShare)} of profit`;
  return html`
    <svg part="chart" width=${state.width} height=${layout.height + 16} aria-hidden="true">
      ${layout.bars.map(
        (
          b,
        ) => svg`<g class="mark" data-dimmed=${selected !== undefined && selected !== b.label} @click=${() => press(b)}>
          <title>${tip(b)}</title>
          <text class="label" x=${layout.labelX} y=${b.cy}>${b.label}</text>
          <rect part="bar" class=${b.below ? 'bar below' : 'bar'} x=${b.x} y=${b.y} width=${b.width} height=${b.height}></rect>
          <text class="value" x=${b.margin < 0 ? b.x - 4 : b.x + b.width + 4} y=${b.cy}
            text-anchor=${b.margin < 0 ? 'end' : 'start'}>${formatPercent(b.margin)}</text>
        </g>`,
      )}
      <line class="zero" x1=${layout.zeroX} x2=${layout.zeroX} y1="0" y2=${layout.height}></line>
      <line part="target" class="target" x1=${layout.targetX} x2=${layout.targetX} y1="0" y2=${layout.height}></line>
      <text class="target-label" x=${layout.targetX} y=${layout.height + 12}>Target ${formatPercent(target)}</text>
    </svg>
    <p part="below-list" class="below-list">
      ${
        below.length === 0
          ? `Every ${name.toLowerCase()} meets the ${formatPercent(target)} target.`
          : html`<strong>Below the ${formatPercent(target)} target:</strong>
              ${below.map((b, i) => html`${i > 0 ? ', ' : ''}<span class="gap">${b.label} ${points(b.gap)}</span>`)}`
      }
    </p>
    ${dataTable(
      `${titleOf(margins)} against a ${formatPercent(target)} target`,
      [name, 'Margin', 'Gap to target', 'Revenue share', 'Profit share'],
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
