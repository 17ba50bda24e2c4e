import { html, type TemplateResult } from 'lit';
import { toCsv } from '../base/csv.ts';
import { chartPng, exportActions } from '../base/export.ts';
import { dimensionLabel } from '../base/labels.ts';
import { AtliqMarkChart } from '../base/mark-chart.ts';
import { periodArgs } from '../base/period-settings.ts';
import { ResizeController } from '../base/resize-controller.ts';
import { errorView } from '../base/status.ts';
import { toolbar } from '../base/toolbar.ts';
import { ViewMemo } from '../base/view-memo.ts';
import { profitChartStyles } from './profit-chart.styles.ts';
import type { MarginDatum } from './profit-layout.ts';
import { marginsQuery } from './profit-query.ts';
import { type DrawnTarget, drawnTarget, parseTarget, targetWords } from './profit-target.ts';
import { type Margins, profitView, titleOf } from './profit-view.ts';

/**
 * @tagname atliq-profit-chart
 * @summary Profit margin % by market, diverging around zero, over the KPIs' period (the year to the newest day, or
 * the period filtered), against a what-if profit target — by default last year's margin (of the same days a year
 * earlier, as the KPIs compare), labelled so, the caption naming both periods: markets below the target are
 * coloured and listed with their gap; each market's share of revenue and of profit are in the table
 * and the tooltip. Says "not available in this source" when the extract has no profit columns. The toolbar
 * downloads exactly what is shown as CSV or PNG (the PNG with the drill path and the list below target). The
 * `theme` attribute (`dark`, `light` or `auto`) sets every colour below at once; each can also be set on its own.
 *
 * Keyboard: Tab reaches the bars (one tab stop), arrows and Home/End move between them, Enter or Space selects
 * (cross-filters the dashboard), Escape clears; the focused bar shows its tooltip.
 *
 * Drill-down: market → customer → product. With the toolbar's "Drill down" toggle on, a click or Enter on a bar
 * opens it (Shift+Enter always does): margins of that market's customers, then of that customer's products there;
 * the breadcrumb and Backspace go back up. Only this chart's query changes, still under the cross-filter of the
 * other charts.
 *
 * It shows no money: of `locale` and `currency`, only the locale changes what is shown.
 *
 * @event {CustomEvent<AtliqSelectDetail>} atliq-select - A market (or, drilled, a customer or product) was selected or
 * the selection cleared.
 * @event {CustomEvent<AtliqDrillDetail>} atliq-drill - A person drilled down or went back up; `detail` has the path and
 * the dimension now shown.
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The data could not be loaded or `target` is invalid.
 *
 * @csspart chart - The SVG drawing.
 * @csspart bar - Each bar (`below` class under target, `loss` class for a negative margin).
 * @csspart label - Each category label.
 * @csspart value - Each margin label.
 * @csspart tooltip - Margin, gap and shares of the hovered or focused bar.
 * @csspart target - The target line.
 * @csspart below-list - The markets below target with their gap.
 * @csspart table - The screen-reader table (visually hidden).
 * @csspart status - The loading, unavailable or error message.
 * @csspart toolbar - The header: breadcrumb, drill toggle and export buttons.
 * @csspart covers - The caption under the breadcrumb naming the days the numbers cover (or the two periods compared).
 * @csspart breadcrumb - The drill path (`nav`); its buttons have the part `crumb`.
 * @csspart crumb - A breadcrumb button that goes back up to its level.
 * @csspart drill-toggle - The "Drill down" button (`aria-pressed` when drill mode is on).
 * @csspart export-csv - The CSV download button.
 * @csspart export-png - The PNG download button.
 *
 * @cssproperty --atliq-bar-color - Markets at or above target. Default `#2f6bd8`.
 * @cssproperty --atliq-below-target-color - Markets below target. Default `#d9822b`.
 * @cssproperty --atliq-negative-color - The target line and loss-making bars. Default `#c0392b`.
 * @cssproperty --atliq-focus-color - Outline of the focused bar. Default `#f5a623`.
 * @cssproperty --atliq-surface-color - Tooltip background. Default `#ffffff`.
 * @cssproperty --atliq-text-color - Labels and the below-target list. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Value labels, the zero line and status text. Default `#5b6472`.
 * @cssproperty --atliq-input-background - Toolbar buttons. Default `#ffffff`.
 * @cssproperty --atliq-chip-background - The pressed drill toggle. Default `#e8effc`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqProfitChart extends AtliqMarkChart {
  static override styles = profitChartStyles;
  static override properties = {
    /**
     * The profit target: a margin in percent (the report's what-if parameter). Default: the dashboard's, else last
     * year's margin.
     */
    target: { type: String },
  };

  /** The target set on this chart; null (never set, or the attribute removed) follows the dashboard's. */
  #ownTarget: string | null = null;
  /** The target last checked, as written; `#target` or `#targetError` is what it was found to be. */
  #checked: string | undefined;
  /** The target set, parsed; undefined when none is set (last year's margin is drawn). */
  #target: number | undefined;
  #targetError: Error | undefined;

  readonly #size = new ResizeController(this);
  readonly #view = new ViewMemo<TemplateResult>();
  // A target set is applied when drawing, so changing it queries nothing; while it is invalid nothing is queried;
  // without one, last year's margin is queried with the margins.
  readonly #task = this.queryTask(
    () =>
      [
        this.drill.path,
        this.locale,
        this.currency,
        this.#targetError,
        this.#targetText() === '',
        ...periodArgs(this.period),
      ] as const,
    marginsQuery,
  );

  protected override loaded(): Promise<unknown> {
    return this.#task.taskComplete;
  }

  /**
   * The profit target, a margin in percent: the one set here, else the enclosing dashboard's (which its filter bar's
   * control changes), else last year's margin. Reading it gives the target drawn: with none set, last year's margin
   * in full precision once loaded (what the CSV's gaps are taken from; `'0'` when there was no last year), `''`
   * until then.
   */
  get target(): string {
    const text = this.#targetText();
    if (text !== '') return text;
    return this.#task.value?.lastYear ? String(this.#drawn().value) : '';
  }

  set target(value: string | null) {
    this.#ownTarget = value;
  }

  /** The target in force as written: this chart's, else the dashboard's; empty for none (last year's margin). */
  #targetText(): string {
    return (this.#ownTarget || this.link.context?.target || '').trim();
  }

  /** The target drawn: the one set, else last year's margin from the data, else 0. */
  #drawn(): DrawnTarget {
    return drawnTarget(this.#target, this.#task.value?.lastYear);
  }

  /**
   * Checks the target when it changes (its own or the dashboard's), before the data task reads it: an invalid one
   * fails the task, which fires `atliq-error` and queries nothing, and is shown instead of the chart.
   */
  protected override willUpdate(): void {
    const target = this.#targetText();
    if (target === this.#checked) return;
    this.#checked = target;
    try {
      this.#target = target === '' ? undefined : parseTarget(target);
      this.#targetError = undefined;
    } catch (error) {
      this.#targetError = error as Error;
    }
  }

  /**
   * Margin and shares per member of the level shown, highest margin first as drawn, once loaded (the target is
   * applied when drawing).
   */
  get data(): readonly MarginDatum[] | undefined {
    return this.#task.value?.rows;
  }

  /** Exactly what is shown, as CSV: the gap is to the target drawn (its heading says when that is last year's margin). */
  toCSV(): string {
    const drawn = this.#drawn();
    const target = drawn.value;
    const gap = `${targetWords(drawn, String).gap} (pp)`;
    return toCsv(
      [dimensionLabel(this.drill.level), 'Margin (%)', gap, 'Revenue share (%)', 'Profit share (%)'],
      (this.data ?? []).map((d) => [d.label, d.margin, d.margin - target, d.revenueShare, d.profitShare]),
    );
  }

  /** The chart as shown — drill path, bars, target line and the list of members below target — as a PNG image. */
  toPNG(): Promise<Blob> {
    return chartPng(this, ['[part="below-list"]']);
  }

  override render(): TemplateResult {
    if (this.#targetError) return errorView('Profit chart unavailable', this.#targetError.message);
    const shown = this.#task.value;
    const exports = shown?.rows.length ? exportActions(titleOf(shown), this, (e) => this.fail(e)) : undefined;
    const view = (margins: Margins) => {
      const state = {
        width: Math.max(this.#size.width, 260),
        font: this.#size.font,
        selected: this.selectedMember(margins.level),
        active: this._active,
        shortcuts: this.drill.shortcuts,
      };
      // The target drawn follows from the target set and the margins' last year, both compared by value here.
      return this.#view.get([margins, this.#target, ...Object.values(state)], () =>
        profitView(
          margins,
          { ...state, target: drawnTarget(this.#target, margins.lastYear) },
          this.markHandlers(margins.rows, (d) => ({ member: d.label, label: d.label })),
        ),
      );
    };
    const covers = shown?.rows.length ? shown.covers : undefined;
    return html`${toolbar({ drill: { controller: this.drill, root: 'market' }, exports, covers })}${this.renderData(
      this.#task,
      { loading: 'Loading profit…', empty: 'No sales for the current filters.', error: 'Profit chart unavailable' },
      (margins) => margins.rows.length === 0,
      view,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-profit-chart': AtliqProfitChart;
  }
}
