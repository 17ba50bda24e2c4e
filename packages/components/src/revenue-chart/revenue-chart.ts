import { type DimensionName, isMeasure, MEASURES, type MeasureName } from '@atliq/sdk';
import { html, type TemplateResult } from 'lit';
import { toCsv } from '../base/csv.ts';
import { chartPng, exportActions } from '../base/export.ts';
import { currencySuffix, dimensionLabel, measureLabel, valueHeading } from '../base/labels.ts';
import { AtliqMarkChart } from '../base/mark-chart.ts';
import { periodArgs } from '../base/period-settings.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { toolbar } from '../base/toolbar.ts';
import { ViewMemo } from '../base/view-memo.ts';
import type { RevenueDatum } from './revenue-bars.ts';
import { revenueChartStyles } from './revenue-chart.styles.ts';
import { revenueQuery } from './revenue-query.ts';
import { revenueView, titleOf } from './revenue-view.ts';

export type { RevenueDatum };

/**
 * @tagname atliq-revenue-chart
 * @summary A measure by market (or another dimension) as horizontal bars, largest first. Click or Enter on a bar
 * selects its member, which cross-filters the other charts of the dashboard; Escape clears. An equivalent data
 * table is there for screen readers.
 *
 * With `compare`, the bars are the change of the measure per member: over the current period as the KPIs count it
 * (the year to the as-of day, or the filtered period) against its baseline (the same days a year earlier, or with
 * `comparison="previous"` the period before), largest rise first, falls in `--atliq-negative-color`; the value label
 * is the change in money and percent; the tooltip gives both values, the table, CSV and accessible names both
 * periods with their values.
 *
 * Drill-down (when `by` is market or customer): market → customer → product. With the "Drill down" toggle of the
 * toolbar on, click or Enter on a bar opens it (Shift+Enter on a focused bar always does); the breadcrumb's
 * buttons and Backspace go back up. Drilling narrows only this chart's own query (and clears its selection); it
 * still follows the cross-filter of the other charts. Escape clears the selection, never the drill path.
 * The toolbar downloads exactly what is shown as CSV or PNG.
 *
 * `theme` (dark, light or auto) sets its colours; unset, they come from the page or the dashboard.
 *
 * @event {CustomEvent<AtliqSelectDetail>} atliq-select - A bar was selected or the selection cleared; `detail` has
 * dimension, value and label.
 * @event {CustomEvent<AtliqDrillDetail>} atliq-drill - A person drilled down or went back up; `detail` has the path and
 * the dimension now shown.
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The data could not be loaded or an attribute is invalid;
 * `detail.message` says why.
 *
 * @csspart chart - The SVG drawing.
 * @csspart bar - Each bar.
 * @csspart label - Each category label.
 * @csspart value - Each value label.
 * @csspart tooltip - The value and contribution of the hovered or focused bar.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, empty or error message.
 * @csspart toolbar - The header: breadcrumb, drill toggle and export buttons.
 * @csspart covers - The caption under the breadcrumb naming the days the numbers cover (or the two periods compared).
 * @csspart breadcrumb - The drill path (`nav`); its buttons have the part `crumb`.
 * @csspart crumb - A breadcrumb button that goes back up to its level.
 * @csspart drill-toggle - The "Drill down" button (`aria-pressed` when drill mode is on).
 * @csspart export-csv - The CSV download button.
 * @csspart export-png - The PNG download button.
 *
 * @cssproperty --atliq-bar-color - Bar fill. Default `#2f6bd8`.
 * @cssproperty --atliq-negative-color - Fill of bars below zero (losses). Default `#c0392b`.
 * @cssproperty --atliq-focus-color - Outline of the focused bar and toolbar button. Default `#f5a623`.
 * @cssproperty --atliq-surface-color - Tooltip background. Default `#ffffff`.
 * @cssproperty --atliq-text-color - Labels and tooltip text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Value labels, toolbar button borders and status text. Default `#5b6472`.
 * @cssproperty --atliq-input-background - Toolbar buttons. Default `#ffffff`.
 * @cssproperty --atliq-chip-background - The pressed drill toggle. Default `#e8effc`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqRevenueChart extends AtliqMarkChart {
  static override styles = revenueChartStyles;
  static override properties = {
    /** Dimension the bars are grouped by: market (default), zone, customer, product, customer_type… */
    by: { type: String },
    /** Measure of the model: revenue (default), quantity, orders, profit, margin. */
    measure: { type: String },
    /** Show only the largest N members (shares stay of the total); empty shows all. */
    top: { type: String },
    /** Bars of the change against the baseline period (`comparison`), each with both periods' values. */
    compare: { type: Boolean },
  };

  declare by: DimensionName;
  declare measure: MeasureName;
  declare top: string;
  declare compare: boolean;

  readonly #size = new ResizeController(this);
  readonly #view = new ViewMemo<TemplateResult>();
  readonly #task = this.queryTask(
    () =>
      [
        this.by,
        this.measure,
        this.top,
        this.drill.path,
        this.locale,
        this.currency,
        this.compare,
        // Only a compared chart depends on the periods: the others do not re-run when they change.
        ...(this.compare ? periodArgs(this.period) : (['', '', ''] as const)),
      ] as const,
    revenueQuery,
  );

  constructor() {
    super();
    this.by = 'market';
    this.measure = 'revenue';
    this.top = '';
    this.compare = false;
  }

  protected override drillRoot(): string {
    return this.by;
  }

  protected override loaded(): Promise<unknown> {
    return this.#task.taskComplete;
  }

  /** The bars shown, largest first, once loaded. */
  get data(): readonly RevenueDatum[] | undefined {
    return this.#task.value?.bars;
  }

  /**
   * Exactly what is shown, as CSV: member, raw value (money in the currency shown, named), share in percent;
   * compared, member, the value in each period (named), the change and the change in percent of the baseline.
   */
  toCSV(): string {
    const { by = this.by, measure = this.measure, money, bars = [], periods } = this.#task.value ?? {};
    if (periods) {
      const heading = valueHeading(measure, money);
      return toCsv(
        [
          dimensionLabel(by),
          `${heading} ${periods.current}`,
          `${heading} ${periods.baseline}`,
          isMeasure(measure) && MEASURES[measure].format === 'percent'
            ? 'Change (pp)'
            : `Change${currencySuffix(measure, money)}`,
          'Change (%)',
        ],
        bars.map((b) => [
          b.label,
          b.compared?.current ?? 0,
          b.compared?.baseline ?? 0,
          b.value,
          b.compared?.percent ?? null,
        ]),
      );
    }
    return toCsv(
      [dimensionLabel(by), valueHeading(measure, money), 'Share of total (%)'],
      bars.map((b) => [b.label, b.value, b.share]),
    );
  }

  /** The chart as shown, as a PNG image (at the screen's pixel density, on the chart's background). */
  toPNG(): Promise<Blob> {
    return chartPng(this);
  }

  override render(): TemplateResult {
    const name = isMeasure(this.measure) ? measureLabel(this.measure).toLowerCase() : 'data';
    const filtered = Object.keys(this.link.filters()).length > 0 || this.drill.path.length > 0;
    const shown = this.#task.value;
    return html`${toolbar({
      drill: { controller: this.drill, root: this.by },
      exports: shown?.bars.length ? exportActions(titleOf(shown), this, (e) => this.fail(e)) : undefined,
      covers: shown?.bars.length ? shown.covers : undefined,
    })}${this.renderData(
      this.#task,
      {
        loading: `Loading ${name}…`,
        empty: filtered ? `No ${name} for the current filters.` : `No ${name} in this extract.`,
        error: 'Revenue chart unavailable',
      },
      (revenue) => revenue.bars.length === 0,
      (revenue) => {
        const state = {
          width: this.#size.width,
          font: this.#size.font,
          selected: this.selected,
          active: this._active,
          shortcuts: this.drill.shortcuts,
        };
        return this.#view.get([revenue, ...Object.values(state)], () =>
          revenueView(
            revenue,
            state,
            this.markHandlers(revenue.bars, (bar) => bar),
          ),
        );
      },
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-revenue-chart': AtliqRevenueChart;
  }
}
