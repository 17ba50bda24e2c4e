import { AtliqError, type Member } from '@atliq/sdk';
import { html, type PropertyValues, svg, type TemplateResult } from 'lit';
import { AtliqElement, type LoadContext } from '../base/atliq-element.ts';
import { toCsv } from '../base/csv.ts';
import { dataTable } from '../base/data-table.ts';
import { formatPercent } from '../base/format.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { errorView } from '../base/status.ts';
import { textWidth } from '../base/text-width.ts';
import { profitChartStyles } from './profit-chart.styles.ts';
import { type MarginDatum, marginBars } from './profit-layout.ts';

const points = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)} pp`;

/**
 * Parses the `target` attribute: a margin in percent from -100 to 100 (`2.5`, `-1`).
 * @throws {AtliqError} for anything else.
 */
export function parseTarget(value: string): number {
  const n = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= -100 && n <= 100))
    throw new AtliqError(`target must be a margin in percent from -100 to 100, got "${value}".`);
  return n;
}

/**
 * @summary Profit margin % by market, diverging around zero, against a what-if profit target: markets below the
 * target are coloured and listed with their gap; each market's share of revenue and of profit are in the table
 * and the tooltip. Says "not available in this source" when the extract has no profit columns.
 *
 * @event atliq-select - A market was selected or the selection cleared.
 * @event atliq-error - The data could not be loaded or `target` is invalid.
 *
 * @csspart chart - The SVG drawing.
 * @csspart bar - Each bar (`below` class under target).
 * @csspart target - The target line.
 * @csspart below-list - The markets below target with their gap.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, unavailable or error message.
 *
 * @cssproperty --atliq-bar-color - Markets at or above target. Default `#2f6bd8`.
 * @cssproperty --atliq-below-target-color - Markets below target. Default `#d9822b`.
 * @cssproperty --atliq-negative-color - The target line. Default `#c0392b`.
 */
export class AtliqProfitChart extends AtliqElement {
  static override styles = profitChartStyles;
  static override properties = {
    /** The profit target: a margin in percent (the report's what-if parameter). Default 0. */
    target: { type: String },
  };

  declare target: string;
  #target = 0;
  #targetError: Error | undefined;

  readonly #size = new ResizeController(this);
  readonly #task = this.dataTask(
    () => [] as const,
    (_, context) => this.#load(context),
  );

  constructor() {
    super();
    this.target = '0';
  }

  /** An invalid target is reported once, when it is set, and then shown instead of the chart. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('target')) return;
    try {
      this.#target = parseTarget(this.target);
      this.#targetError = undefined;
    } catch (error) {
      this.#targetError = error as Error;
      this.emit('atliq-error', { message: this.#targetError.message, error });
    }
  }

  /** Margin and shares per market, once loaded (the target is applied when drawing). */
  get data(): readonly MarginDatum[] | undefined {
    return this.#task.value;
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const target = this.#target;
    return toCsv(
      ['Market', 'Margin (%)', 'Gap to target (pp)', 'Revenue share (%)', 'Profit share (%)'],
      (this.data ?? []).map((d) => [d.label, d.margin, d.margin - target, d.revenueShare, d.profitShare]),
    );
  }

  async #load({ source, filters, signal }: LoadContext): Promise<MarginDatum[]> {
    const rows = await source.query(
      { measures: ['margin', 'revenue_share', 'profit_share'], dimensions: ['market'], filters },
      { signal },
    );
    return rows
      .filter((r) => r['margin'] !== null && r['market'] !== null)
      .map((r) => ({
        label: String(r['market']),
        margin: Number(r['margin']),
        revenueShare: Number(r['revenue_share'] ?? 0),
        profitShare: Number(r['profit_share'] ?? 0),
      }));
  }

  override render(): TemplateResult {
    if (this.#targetError) return errorView('Profit chart unavailable', this.#targetError.message);
    return this.renderData(
      this.#task,
      { loading: 'Loading profit…', empty: 'No sales for the current filters.', error: 'Profit chart unavailable' },
      (d) => d.length === 0,
      (d) => this.#chart(d),
    );
  }

  #chart(data: readonly MarginDatum[]): TemplateResult {
    const target = this.#target;
    const width = Math.max(this.#size.width, 260);
    const font = getComputedStyle(this).font;
    const layout = marginBars(data, {
      width,
      labelWidth: Math.max(0, ...data.map((d) => textWidth(d.label, font))),
      target,
    });
    const selected = this.selectedMember('market');
    const below = layout.bars.filter((b) => b.below);
    const tip = (b: MarginDatum) =>
      `${b.label}: margin ${formatPercent(b.margin)} (${points(b.margin - target)} vs target); ${formatPercent(b.revenueShare)} of revenue, ${formatPercent(b.profitShare)} of profit`;
    return html`
      <svg part="chart" width=${width} height=${layout.height + 16} aria-hidden="true">
        ${layout.bars.map(
          (b) => svg`<g class="mark" data-dimmed=${selected !== undefined && selected !== b.label}
              @click=${() => this.toggleMember('market', 'Market', b.label as Member, b.label)}>
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
            ? `Every market meets the ${formatPercent(target)} target.`
            : html`<strong>Below the ${formatPercent(target)} target:</strong>
                ${below.map((b, i) => html`${i > 0 ? ', ' : ''}<span class="gap">${b.label} ${points(b.gap)}</span>`)}`
        }
      </p>
      ${dataTable(
        `Profit margin by market against a ${formatPercent(target)} target`,
        ['Market', 'Margin', 'Gap to target', 'Revenue share', 'Profit share'],
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
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-profit-chart': AtliqProfitChart;
  }
}
