import { AtliqError, DIMENSIONS, MEASURES, type Member } from '@atliq/sdk';
import { html, type TemplateResult } from 'lit';
import { AtliqElement, type LoadContext } from '../base/atliq-element.ts';
import { parseTop } from '../base/attributes.ts';
import { toCsv } from '../base/csv.ts';
import { formatPercent, measureFormats } from '../base/format.ts';
import { barKeyAction } from '../base/keys.ts';
import { type Ranked, rank } from './ranking.ts';
import { topListStyles } from './top-list.styles.ts';

const BY = ['customer', 'product'] as const;
const TOP_MEASURES = ['revenue', 'quantity'] as const;
const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

interface TopList {
  readonly by: (typeof BY)[number];
  readonly measure: (typeof TOP_MEASURES)[number];
  readonly currency: string;
  readonly rows: readonly Ranked[];
}

/**
 * @summary The top customers or products as a ranked list with bars, values and each one's share of the total.
 * Click or Enter selects one (cross-filtering the dashboard and telling the host page), Escape clears.
 *
 * @event atliq-select - A member was selected or the selection cleared; `detail` has dimension, value and label.
 * @event atliq-error - The data could not be loaded or an attribute is invalid.
 *
 * @csspart list - The ranked list.
 * @csspart item - Each row (`aria-pressed` when selected).
 * @csspart bar - Each bar.
 * @csspart status - The loading, empty or error message.
 *
 * @cssproperty --atliq-bar-color - Bar fill. Default `#2f6bd8`.
 * @cssproperty --atliq-focus-color - Outline of the focused row. Default `#f5a623`.
 * @cssproperty --atliq-text-color - Text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Rank and share. Default `#5b6472`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 */
export class AtliqTopList extends AtliqElement {
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

  readonly #task = this.dataTask(
    () => [this.by, this.n, this.measure] as const,
    ([by, n, measure], context) => this.#load(by, n, measure, context),
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
    return this.selectedMember(this.by);
  }

  /** Exactly what is shown, as CSV. */
  toCSV(): string {
    const list = this.#task.value;
    if (!list) return '';
    const header = ['Rank', DIMENSIONS[list.by].label, MEASURES[list.measure].label, 'Share of total (%)'];
    return toCsv(
      header,
      list.rows.map((r) => [r.rank, r.label, r.value, r.share]),
    );
  }

  async #load(by: string, n: string, measure: string, { source, filters, signal }: LoadContext): Promise<TopList> {
    const limit = parseTop(n, 'n') ?? 5;
    if (!oneOf(BY, by)) throw new AtliqError(`by must be customer or product, got "${by}".`);
    if (!oneOf(TOP_MEASURES, measure)) throw new AtliqError(`measure must be revenue or quantity, got "${measure}".`);
    const rows = await source.query({ measures: [measure], dimensions: [by], filters }, { signal });
    return {
      by,
      measure,
      currency: source.manifest?.reporting_currency ?? 'INR',
      rows: rank(rows, by, measure, limit),
    };
  }

  override render(): TemplateResult {
    return this.renderData(
      this.#task,
      {
        loading: 'Loading the top list…',
        empty: 'Nothing sold for the current filters.',
        error: 'Top list unavailable',
      },
      (list) => list.rows.length === 0,
      (list) => this.#list(list),
    );
  }

  #toggle(row: Ranked | undefined): void {
    if (row) this.toggleMember(this.by, DIMENSIONS[this.by as (typeof BY)[number]].label, row.member, row.label);
  }

  #onKey(event: KeyboardEvent, rows: readonly Ranked[]): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')];
    const current = items.indexOf(this.renderRoot.querySelector<HTMLElement>(':focus') as HTMLElement);
    const action = barKeyAction(event.key, current, rows.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') {
      for (const [i, item] of items.entries()) item.tabIndex = i === action.index ? 0 : -1;
      items[action.index]?.focus();
    } else if (action.kind === 'select') this.#toggle(rows[current]);
    else this.toggleMember(this.by, '', null);
  }

  #list({ by, measure, currency, rows }: TopList): TemplateResult {
    const format = measureFormats(MEASURES[measure].format, currency);
    const selected = this.selected;
    return html`<ol part="list" class="list" aria-label="Top ${rows.length} ${DIMENSIONS[by].label.toLowerCase()}s by ${MEASURES[measure].label.toLowerCase()}"
      @keydown=${(e: KeyboardEvent) => this.#onKey(e, rows)}>
      ${rows.map(
        (r, i) => html`<li part="item" class="item" role="button" tabindex=${i === 0 ? 0 : -1}
          aria-pressed=${r.member === selected ? 'true' : 'false'} data-dimmed=${selected !== undefined && r.member !== selected}
          @click=${() => this.#toggle(r)}>
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
