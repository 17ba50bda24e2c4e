import { DIMENSIONS, MEASURES, type Member } from '@atliq/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { toCsv } from '../base/csv.ts';
import type { DrillStep } from '../base/drill.ts';
import { exportActions } from '../base/export.ts';
import { measureFormats, percentFormat } from '../base/format.ts';
import { barKeyAction } from '../base/keys.ts';
import { listPng } from '../base/list-png.ts';
import { toolbar } from '../base/toolbar.ts';
import type { Ranked } from './ranking.ts';
import { topListStyles } from './top-list.styles.ts';
import { loadTopList, type TopList, titleOf } from './top-query.ts';

/**
 * @summary The top customers or products as a ranked list with bars, values and each one's share of the total.
 * Click or Enter selects one (cross-filtering the dashboard and telling the host page), Escape clears.
 *
 * Drill-down (by="customer"): with the toolbar's "Drill down" toggle on, click or Enter opens a customer to list
 * its top products (Shift+Enter always does); the breadcrumb's button and Backspace go back up. Only this list's
 * query changes. The toolbar downloads exactly what is shown as CSV or PNG.
 *
 * @event atliq-select - A member was selected or the selection cleared; `detail` has dimension, value and label.
 * @event atliq-drill - A person opened a customer or went back up; `detail` has the path and the level shown.
 * @event atliq-error - The data could not be loaded or an attribute is invalid.
 *
 * @csspart list - The ranked list.
 * @csspart item - Each row (`aria-pressed` when selected).
 * @csspart bar - Each bar.
 * @csspart status - The loading, empty or error message.
 * @csspart toolbar - The header: breadcrumb, drill toggle and export buttons.
 * @csspart breadcrumb - The drill path (`nav`); its buttons have the part `crumb`.
 * @csspart crumb - A breadcrumb button that goes back up to its level.
 * @csspart drill-toggle - The "Drill down" button (`aria-pressed` when drill mode is on).
 * @csspart export-csv - The CSV download button.
 * @csspart export-png - The PNG download button.
 *
 * @cssproperty --atliq-bar-color - Bar fill. Default `#2f6bd8`.
 * @cssproperty --atliq-focus-color - Outline of the focused row. Default `#f5a623`.
 * @cssproperty --atliq-text-color - Text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Rank and share. Default `#5b6472`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 */
export class AtliqTopList extends AtliqChart {
  static override styles = topListStyles;
  static override properties = {
    /** customer (default) or product. */
    by: { type: String },
    /** How many to list: 1–1000, default 5. */
    n: { type: String },
    /** revenue (default) or quantity. */
    measure: { type: String },
  };

  declare by: string;
  declare n: string;
  declare measure: string;

  // Before the task, which reads its path.
  readonly #drill = this.drillController(() => this.by);
  readonly #task = this.dataTask(
    () => [this.by, this.n, this.measure, this.#drill.path, this.locale, this.currency] as const,
    loadTopList,
  );

  constructor() {
    super();
    this.by = 'customer';
    this.n = '5';
    this.measure = 'revenue';
  }

  /** The rows shown, once loaded. */
  get data(): readonly Ranked[] | undefined {
    return this.#task.value?.rows;
  }

  /** The selected member, if any. */
  get selected(): Member | undefined {
    return this.selectedMember(this.#drill.level);
  }

  /** The customer opened (`[{ dimension: 'customer', member, label }]`) or empty. Settable; no event fires. */
  get drillPath(): readonly DrillStep[] {
    return this.#drill.path;
  }

  set drillPath(path: readonly DrillStep[]) {
    this.#drill.path = path;
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const list = this.#task.value;
    if (!list) return '';
    const unit = MEASURES[list.measure].format === 'currency' ? ` (${list.money.currency})` : '';
    const header = ['Rank', DIMENSIONS[list.by].label, `${MEASURES[list.measure].label}${unit}`, 'Share of total (%)'];
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
      drill: { controller: this.#drill, root: this.by },
      exports: shown?.rows.length ? exportActions(titleOf(shown), this, (e) => this.fail(e)) : undefined,
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

  /** Click: opens the row in drill mode (while there is a level below), else selects it. */
  #press(row: Ranked | undefined): void {
    if (!row || (this.#drill.mode && this.#drill.down(row.member, row.label))) return;
    const level = this.#drill.level as TopList['by'];
    this.toggleMember(level, DIMENSIONS[level].label, row.member, row.label);
  }

  #onKey(event: KeyboardEvent, rows: readonly Ranked[]): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')];
    const current = items.indexOf(this.renderRoot.querySelector<HTMLElement>(':focus') as HTMLElement);
    if (this.#drill.onKey(event, rows[current])) {
      // Rows are reused for the new level: the focus stays on the first place of the list.
      this.updateComplete.then(() => items[0]?.focus());
      return;
    }
    const action = barKeyAction(event.key, current, rows.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') {
      for (const [i, item] of items.entries()) item.tabIndex = i === action.index ? 0 : -1;
      items[action.index]?.focus();
    } else if (action.kind === 'select') this.#press(rows[current]);
    else this.clearSelection();
  }

  #list(list: TopList): TemplateResult {
    const { measure, money, rows } = list;
    const format = measureFormats(MEASURES[measure].format, money);
    const formatPercent = percentFormat(money.locale);
    const selected = this.selected;
    return html`<ol part="list" class="list" aria-label=${titleOf(list)}
      @keydown=${(e: KeyboardEvent) => this.#onKey(e, rows)}>
      ${rows.map(
        (r, i) => html`<li part="item" class="item" role="button" tabindex=${i === 0 ? 0 : -1}
          aria-pressed=${r.member === selected ? 'true' : 'false'} data-dimmed=${selected !== undefined && r.member !== selected}
          aria-keyshortcuts=${this.#drill.shortcuts || nothing} @click=${() => this.#press(r)}>
          <span class="rank">${r.rank}</span>
          <span class="name">${r.label}</span>
          <span class="value" title=${format.full(r.value)}>${format.compact(r.value)}</span>
          <span class="share">${formatPercent(r.share)}</span>
          <span class="track"><span part="bar" class="bar" style="width: ${(r.extent * 100).toFixed(2)}%"></span></span>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-top-list': AtliqTopList;
  }
}
