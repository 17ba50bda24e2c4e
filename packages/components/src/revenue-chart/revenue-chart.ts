import { DIMENSIONS, isMeasure, MEASURES, type Member } from '@atliq/sdk';
import { html, svg, type TemplateResult } from 'lit';
import { AtliqElement, type LoadContext } from '../base/atliq-element.ts';
import { checkMeasure, parseTop } from '../base/attributes.ts';
import { toCsv } from '../base/csv.ts';
import { dataTable } from '../base/data-table.ts';
import { formatPercent, measureFormats } from '../base/format.ts';
import { barKeyAction } from '../base/keys.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { textWidth } from '../base/text-width.ts';
import { barsWithShares, type RevenueDatum, revenueBars } from './revenue-bars.ts';
import { revenueChartStyles } from './revenue-chart.styles.ts';

export type { RevenueDatum };

interface Revenue {
  readonly by: string;
  readonly measure: string;
  readonly currency: string;
  readonly bars: readonly RevenueDatum[];
}

const labelOf = (name: string, table: Record<string, { label: string }>) =>
  Object.hasOwn(table, name) ? table[name]!.label : name;

/**
 * @summary A measure by market (or another dimension) as horizontal bars, largest first. Click or Enter on a bar
 * selects its member, which cross-filters the other charts of the dashboard; Escape clears. An equivalent data
 * table is there for screen readers.
 *
 * @event atliq-select - A bar was selected or the selection cleared; `detail` has dimension, value and label.
 * @event atliq-error - The data could not be loaded or an attribute is invalid; `detail.message` says why.
 *
 * @csspart chart - The SVG drawing.
 * @csspart bar - Each bar.
 * @csspart label - Each category label.
 * @csspart value - Each value label.
 * @csspart tooltip - The value and contribution of the hovered or focused bar.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --atliq-bar-color - Bar fill. Default `#2f6bd8`.
 * @cssproperty --atliq-negative-color - Fill of bars below zero (losses). Default `#c0392b`.
 * @cssproperty --atliq-focus-color - Outline of the focused bar. Default `#f5a623`.
 * @cssproperty --atliq-surface-color - Tooltip background. Default `#ffffff`.
 * @cssproperty --atliq-text-color - Labels. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Value labels and status text. Default `#5b6472`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqRevenueChart extends AtliqElement {
  static override styles = revenueChartStyles;
  static override properties = {
    /** Dimension the bars are grouped by: market (default), zone, customer, product, customer_type… */
    by: { type: String },
    /** Measure of the model: revenue (default), quantity, orders, profit, margin. */
    measure: { type: String },
    /** Show only the largest N members (shares stay of the total); empty shows all. */
    top: { type: String },
    _active: { state: true },
  };

  declare by: string;
  declare measure: string;
  declare top: string;
  /** Index of the bar that has the keyboard focus or the pointer (the tooltip's bar); -1 for none. */
  declare _active: number;

  readonly #size = new ResizeController(this);
  readonly #task = this.dataTask(
    () => [this.by, this.measure, this.top] as const,
    async ([by, measure, top], context) => this.#load(by, measure, top, context),
  );

  constructor() {
    super();
    this.by = 'market';
    this.measure = 'revenue';
    this.top = '';
    this._active = -1;
  }

  /** The bars shown, largest first, once loaded. */
  get data(): readonly RevenueDatum[] | undefined {
    return this.#task.value?.bars;
  }

  /** The member this chart has selected (its clause of the cross-filter), if any. */
  get selected(): Member | undefined {
    return this.selectedMember(this.by);
  }

  /** Exactly what is shown, as CSV: member, raw value, share of total in percent. */
  toCSV(): string {
    const { by = this.by, measure = this.measure, bars = [] } = this.#task.value ?? {};
    const header = [labelOf(by, DIMENSIONS), labelOf(measure, MEASURES), 'Share of total (%)'];
    return toCsv(
      header,
      bars.map((b) => [b.label, b.value, b.share]),
    );
  }

  async #load(by: string, name: string, top: string, { source, filters, signal }: LoadContext): Promise<Revenue> {
    const limit = parseTop(top);
    const measure = checkMeasure(name);
    const rows = await source.query({ measures: [measure], dimensions: [by], filters }, { signal });
    const sorted = barsWithShares(rows, by, measure, MEASURES[measure].format !== 'percent');
    return {
      by,
      measure,
      currency: source.manifest?.reporting_currency ?? 'INR',
      bars: limit ? sorted.slice(0, limit) : sorted,
    };
  }

  override render(): TemplateResult {
    const name = isMeasure(this.measure) ? MEASURES[this.measure].label.toLowerCase() : 'data';
    const filtered = Object.keys(this.link.filters()).length > 0;
    return this.renderData(
      this.#task,
      {
        loading: `Loading ${name}…`,
        empty: filtered ? `No ${name} for the current filters.` : `No ${name} in this extract.`,
        error: 'Revenue chart unavailable',
      },
      (revenue) => revenue.bars.length === 0,
      (revenue) => this.#chart(revenue),
    );
  }

  #toggle(bar: RevenueDatum | undefined): void {
    if (bar && bar.member !== null) this.toggleMember(this.by, labelOf(this.by, DIMENSIONS), bar.member, bar.label);
  }

  #onKey(event: KeyboardEvent, bars: readonly RevenueDatum[]): void {
    const action = barKeyAction(event.key, this._active, bars.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') {
      this._active = action.index;
      this.updateComplete.then(() =>
        this.renderRoot.querySelector<SVGElement>(`[data-index="${action.index}"]`)?.focus(),
      );
    } else if (action.kind === 'select') this.#toggle(bars[this._active]);
    else this.toggleMember(this.by, '', null);
  }

  #chart({ by, measure, currency, bars }: Revenue): TemplateResult {
    const font = getComputedStyle(this).font;
    const labelWidth = Math.max(0, ...bars.map((bar) => textWidth(bar.label, font)));
    const layout = revenueBars(bars, { width: Math.max(this.#size.width, 240), labelWidth });
    const format = measureFormats(isMeasure(measure) ? MEASURES[measure].format : 'number', currency);
    const dimension = labelOf(by, DIMENSIONS);
    const measureLabel = labelOf(measure, MEASURES);
    const selected = this.selected;
    const focusIndex = this._active >= 0 && this._active < bars.length ? this._active : 0;
    const active = layout.bars[this._active];
    const describe = (b: RevenueDatum) =>
      `${b.label}: ${format.full(b.value)}${b.share === null ? '' : `, ${formatPercent(b.share)} of total`}`;
    return html`
      <svg part="chart" role="group" aria-label="${measureLabel} by ${dimension.toLowerCase()}" width=${layout.width}
        height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}"
        @keydown=${(e: KeyboardEvent) => this.#onKey(e, bars)} @pointerleave=${() => {
          this._active = -1;
        }}>
        ${layout.bars.map(
          (bar, i) => svg`
            <g class="mark" data-index=${i} tabindex=${i === focusIndex ? 0 : -1} role="button"
              aria-pressed=${bars[i]!.member === selected ? 'true' : 'false'} aria-label=${describe(bars[i]!)}
              data-selected=${bars[i]!.member === selected}
              data-dimmed=${selected !== undefined && bars[i]!.member !== selected}
              @click=${() => this.#toggle(bars[i])} @focus=${() => {
                this._active = i;
              }} @pointerenter=${() => {
                this._active = i;
              }}>
              <text part="label" class="label" x=${layout.labelX} y=${bar.cy}>${bar.label}</text>
              <rect part="bar" class=${bar.value < 0 ? 'bar negative' : 'bar'} x=${bar.x} y=${bar.y} width=${bar.width}
                height=${bar.height}></rect>
              <text part="value" class="value" x=${bar.valueX} y=${bar.cy}>${format.compact(bar.value)}</text>
            </g>`,
        )}
      </svg>
      ${
        active
          ? html`<div part="tooltip" class="tooltip" role="tooltip" style="top: ${active.y + active.height + 4}px">
              ${describe(bars[this._active]!)}</div>`
          : ''
      }
      ${dataTable(
        `${measureLabel} by ${dimension.toLowerCase()}, largest first`,
        [
          dimension,
          `${measureLabel}${format === measureFormats('currency', currency) ? ` (${currency})` : ''}`,
          'Share of total',
        ],
        bars.map((bar) => [bar.label, format.full(bar.value), bar.share === null ? '' : formatPercent(bar.share)]),
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-revenue-chart': AtliqRevenueChart;
  }
}
