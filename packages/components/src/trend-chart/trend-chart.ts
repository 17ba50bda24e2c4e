import { MEASURES } from '@atliq/sdk';
import { html, svg, type TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { toCsv } from '../base/csv.ts';
import { dataTable } from '../base/data-table.ts';
import { chartPng, exportActions } from '../base/export.ts';
import { measureFormats } from '../base/format.ts';
import { barKeyAction } from '../base/keys.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { toolbar } from '../base/toolbar.ts';
import { ViewMemo } from '../base/view-memo.ts';
import { trendChartStyles } from './trend-chart.styles.ts';
import { nearest, type TrendPoint, trendLayout } from './trend-layout.ts';
import { loadTrend, type Trend } from './trend-query.ts';
import { periodClause, rangeIndexes } from './trend-selection.ts';

/** Plot height in CSS pixels, from the documented custom property (240 when unset). */
const CHART_HEIGHT = '--atliq-chart-height';

/**
 * @summary A measure over time — by year, month or day — as an area, with the same periods a year earlier as a
 * dashed line. Drag across the chart (or Enter on a focused period) to select a period, which filters the other
 * charts of the dashboard; Escape clears. The toolbar downloads exactly what is shown as CSV or PNG.
 *
 * @event atliq-select - A period was selected or cleared; `detail.value` is `"from – to"` or null.
 * @event atliq-error - The data could not be loaded or an attribute is invalid.
 *
 * @csspart chart - The SVG drawing.
 * @csspart area - The current series.
 * @csspart previous - Last year's line.
 * @csspart brush - The selected period.
 * @csspart tooltip - Value and last year's value of the focused or hovered period.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, empty or error message.
 * @csspart toolbar - The header with the export buttons.
 * @csspart export-csv - The CSV download button.
 * @csspart export-png - The PNG download button.
 *
 * @cssproperty --atliq-bar-color - Line and area colour. Default `#2f6bd8`.
 * @cssproperty --atliq-previous-color - Last year's line. Default `#9aa3b2`.
 * @cssproperty --atliq-brush-color - The selected period. Default `rgb(245 166 35 / 0.25)`.
 * @cssproperty --atliq-chart-height - Height of the chart. Default `240px`.
 * @cssproperty --atliq-text-color - Labels. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Axes. Default `#5b6472`.
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

  declare grain: string;
  declare measure: string;
  declare _active: number;
  declare _drag: { from: number; to: number } | null;

  readonly #size = new ResizeController(this, [CHART_HEIGHT]);
  readonly #view = new ViewMemo<TemplateResult>();
  readonly #task = this.dataTask(() => [this.grain, this.measure, this.locale, this.currency] as const, loadTrend);

  constructor() {
    super();
    this.grain = 'month';
    this.measure = 'revenue';
    this._active = -1;
    this._drag = null;
  }

  /** The points shown, in time order, each with last year's value. */
  get data(): readonly TrendPoint[] | undefined {
    return this.#task.value?.points;
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const t = this.#task.value;
    if (!t) return '';
    const unit = MEASURES[t.measure].format === 'currency' ? ` (${t.money.currency})` : '';
    const label = `${MEASURES[t.measure].label}${unit}`;
    return toCsv(
      ['Period', label, `${label} a year earlier`],
      t.points.map((p) => [p.key, p.value, p.previous]),
    );
  }

  /** The chart as shown, as a PNG image (at the screen's pixel density, on the chart's background). */
  toPNG(): Promise<Blob> {
    return chartPng(this);
  }

  override render(): TemplateResult {
    const t = this.#task.value;
    const title = t && `${MEASURES[t.measure].label} by ${t.grain}`;
    const exports = t?.points.length ? exportActions(title!, this, (e) => this.fail(e)) : undefined;
    return html`${toolbar({ exports })}${this.renderData(
      this.#task,
      { loading: 'Loading the trend…', empty: 'No sales in this period.', error: 'Trend unavailable' },
      (t) => t.points.length === 0,
      (t) =>
        this.#view.get(
          [
            t,
            this.#size.width,
            this.#size.style(CHART_HEIGHT),
            this._active,
            this._drag,
            this.#ownClause(),
            this.grain,
          ],
          () => this.#chart(t),
        ),
    )}`;
  }

  /** Selects the periods from index `a` to `b` (either order), or clears with null. */
  #selectRange(points: readonly TrendPoint[], range: [number, number] | null): void {
    if (!range) {
      if (!this.link.selection.clauses().has(this.clientId)) return;
      this.select(null);
      this.emit('atliq-select', { dimension: this.grain, value: null, label: '' });
      return;
    }
    const { clause, value } = periodClause(points, this.grain, ...range);
    this.select(clause);
    this.emit('atliq-select', { dimension: this.grain, value, label: clause.label });
  }

  #onKey(event: KeyboardEvent, points: readonly TrendPoint[]): void {
    const action = barKeyAction(event.key, this._active, points.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') this._active = action.index;
    else if (action.kind === 'select')
      this.#selectRange(points, [Math.max(0, this._active), Math.max(0, this._active)]);
    else this.#selectRange(points, null);
  }

  #pointer(event: PointerEvent, layout: ReturnType<typeof trendLayout>, points: readonly TrendPoint[]): void {
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
      this.#selectRange(points, [from, i]);
    }
  }

  /** A brush selects a range of the grain's periods. */
  protected override selectionDimensions(): readonly string[] {
    return [this.grain];
  }

  #selectedRange(points: readonly TrendPoint[]): [number, number] | null {
    if (this._drag) return [Math.min(this._drag.from, this._drag.to), Math.max(this._drag.from, this._drag.to)];
    return rangeIndexes(this.#ownClause()?.filters?.[this.grain], points);
  }

  #ownClause() {
    return this.link.selection.clauses().get(this.clientId);
  }

  #chart({ measure, money, points }: Trend): TemplateResult {
    const width = Math.max(this.#size.width, 280);
    const height = Number.parseFloat(this.#size.style(CHART_HEIGHT)) || 240;
    const layout = trendLayout(points, width, height);
    const format = measureFormats(MEASURES[measure].format, money);
    const label = MEASURES[measure].label;
    const range = this.#selectedRange(points);
    const active = points[this._active];
    const at = layout.points[this._active];
    const onPointer = (e: PointerEvent) => this.#pointer(e, layout, points);
    const describe = (p: TrendPoint) =>
      `${p.key}: ${format.full(p.value)}; a year earlier ${p.previous === null ? 'no data' : format.full(p.previous)}`;
    const half = points.length > 1 ? (layout.points[1]!.x - layout.points[0]!.x) / 2 : 8;
    // Half a period either side of the selected points, kept inside the plot.
    const brush = range && {
      x0: Math.max(layout.plot.left, layout.points[range[0]]!.x - half),
      x1: Math.min(layout.plot.right, layout.points[range[1]]!.x + half),
    };
    // The tooltip opens towards the middle so it never leaves the chart.
    const tipSide = at && at.x > width / 2 ? `right: ${width - at.x}px` : `left: ${at?.x ?? 0}px`;
    // The tooltip is placed relative to the plot, below the toolbar.
    return html`<div class="plot">
      <svg part="chart" width=${width} height=${height} role="img" tabindex="0"
        aria-label="${label} by ${this.grain}; arrow keys move between periods, Enter selects one, Escape clears"
        @keydown=${(e: KeyboardEvent) => this.#onKey(e, points)} @pointerdown=${onPointer} @pointermove=${onPointer}
        @pointerup=${onPointer} @pointerleave=${() => {
          if (!this._drag) this._active = -1;
        }}>
        ${layout.yTicks.map(
          (t) => svg`<line class="grid" x1=${layout.plot.left} x2=${layout.plot.right} y1=${t.y} y2=${t.y}></line>
            <text class="axis y" x=${layout.plot.left - 6} y=${t.y}>${format.compact(t.value)}</text>`,
        )}
        ${layout.xTicks.map((t) => svg`<text class="axis x" x=${t.x} y=${height - 6}>${t.label}</text>`)}
        ${
          range
            ? svg`<rect part="brush" class="brush" x=${brush!.x0} y=${layout.plot.top} width=${brush!.x1 - brush!.x0}
                height=${layout.plot.bottom - layout.plot.top}></rect>`
            : ''
        }
        <path part="area" class="area" d=${layout.area}></path>
        <path class="line" d=${layout.line}></path>
        <path part="previous" class="previous" d=${layout.previousLine}></path>
        ${at ? svg`<circle class="focus" cx=${at.x} cy=${at.y} r="4"></circle>` : ''}
      </svg>
      <div class="legend" aria-hidden="true"><span class="key current"></span>${label}
        <span class="key last"></span>Same period a year earlier</div>
      ${active && at ? html`<div part="tooltip" class="tooltip" role="status" style=${tipSide}>${describe(active)}</div>` : ''}</div>
      ${dataTable(
        `${label} by ${this.grain}, with the same period a year earlier`,
        ['Period', label, 'A year earlier'],
        points.map((p) => [p.key, format.full(p.value), p.previous === null ? '—' : format.full(p.previous)]),
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-trend-chart': AtliqTrendChart;
  }
}
