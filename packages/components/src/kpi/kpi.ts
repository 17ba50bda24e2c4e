import { MEASURES } from '@atliq/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { toCsv } from '../base/csv.ts';
import { type CurrencyFormats, measureFormats } from '../base/format.ts';
import { kpiStyles } from './kpi.styles.ts';
import { describeChange } from './kpi-change.ts';
import { isKpiMeasure, type KpiData, loadKpi } from './kpi-query.ts';

export { KPI_MEASURES, type KpiData } from './kpi-query.ts';

/**
 * @summary One key figure — revenue, quantity, orders, profit or margin — under the dashboard's filters, with its
 * change against the same period a year earlier (the year filter shifted back one year; with no period filtered,
 * the latest year to date against the same months of the year before). The change is relative (in percent) —
 * except against a previous value of zero or less, where a percentage would mislead and the tile shows the
 * amount instead, saying why in its title — and in percentage points for margin. `theme` (dark, light or auto)
 * sets its colours; unset, they come from the page or the dashboard.
 *
 * @event atliq-error - The data could not be loaded or `measure` is invalid; `detail.message` says why.
 *
 * @csspart label - The measure's name.
 * @csspart value - The figure.
 * @csspart comparison - The change against the previous period.
 * @csspart status - The loading, empty, unavailable or error message.
 *
 * @cssproperty --atliq-kpi-value-size - Font size of the figure. Default `2em`.
 * @cssproperty --atliq-positive-color - A rise. Default `#1b7f3b`.
 * @cssproperty --atliq-negative-color - A fall. Default `#c0392b`.
 * @cssproperty --atliq-text-color - Text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Label, comparison period and status text. Default `#5b6472`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `4.5rem`.
 */
export class AtliqKpi extends AtliqChart {
  static override styles = kpiStyles;
  static override properties = {
    /** revenue (default), quantity, orders, profit or margin. */
    measure: { type: String },
  };

  declare measure: string;

  readonly #task = this.dataTask(() => [this.measure, this.locale, this.currency] as const, loadKpi);

  constructor() {
    super();
    this.measure = 'revenue';
  }

  /** The figure and its comparison, once loaded. */
  get data(): KpiData | undefined {
    return this.#task.value;
  }

  /** Exactly what is shown, as CSV; money in the currency shown, the change with its unit. */
  toCSV(): string {
    const d = this.data;
    if (!d) return '';
    const c = d.comparison;
    const unit = MEASURES[d.measure].format === 'currency' ? ` (${d.money.currency})` : '';
    return toCsv(
      ['Measure', `Value${unit}`, 'Comparison', `Current${unit}`, `Previous${unit}`, 'Change', 'Change unit'],
      [
        [
          MEASURES[d.measure].label,
          d.value,
          c?.label ?? null,
          c?.current ?? null,
          c?.previous ?? null,
          c?.change?.value ?? null,
          c?.change?.unit ?? null,
        ],
      ],
    );
  }

  override render(): TemplateResult {
    const label = isKpiMeasure(this.measure) ? MEASURES[this.measure].label : 'KPI';
    return this.renderData(
      this.#task,
      {
        loading: `Loading ${label.toLowerCase()}…`,
        empty: 'No data.',
        error: `${label} unavailable`,
        unavailable: label,
      },
      () => false,
      (data) => this.#tile(data),
    );
  }

  #tile({ measure, value, comparison, money }: KpiData): TemplateResult {
    const def = MEASURES[measure];
    const format = measureFormats(def.format, money);
    const shown = value === null ? '—' : format.compact(value);
    return html`
      <div part="label" class="label">${def.label}</div>
      <div part="value" class="value" title=${value === null ? 'No data for the current filters' : format.full(value)}>
        ${shown}
      </div>
      ${comparison ? this.#comparison(comparison, format, money.locale, value) : html`<div part="comparison" class="comparison">No earlier period to compare with.</div>`}
    `;
  }

  /**
   * The change and the periods compared. When they are not the figure's own period (no period filtered: the figure
   * is the total, the change the latest year to date), both compared values are shown, so the change is never
   * read as the change of the figure above it.
   */
  #comparison(
    { label, current, previous, change }: NonNullable<KpiData['comparison']>,
    format: CurrencyFormats,
    locale: string,
    value: number | null,
  ): TemplateResult {
    if (change === null) {
      return html`<div part="comparison" class="comparison">${label}: no data to compare.</div>`;
    }
    const direction = change.value > 0 ? 'up' : change.value < 0 ? 'down' : 'flat';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    const { text, why } = describeChange(change, format, locale);
    return html`<div part="comparison" class="comparison" data-direction=${direction} data-unit=${change.unit}
      title=${why || nothing}>
      <span class="change" aria-hidden="true">${arrow}</span>
      <span class="change">${text}</span>
      <span class="period">${label}${values(format, current === value ? null : current, previous)}</span>
      ${why ? html`<span class="visually-hidden">${why}</span>` : nothing}
    </div>`;
  }
}

/** ` (₹15.2L vs ₹20.2L)`, or ` (₹20.2L)` with the current value left out; '' with nothing to show. */
function values(format: CurrencyFormats, current: number | null, previous: number | null): string {
  if (previous === null) return '';
  return current === null
    ? ` (${format.compact(previous)})`
    : ` (${format.compact(current)} vs ${format.compact(previous)})`;
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-kpi': AtliqKpi;
  }
}
