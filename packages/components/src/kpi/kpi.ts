import { AtliqError, type AtliqSource, type Filters, MEASURES } from '@atliq/sdk';
import { html, type TemplateResult } from 'lit';
import { AtliqElement, type LoadContext } from '../base/atliq-element.ts';
import { toCsv } from '../base/csv.ts';
import { formatPercent, measureFormats } from '../base/format.ts';
import { describePeriod, hasPeriod, previousPeriod, yearToDate } from '../base/period.ts';
import { kpiStyles } from './kpi.styles.ts';

/** Measures a KPI tile can show. */
export const KPI_MEASURES = ['revenue', 'quantity', 'orders', 'profit', 'margin'] as const;
type KpiMeasure = (typeof KPI_MEASURES)[number];

/** The KPI as shown: the value under the current filters and its comparison with the previous period. */
export interface KpiData {
  readonly measure: KpiMeasure;
  readonly value: number | null;
  readonly comparison: {
    /** e.g. "vs 2019" or "Jan–Jun 2020 vs Jan–Jun 2019". */
    readonly label: string;
    readonly current: number | null;
    readonly previous: number | null;
    /** Relative change in percent, or for a percentage measure the change in percentage points; null if unknown. */
    readonly change: number | null;
  } | null;
  readonly currency: string;
}

const isKpiMeasure = (m: string): m is KpiMeasure => (KPI_MEASURES as readonly string[]).includes(m);

async function total(source: AtliqSource, measure: KpiMeasure, filters: Filters, signal: AbortSignal) {
  const [row] = await source.query({ measures: [measure], filters }, { signal });
  const value = row?.[measure];
  return value === null || value === undefined ? null : Number(value);
}

function change(measure: KpiMeasure, current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (MEASURES[measure].format === 'percent') return current - previous;
  return previous === 0 ? null : (100 * (current - previous)) / Math.abs(previous);
}

/**
 * @summary One key figure — revenue, quantity, orders, profit or margin — under the dashboard's filters, with its
 * change against the same period a year earlier (the year filter shifted back one year; with no period filtered,
 * the latest year to date against the same months of the year before).
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
 * @cssproperty --atliq-muted-color - Label and comparison period. Default `#5b6472`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 */
export class AtliqKpi extends AtliqElement {
  static override styles = kpiStyles;
  static override properties = {
    /** revenue (default), quantity, orders, profit or margin. */
    measure: { type: String },
  };

  declare measure: string;

  readonly #task = this.dataTask(
    () => [this.measure] as const,
    ([measure], context) => this.#load(measure, context),
  );

  constructor() {
    super();
    this.measure = 'revenue';
  }

  /** The figure and its comparison, once loaded. */
  get data(): KpiData | undefined {
    return this.#task.value;
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const d = this.data;
    if (!d) return '';
    const c = d.comparison;
    return toCsv(
      ['Measure', 'Value', 'Comparison', 'Current', 'Previous', 'Change'],
      [
        [
          MEASURES[d.measure].label,
          d.value,
          c?.label ?? null,
          c?.current ?? null,
          c?.previous ?? null,
          c?.change ?? null,
        ],
      ],
    );
  }

  async #load(measure: string, { source, filters, signal }: LoadContext): Promise<KpiData> {
    if (!isKpiMeasure(measure)) {
      throw new AtliqError(`Unknown KPI measure "${measure}". Use one of: ${KPI_MEASURES.join(', ')}.`);
    }
    const value = await total(source, measure, filters, signal);
    const currency = source.manifest?.reporting_currency ?? 'INR';
    if (hasPeriod(filters)) {
      const before = previousPeriod(filters);
      const previous = await total(source, measure, before, signal);
      const comparison = { label: `vs ${describePeriod(before)}`, current: value, previous };
      return { measure, value, currency, comparison: { ...comparison, change: change(measure, value, previous) } };
    }
    const months = await source.query({ measures: [], dimensions: ['month'], filters }, { signal });
    const ytd = yearToDate(months.map((r) => String(r['month'])));
    if (!ytd) return { measure, value, currency, comparison: null };
    const [current, previous] = await Promise.all([
      total(source, measure, { ...filters, ...ytd.current }, signal),
      total(source, measure, { ...filters, ...ytd.previous }, signal),
    ]);
    return {
      measure,
      value,
      currency,
      comparison: { label: ytd.label, current, previous, change: change(measure, current, previous) },
    };
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

  #tile({ measure, value, comparison, currency }: KpiData): TemplateResult {
    const def = MEASURES[measure];
    const format = measureFormats(def.format, currency);
    const shown = value === null ? '—' : format.compact(value);
    return html`
      <div part="label" class="label">${def.label}</div>
      <div part="value" class="value" title=${value === null ? 'No data for the current filters' : format.full(value)}>
        ${shown}
      </div>
      ${comparison ? this.#comparison(def.format, comparison, format.compact) : html`<div part="comparison" class="comparison">No earlier period to compare with.</div>`}
    `;
  }

  #comparison(
    kind: string,
    { label, previous, change: delta }: NonNullable<KpiData['comparison']>,
    compact: (v: number) => string,
  ): TemplateResult {
    if (delta === null) {
      return html`<div part="comparison" class="comparison">${label}: no data to compare.</div>`;
    }
    const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
    const amount =
      kind === 'percent'
        ? `${delta > 0 ? '+' : ''}${delta.toFixed(1)} pp`
        : `${delta > 0 ? '+' : ''}${formatPercent(delta)}`;
    return html`<div part="comparison" class="comparison" data-direction=${direction}>
      <span class="change" aria-hidden="true">${arrow}</span>
      <span class="change">${amount}</span>
      <span class="period">${label}${previous === null ? '' : ` (${compact(previous)})`}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-kpi': AtliqKpi;
  }
}
