import { DIMENSIONS, isDimension } from '@atliq/sdk';
import { html, svg, type TemplateResult } from 'lit';
import { AtliqElement } from '../base/atliq-element.ts';
import { currencyFormats } from '../base/format.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { textWidth } from '../base/text-width.ts';
import { type BarDatum, revenueBars, sortBars } from './revenue-bars.ts';
import { revenueChartStyles } from './revenue-chart.styles.ts';

interface Revenue {
  readonly by: string;
  readonly currency: string;
  readonly bars: readonly BarDatum[];
}

/** Members without a value (e.g. the zone of an international market) still get a visible, honest label. */
const NO_VALUE = '(none)';

/**
 * @summary Revenue by market (or another dimension) as horizontal bars, largest first, with an equivalent data
 * table for screen readers.
 *
 * @event atliq-error - The data could not be loaded or `by` is unknown; `detail.message` says why and what to do.
 *
 * @csspart chart - The SVG drawing.
 * @csspart bar - Each bar.
 * @csspart label - Each category label.
 * @csspart value - Each value label.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --atliq-bar-color - Bar fill. Default `#2f6bd8`.
 * @cssproperty --atliq-text-color - Labels. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Value labels and status text. Default `#5b6472`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqRevenueChart extends AtliqElement {
  static override styles = revenueChartStyles;
  static override properties = {
    /** Dimension the revenue is grouped by: market (default), zone, customer, product_type, year… */
    by: { type: String },
  };

  declare by: string;

  readonly #size = new ResizeController(this);
  readonly #task = this.dataTask(
    () => [this.src, this.by] as const,
    async ([, by]) => this.#load(by),
  );

  constructor() {
    super();
    this.by = 'market';
  }

  /** The bars shown, largest first, once loaded: `label` is the dimension member, `value` the revenue. */
  get data(): readonly BarDatum[] | undefined {
    return this.#task.value?.bars;
  }

  /** An unknown `by` fails in the SDK's compiler, before anything is fetched: the error state explains it. */
  async #load(by: string): Promise<Revenue> {
    const source = this.source;
    const rows = await source.query({
      measures: ['revenue'],
      dimensions: [by],
      sort: [{ field: 'revenue', order: 'desc' }],
    });
    const bars = rows.map((row) => ({
      label: row[by] === null ? NO_VALUE : String(row[by]),
      value: Number(row.revenue),
    }));
    // Sorted with the drawing's tie-break so `data` and the bars never disagree on order.
    return { by, currency: source.manifest?.reporting_currency ?? 'INR', bars: sortBars(bars) };
  }

  override render(): TemplateResult {
    return this.renderData(
      this.#task,
      { loading: 'Loading revenue…', empty: 'No revenue in this extract.', error: 'Revenue chart unavailable' },
      (revenue) => revenue.bars.length === 0,
      (revenue) => this.#chart(revenue),
    );
  }

  #chart({ by, currency, bars }: Revenue): TemplateResult {
    const font = getComputedStyle(this).font;
    const labelWidth = Math.max(0, ...bars.map((bar) => textWidth(bar.label, font)));
    const layout = revenueBars(bars, { width: Math.max(this.#size.width, 240), labelWidth });
    const format = currencyFormats(currency);
    const label = isDimension(by) ? DIMENSIONS[by].label : by;
    return html`
      <svg part="chart" width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}" aria-hidden="true">
        ${layout.bars.map(
          (bar) => svg`
            <text part="label" class="label" x=${layout.labelX} y=${bar.cy}>${bar.label}</text>
            <rect part="bar" class="bar" x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height}></rect>
            <text part="value" class="value" x=${bar.valueX} y=${bar.cy}>${format.compact(bar.value)}</text>`,
        )}
      </svg>
      <table part="table" class="visually-hidden">
        <caption>Revenue by ${label.toLowerCase()}, largest first</caption>
        <thead><tr><th scope="col">${label}</th><th scope="col">Revenue (${currency})</th></tr></thead>
        <tbody>
          ${bars.map((bar) => html`<tr><th scope="row">${bar.label}</th><td>${format.full(bar.value)}</td></tr>`)}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-revenue-chart': AtliqRevenueChart;
  }
}
