import { MEASURES, type MeasureName } from '@atliq/sdk';
import { deepEquals } from '@lit/task/deep-equals.js';
import { html, type TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { toCsv } from '../base/csv.ts';
import { type DrillStep, TIME_HIERARCHY } from '../base/drill.ts';
import { chartPng, exportActions } from '../base/export.ts';
import { valueHeading } from '../base/labels.ts';
import { shown } from '../base/money.ts';
import { periodArgs } from '../base/period-settings.ts';
import { answered, plan, total } from '../base/query-plan.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { toolbar } from '../base/toolbar.ts';
import { ViewMemo } from '../base/view-memo.ts';
import { trendChartStyles } from './trend-chart.styles.ts';
import { drillClick, drillKey } from './trend-drill.ts';
import { trendKeyAction } from './trend-keys.ts';
import { nearest, type TrendLayout, type TrendPoint } from './trend-layout.ts';
import { type Grain, type Trend, trendQuery } from './trend-query.ts';
import { periodClause, selectedIndexes } from './trend-selection.ts';
import { trendView } from './trend-view.ts';

/** Plot height in CSS pixels, from the documented custom property (240 when unset). */
const CHART_HEIGHT = '--atliq-chart-height';

/**
 * @tagname atliq-trend-chart
 * @summary A measure over time — by year, month or day — as an area, with the same periods a year earlier as a
 * dashed line. A last period the data covers only to the as-of day is drawn dashed into a hollow point labelled
 * "to 26 Jun", and compared with the same days a year earlier; a period whose year-earlier period the data covers
 * only in part (the sales start within it) has no earlier value. Drag across the chart to select a range of periods, which filters the other charts of the dashboard;
 * Escape clears. The toolbar downloads exactly what is shown as CSV or PNG (the PNG with its legend). The `theme`
 * attribute (`dark`, `light` or `auto`) sets every colour below at once; each can also be set on its own.
 *
 * Keyboard: the chart is one tab stop, a multi-select listbox of its periods. Arrows and Home/End move the focused
 * period (outlined, with its tooltip), Enter or Space selects it, Shift with an arrow (or Home/End) extends the
 * selection to a range of periods — the same clause the brush makes — and Escape clears.
 *
 * Drill-down through the date hierarchy: year → month → day (from `grain="month"` month → day; a day grain does
 * not drill). With the "Drill down" toggle of the toolbar on, a click or Enter on a period opens it (Shift+Enter on
 * the focused period always does); the breadcrumb ("All years › 2019 › Mar 2019") and Backspace go back up. The
 * opened period narrows only this chart (and clears its selection); it still follows the other charts' cross-filter.
 *
 * @event {CustomEvent<AtliqSelectDetail>} atliq-select - A period was selected or cleared; `detail.value` is `"from –
 * to"` or null.
 * @event {CustomEvent<AtliqDrillDetail>} atliq-drill - A person drilled down or went back up; `detail` has the path and
 * the grain now shown.
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The data could not be loaded or an attribute is invalid.
 *
 * @csspart chart - The SVG drawing.
 * @csspart area - The current series.
 * @csspart previous - Last year's line.
 * @csspart partial - The dashed line into a last period cut short by the as-of day (e.g. June to the 26th), which
 * is compared with the same days a year earlier.
 * @csspart brush - The selected period.
 * @csspart period - Each period's column (an option of the listbox), outlined when focused from the keyboard.
 * @csspart tooltip - Value and last year's value of the focused or hovered period.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, empty or error message.
 * @csspart toolbar - The header: breadcrumb, drill toggle and export buttons.
 * @csspart breadcrumb - The drill path (`nav`); its buttons have the part `crumb`.
 * @csspart crumb - A breadcrumb button that goes back up to its level.
 * @csspart drill-toggle - The "Drill down" button (`aria-pressed` when drill mode is on).
 * @csspart export-csv - The CSV download button.
 * @csspart export-png - The PNG download button.
 *
 * @cssproperty --atliq-bar-color - Line and area colour. Default `#2f6bd8`.
 * @cssproperty --atliq-previous-color - Last year's line. Default `#9aa3b2`.
 * @cssproperty --atliq-brush-color - The selected period. Default `rgb(245 166 35 / 0.25)`.
 * @cssproperty --atliq-focus-color - Outline of the focused period. Default `#f5a623`.
 * @cssproperty --atliq-surface-color - Tooltip background. Default `#ffffff`.
 * @cssproperty --atliq-chart-height - Height of the chart. Default `240px`.
 * @cssproperty --atliq-text-color - Labels. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Axes, legend and status text. Default `#5b6472`.
 * @cssproperty --atliq-input-background - Toolbar buttons. Default `#ffffff`.
 * @cssproperty --atliq-chip-background - The pressed drill toggle. Default `#e8effc`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqTrendChart extends AtliqChart {
  static override styles = trendChartStyles;
  static override properties = {
    /** Period of each point: month (default), year or day. */
    grain: { type: String },
    /** Measure of the model: revenue (default), quantity, orders, profit, margin. */
    measure: { type: String },
    _active: { state: true },
    _drag: { state: true },
  };

  declare grain: Grain;
  declare measure: MeasureName;
  /** Index of the period with the keyboard focus or the pointer (the tooltip's period); -1 for none. */
  declare _active: number;
  /** The periods under a pointer brush, while it is drawn. */
  declare _drag: { from: number; to: number } | null;

  readonly #size = new ResizeController(this, [CHART_HEIGHT]);
  readonly #view = new ViewMemo<TemplateResult>();
  readonly #drill = this.drillController(
    () => this.grain,
    () => {
      this._active = -1;
    },
    TIME_HIERARCHY,
  );
  readonly #task = this.queryTask(
    () => [this.grain, this.measure, this.locale, this.currency, this.#drill.path, ...periodArgs(this.period)] as const,
    trendQuery,
  );

  // The last period's earlier value when the as-of day cuts it short: the same days a year earlier, which may need
  // the engine. The chart is drawn without it meanwhile (the month × market file draws the rest).
  readonly #cutPrevious = this.queryTask(
    () => [this.#task.value] as const,
    ([trend]) =>
      () => {
        if (!trend?.cutBaseline) return answered(null);
        const { measure, money } = trend;
        return plan({ previous: { measures: [measure], filters: trend.cutBaseline } }, ({ previous }) => ({
          trend,
          previous: shown(money, measure, total(previous, measure)),
        }));
      },
  );
  #merged: { from: Trend | undefined; cut: unknown; trend: Trend | undefined } = {
    from: undefined,
    cut: undefined,
    trend: undefined,
  };

  constructor() {
    super();
    this.grain = 'month';
    this.measure = 'revenue';
    this._active = -1;
    this._drag = null;
  }

  /** The points shown, in time order, each with last year's value. */
  get data(): readonly TrendPoint[] | undefined {
    return this.#trend()?.points;
  }

  /** The trend with its cut last period's earlier value once loaded; the same object until either changes. */
  #trend(): Trend | undefined {
    const from = this.#task.value;
    const cut = this.#cutPrevious.value;
    if (this.#merged.from === from && this.#merged.cut === cut) return this.#merged.trend;
    let trend = from;
    // By value: the cut task, like every data task, does not re-run for a new trend equal to the one it loaded for.
    if (from && cut && deepEquals(cut.trend, from)) {
      trend = { ...from, points: [...from.points.slice(0, -1), { ...from.points.at(-1)!, previous: cut.previous }] };
    }
    this.#merged = { from, cut, trend };
    return trend;
  }

  /**
   * The periods drilled into, top first, e.g. `[{ dimension: 'year', member: 2019, label: '2019' }]`; empty at the
   * top. Settable (no event fires); steps that do not follow the date hierarchy below `grain` are dropped.
   */
  get drillPath(): readonly DrillStep[] {
    return this.#drill.path;
  }

  set drillPath(path: readonly DrillStep[]) {
    this.#drill.path = path;
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const t = this.#trend();
    if (!t) return '';
    const label = valueHeading(t.measure, t.money);
    // A period the data covers in part says which days it counts (and its year-earlier value the same days).
    const counted = (p: TrendPoint) => (p.to ? `to ${p.to}` : p.from ? `from ${p.from}` : null);
    return toCsv(
      ['Period', label, `${label} a year earlier`, 'Days counted'],
      t.points.map((p) => [p.key, p.value, p.previous, counted(p)]),
    );
  }

  /** The chart as shown, legend included, as a PNG image (at the screen's pixel density, on its background). */
  toPNG(): Promise<Blob> {
    return chartPng(this, ['.legend']);
  }

  override render(): TemplateResult {
    const t = this.#trend();
    const within = t?.path.at(-1);
    const title = t && `${MEASURES[t.measure].label} by ${t.grain}${within ? ` in ${within.label}` : ''}`;
    const exports = t?.points.length ? exportActions(title!, this, (e) => this.fail(e)) : undefined;
    const drill = { controller: this.#drill, root: this.grain, mark: 'period', always: true };
    return html`${toolbar({ drill, exports })}${this.renderData(
      this.#task,
      { loading: 'Loading the trend…', empty: 'No sales in this period.', error: 'Trend unavailable' },
      (t) => t.points.length === 0,
      (value) => this.#drawn(this.#trend() ?? value),
    )}`;
  }

  #drawn(t: Trend): TemplateResult {
    return this.#view.get(
      [
        t,
        this.#size.width,
        this.#size.style(CHART_HEIGHT),
        this._active,
        this._drag,
        this.#ownClause(),
        this.#drill.shortcuts,
      ],
      () => this.#chart(t),
    );
  }

  /** Selects the periods of `trend` from index `a` to `b` (either order), or clears with null. */
  #selectRange({ points, grain }: Trend, range: readonly [number, number] | null): void {
    if (!range) {
      if (this.link.selection.clauses().has(this.clientId)) this.setClause(grain, null);
      return;
    }
    const { clause, value } = periodClause(points, grain, ...range, this.#task.value?.fiscalYearStart);
    this.setClause(grain, clause, value);
  }

  #onKey(event: KeyboardEvent, trend: Trend): void {
    const { points } = trend;
    // The chart stays focused while the opened level loads; its first period becomes the focused one.
    if (drillKey(this.#drill, event, trend, this._active)) {
      this._active = 0;
      return;
    }
    const action = trendKeyAction(event, this._active, points.length, this.#selectedRange(points));
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'clear') {
      this.#selectRange(trend, null);
      return;
    }
    this._active = action.index;
    if (action.kind === 'select') this.#selectRange(trend, action.range);
  }

  #pointer(event: PointerEvent, layout: TrendLayout, trend: Trend): void {
    const svgEl = event.currentTarget as SVGSVGElement;
    const x = event.clientX - svgEl.getBoundingClientRect().left;
    const i = nearest(layout.points, x);
    if (event.type === 'pointerdown') {
      svgEl.setPointerCapture?.(event.pointerId);
      this._drag = { from: i, to: i };
    } else if (event.type === 'pointermove') {
      this._active = i;
      if (this._drag) this._drag = { ...this._drag, to: i };
    } else if (event.type === 'pointerup' && this._drag) {
      const { from } = this._drag;
      this._drag = null;
      // In drill mode a click (no drag) opens the period; a drag still selects a range.
      if (from !== i || !drillClick(this.#drill, trend, i)) this.#selectRange(trend, [from, i]);
    }
  }

  /** A brush selects a range of the periods shown (of the drilled grain). */
  protected override selectionDimensions(): readonly string[] {
    return [this.#drill.level];
  }

  /** The periods brushed or selected, first and last index; null for none. */
  #selectedRange(points: readonly TrendPoint[]): [number, number] | null {
    const ends: [number, number] | null = this._drag
      ? [this._drag.from, this._drag.to]
      : selectedIndexes(this.#ownClause()?.filters, this.#drill.level, points, this.#task.value?.fiscalYearStart);
    return ends && [Math.min(...ends), Math.max(...ends)];
  }

  #ownClause() {
    return this.link.selection.clauses().get(this.clientId);
  }

  #chart(trend: Trend): TemplateResult {
    const { points } = trend;
    const state = {
      width: Math.max(this.#size.width, 280),
      height: Number.parseFloat(this.#size.style(CHART_HEIGHT)) || 240,
      active: this._active,
      range: this.#selectedRange(points),
      shortcuts: this.#drill.shortcuts,
    };
    return trendView(trend, state, {
      key: (e) => this.#onKey(e, trend),
      pointer: (e, layout) => this.#pointer(e, layout, trend),
      // The focused period stays while the pointer leaves a chart that has the keyboard focus.
      leave: (e) => {
        if (!this._drag && !(e.currentTarget as Element).matches(':focus')) this._active = -1;
      },
      // Tab lands on the first selected period, or the first period.
      focus: () => {
        if (this._active < 0) this._active = state.range?.[0] ?? 0;
      },
      blur: () => {
        this._active = -1;
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-trend-chart': AtliqTrendChart;
  }
}
