import { html, type TemplateResult } from 'lit';
import { toCsv } from '../base/csv.ts';
import { exportActions } from '../base/export.ts';
import { dimensionLabel, valueHeading } from '../base/labels.ts';
import { listPng } from '../base/list-png.ts';
import { AtliqMarkChart } from '../base/mark-chart.ts';
import { toolbar } from '../base/toolbar.ts';
import type { Ranked } from './ranking.ts';
import { topListStyles } from './top-list.styles.ts';
import { type RowAnchor, topListView } from './top-list-view.ts';
import { type TopList, type TopListBy, type TopListMeasure, titleOf, topListQuery } from './top-query.ts';

/**
 * @tagname atliq-top-list
 * @summary The top customers or products as a ranked list with bars, values and each one's share of the total.
 * Click or Enter selects one (cross-filtering the dashboard and telling the host page), Escape clears.
 *
 * Drill-down (by="customer"): with the toolbar's "Drill down" toggle on, click or Enter opens a customer to list
 * its top products (Shift+Enter always does); the breadcrumb's button and Backspace go back up. Only this list's
 * query changes. The toolbar downloads exactly what is shown as CSV or PNG.
 *
 * The row with the pointer or the keyboard focus shows a tooltip with its full value and share of the total.
 * `theme` (dark, light or auto) sets its colours; unset, they come from the page or the dashboard.
 *
 * @event {CustomEvent<AtliqSelectDetail>} atliq-select - A member was selected or the selection cleared; `detail` has
 * dimension, value and label.
 * @event {CustomEvent<AtliqDrillDetail>} atliq-drill - A person opened a customer or went back up; `detail` has the
 * path and the level shown.
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The data could not be loaded or an attribute is invalid.
 *
 * @csspart list - The ranked list.
 * @csspart item - Each row (`aria-pressed` when selected).
 * @csspart note - Beside a product code: its type, or "unknown product" when the product list lacks it.
 * @csspart caveat - Under a product ranking: the share on codes missing from the product list, when there are any.
 * @csspart bar - Each bar.
 * @csspart tooltip - The full value and share of the hovered or focused row.
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
 * @cssproperty --atliq-focus-color - Outline of the focused row and toolbar button. Default `#f5a623`.
 * @cssproperty --atliq-surface-color - Tooltip background. Default `#ffffff`.
 * @cssproperty --atliq-text-color - Text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Rank, share, toolbar button borders and status text. Default `#5b6472`.
 * @cssproperty --atliq-input-background - Toolbar buttons. Default `#ffffff`.
 * @cssproperty --atliq-chip-background - The pressed drill toggle. Default `#e8effc`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqTopList extends AtliqMarkChart {
  static override styles = topListStyles;
  static override properties = {
    /** customer (default) or product. */
    by: { type: String },
    /** How many to list: 1–1000, default 5. */
    n: { type: String },
    /** revenue (default) or quantity. */
    measure: { type: String },
  };

  declare by: TopListBy;
  declare n: string;
  declare measure: TopListMeasure;
  /** Where that row was when it became active: rows do not move while the pointer or the focus stays on one. */
  #anchor: RowAnchor | undefined;

  readonly #task = this.queryTask(
    () => [this.by, this.n, this.measure, this.drill.path, this.locale, this.currency] as const,
    topListQuery,
  );

  constructor() {
    super();
    this.by = 'customer';
    this.n = '5';
    this.measure = 'revenue';
  }

  protected override drillRoot(): string {
    return this.by;
  }

  protected override loaded(): Promise<unknown> {
    return this.#task.taskComplete;
  }

  /** The rows shown, once loaded. */
  get data(): readonly Ranked[] | undefined {
    return this.#task.value?.rows;
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const list = this.#task.value;
    if (!list) return '';
    const header = ['Rank', dimensionLabel(list.by), valueHeading(list.measure, list.money), 'Share of total (%)'];
    return toCsv(
      header,
      list.rows.map((r) => [r.rank, r.label, r.value, r.share]),
    );
  }

  /** The list as shown, as a PNG image. */
  toPNG(): Promise<Blob> {
    return listPng(this);
  }

  override render(): TemplateResult {
    const shown = this.#task.value;
    const bar = toolbar({
      drill: { controller: this.drill, root: this.by },
      exports: shown?.rows.length ? exportActions(titleOf(shown), this, (e) => this.fail(e)) : undefined,
      covers: shown?.rows.length ? shown.covers : undefined,
    });
    return html`${bar}${this.renderData(
      this.#task,
      {
        loading: 'Loading the top list…',
        empty: 'Nothing sold for the current filters.',
        error: 'Top list unavailable',
      },
      (list) => list.rows.length === 0,
      (list) => this.#list(list),
    )}`;
  }

  #list(list: TopList): TemplateResult {
    return topListView(
      list,
      { selected: this.selected, shortcuts: this.drill.shortcuts, active: this._active, anchor: this.#anchor },
      { ...this.markHandlers(list.rows, (row) => row), activate: (i, item) => this.#activate(i, item) },
    );
  }

  /** Measures the row the tooltip goes over: in an event, after layout, never while rendering. */
  #activate(index: number, item: HTMLElement): void {
    const rank = item.querySelector<HTMLElement>('.rank');
    this.#anchor = {
      middle: item.offsetTop + item.offsetHeight / 2,
      rankEnd: rank ? rank.offsetLeft + rank.offsetWidth : 0,
      width: (item.offsetParent as HTMLElement | null)?.clientWidth ?? this.clientWidth,
      font: getComputedStyle(item).font,
    };
    this._active = index;
    // The anchor is not reactive: the same row measured again (after a resize) must move the tooltip too.
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-top-list': AtliqTopList;
  }
}
