import { MEASURES } from '@atliq/sdk';
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { toCsv } from '../base/csv.ts';
import { type CurrencyFormats, measureFormats } from '../base/format.ts';
import { currencySuffix } from '../base/labels.ts';
import { periodArgs } from '../base/period-settings.ts';
import { answered } from '../base/query-plan.ts';
import { kpiStyles } from './kpi.styles.ts';
import { describeChange } from './kpi-change.ts';
import {
  isKpiMeasure,
  type KpiComparison,
  type KpiData,
  type KpiMeasure,
  kpiComparisonQuery,
  kpiValueQuery,
  planKpi,
} from './kpi-query.ts';

export { KPI_MEASURES, type KpiComparison, type KpiData, type KpiMeasure } from './kpi-query.ts';

/**
 * @tagname atliq-kpi
 * @summary One key figure — revenue, quantity, orders, profit or margin — over one period under the dashboard's
 * filters, with its change against the same days a year earlier. The period is the one filtered, or with none the
 * (fiscal) year to the as-of day (the snapshot's newest order day unless `as-of` says otherwise), and is clipped to
 * that day: an incomplete year or month is compared with the same days of the earlier one, a complete one with the
 * complete earlier one, and the period line gives exact days when a period is partial ("1 Jan–26 Jun 2020"). The
 * figure appears first; its comparison follows when the baseline is loaded. The change is relative (in percent) —
 * except against a previous value of zero or less, where a percentage would mislead and the tile shows the amount
 * instead, saying why in its title — and in percentage points for margin. A baseline that starts before the
 * extract's first sale is not compared. `theme` (dark, light or auto) sets its colours; unset, they come from the
 * page or the dashboard.
 *
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The data could not be loaded or `measure` is invalid;
 * `detail.message` says why.
 *
 * @csspart label - The measure's name.
 * @csspart value - The figure.
 * @csspart period - The days the figure counts.
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

  declare measure: KpiMeasure;

  readonly #args = () => [this.measure, this.locale, this.currency, ...periodArgs(this.period)] as const;
  readonly #value = this.queryTask(this.#args, kpiValueQuery);
  // A bad attribute is reported once, by the figure's task; the comparison then has nothing to say.
  readonly #comparison = this.queryTask(this.#args, (args) =>
    isKpiMeasure(args[0])
      ? (context) => {
          try {
            return kpiComparisonQuery(planKpi(args, context));
          } catch {
            return answered(null);
          }
        }
      : () => answered(null),
  );

  constructor() {
    super();
    this.measure = 'revenue';
  }

  #data: { value: KpiData | undefined; comparison: KpiComparison | null | undefined; data: KpiData | undefined } = {
    value: undefined,
    comparison: undefined,
    data: undefined,
  };

  /** The figure and (undefined until loaded) its comparison; the same object until either changes. */
  get data(): KpiData | undefined {
    const value = this.#value.value;
    const comparison = this.#comparison.status === TaskStatus.COMPLETE ? this.#comparison.value : undefined;
    if (this.#data.value !== value || this.#data.comparison !== comparison) {
      this.#data = { value, comparison, data: value && { ...value, comparison } };
    }
    return this.#data.data;
  }

  /** Exactly what is shown, as CSV; money in the currency shown, the change with its unit. */
  toCSV(): string {
    const d = this.data;
    if (!d) return '';
    const c = d.comparison;
    const unit = currencySuffix(d.measure, d.money);
    return toCsv(
      ['Measure', 'Period', `Value${unit}`, 'Comparison', `Current${unit}`, `Previous${unit}`, 'Change', 'Change unit'],
      [
        [
          MEASURES[d.measure].label,
          d.period,
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
      this.#value,
      {
        loading: `Loading ${label.toLowerCase()}…`,
        empty: 'No data.',
        error: `${label} unavailable`,
        unavailable: label,
      },
      () => false,
      () => this.#tile(this.data!),
    );
  }

  #tile({ measure, value, period, comparison, money }: KpiData): TemplateResult {
    const def = MEASURES[measure];
    const format = measureFormats(def.format, money);
    const shown = value === null ? '—' : format.compact(value);
    return html`
      <div part="label" class="label">${def.label}</div>
      <div part="value" class="value" title=${value === null ? 'No data for the current filters' : format.full(value)}>
        ${shown}
      </div>
      ${period ? html`<div part="period" class="period">${period}</div>` : nothing}
      ${this.#comparisonLine(comparison, format, money.locale)}
    `;
  }

  #comparisonLine(
    comparison: KpiComparison | null | undefined,
    format: CurrencyFormats,
    locale: string,
  ): TemplateResult {
    const line = (text: string) => html`<div part="comparison" class="comparison">${text}</div>`;
    if (this.#comparison.status === TaskStatus.ERROR) return line('The comparison could not be loaded.');
    if (comparison === undefined) return line('Comparing…');
    if (comparison === null) return line('No earlier period to compare with.');
    const { baseline, previous, change, note } = comparison;
    if (note) return line(`vs ${baseline}: ${note}${values(format, previous)}.`);
    if (change === null) return line(`vs ${baseline}: no data to compare.`);
    const direction = change.value > 0 ? 'up' : change.value < 0 ? 'down' : 'flat';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    const { text, why } = describeChange(change, format, locale);
    return html`<div part="comparison" class="comparison" data-direction=${direction} data-unit=${change.unit}
      title=${why ? `${comparison.label}. ${why}` : comparison.label}>
      <span class="change" aria-hidden="true">${arrow}</span>
      <span class="change">${text}</span>
      <span class="period">vs ${baseline}${values(format, previous)}</span>
      ${why ? html`<span class="visually-hidden">${why}</span>` : nothing}
    </div>`;
  }
}

/** ` (₹20.2L)`: the baseline's value; '' when unknown. */
function values(format: CurrencyFormats, previous: number | null): string {
  return previous === null ? '' : ` (${format.compact(previous)})`;
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-kpi': AtliqKpi;
  }
}
