import { DIMENSIONS, type Filters, fiscalYearMonths, type Manifest, type Member } from '@atliq/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AtliqElement } from '../base/atliq-element.ts';
import { type FiscalYearStartAttribute, inheritPeriod, periodSettings } from '../base/period-settings.ts';
import { plan, type QueryPlan } from '../base/query-plan.ts';
import { parseTarget } from '../profit-chart/profit-target.ts';
import { filterBarStyles } from './filter-bar.styles.ts';
import { fiscalYearOf, fiscalYears, yearText } from './fiscal-slicer.ts';
import { targetField } from './target-field.ts';

/** The slicers, in the order of the original report. */
export const FILTER_FIELDS = ['year', 'month_of_year', 'market', 'zone', 'customer_type'] as const;
type Field = (typeof FILTER_FIELDS)[number];

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIELD_LABELS: Record<Field, string> = {
  year: DIMENSIONS.year.label,
  month_of_year: 'Month',
  market: DIMENSIONS.market.label,
  zone: DIMENSIONS.zone.label,
  customer_type: DIMENSIONS.customer_type.label,
};
const display = (field: Field, member: Member, fiscalYearStart: number) => {
  if (field === 'year') return yearText(Number(member), fiscalYearStart);
  return field === 'month_of_year' ? (MONTH_NAMES[Number(member) - 1] ?? String(member)) : String(member);
};

/** The choices of each slicer: the members present in the extract, sorted. */
export type FilterOptions = Readonly<Record<Field, readonly Member[]>>;

/**
 * @tagname atliq-filter-bar
 * @summary The dashboard's slicers — year, month, market, zone, customer type — with the members of the extract,
 * and the active cross-filters of the other charts as removable chips. A slicer whose field another chart filters
 * (a market bar clicked) shows that member, "Nagpur (from a chart)", instead of "All"; choosing in it replaces the
 * chart's selection. With `fiscal-year-start` (its own or the
 * dashboard's) other than 1, the year slicer offers fiscal years ("FY 2019-20" for April–March) and filters their
 * months. Clear all resets everything. With `target`
 * set (or `target-control`) and an extract with profit, a what-if profit target control — empty, with the
 * placeholder "Last year", while no target is set and the profit charts draw last year's margin; a target that is not a margin from -100 to 100
 * (set or typed) is explained beside it and never reaches the dashboard. `theme` (dark, light or auto) sets its
 * colours.
 *
 * @event {CustomEvent<AtliqFilterChangeDetail>} atliq-filter-change - The slicers changed; `detail.filters` holds the
 * slicers' filters (empty when cleared).
 * @event {CustomEvent<AtliqTargetChangeDetail>} atliq-target-change - A valid profit target was typed in the control;
 * `detail.target` is the margin in percent, or null when the control was emptied (last year's margin again; with
 * `target-control` only).
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The choices could not be loaded, or the target set or typed is
 * invalid; `detail.message` says why.
 *
 * @csspart field - Each labelled select, and the labelled profit target control.
 * @csspart select - Each select.
 * @csspart target - The profit target input (`aria-invalid` after an invalid target).
 * @csspart target-error - Why the target was refused, beside the control.
 * @csspart chips - The list of active cross-filters.
 * @csspart chip - One active cross-filter with its remove button.
 * @csspart clear - The clear-all button.
 * @csspart status - The loading or error message.
 *
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-text-color - Text of the selects, input and buttons. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Labels, control borders and the loading text. Default `#5b6472`.
 * @cssproperty --atliq-input-background - Select, input and button background. Default `#ffffff`.
 * @cssproperty --atliq-chip-background - Chip background. Default `#e8effc`.
 * @cssproperty --atliq-error-color - A refused target and the error message. Default `#a12622`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `3rem`.
 */
export class AtliqFilterBar extends AtliqElement {
  static override styles = filterBarStyles;
  /** It lists every active cross-filter, whoever set it. */
  protected static override selectionUpdates = 'all' as const;

  static override properties = {
    /** Profit target (margin %, -100 to 100) offered as a what-if control; none when empty or without profit. */
    target: { type: String },
    /** Offer the profit target control even with `target` empty, which then stands for last year's margin. */
    targetControl: { type: Boolean, attribute: 'target-control' },
    /** Month the fiscal year starts in, 1–12 (4 for April–March); empty for the dashboard's, else 1. */
    fiscalYearStart: { type: String, attribute: 'fiscal-year-start' },
    _targetError: { state: true },
  };

  declare target: string;
  declare targetControl: boolean;
  declare fiscalYearStart: FiscalYearStartAttribute;
  /** Why the target set or typed last is not a margin, shown next to the control; undefined when it is. */
  declare _targetError: string | undefined;
  /** The last valid target, which the control shows. */
  #target: number | undefined;
  #profit = false;
  /** The fiscal year's first month the year slicer was loaded with. */
  #start = 1;
  /** The slicers the extract can fill: all but customer type for an aggregate scope. */
  #offered: readonly Field[] = FILTER_FIELDS;

  /** `fiscal-year-start` in force: the element's own, else its dashboard's. */
  #fiscalAttribute(): string {
    const own = { asOf: '', fiscalYearStart: this.fiscalYearStart, comparison: '' };
    return inheritPeriod(own, this.link.context?.period).fiscalYearStart;
  }

  constructor() {
    super();
    this.target = '';
    this.targetControl = false;
    this.fiscalYearStart = '';
  }

  readonly #task = this.queryTask(
    () => [this.#fiscalAttribute()] as const,
    ([fiscal]) =>
      ({ manifest }) => {
        const start = periodSettings({ asOf: '', fiscalYearStart: fiscal, comparison: '' }, manifest)?.fiscalYearStart;
        this.#start = start ?? 1;
        // A profit target means nothing for an extract without profit: the control is then left out.
        this.#profit = manifest.measures.profit;
        this.#offered = FILTER_FIELDS.filter((f) => available(f, manifest));
        return optionsQuery(this.#start, this.#offered);
      },
    { crossFiltered: false },
  );

  /** The members each slicer offers, once loaded. */
  get data(): FilterOptions | undefined {
    return this.#task.value;
  }

  /** The slicers' current filters (the filter bar's own clause of the cross-filter). */
  get filters(): Filters {
    return this.link.selection.clauses().get(this.clientId)?.filters ?? {};
  }

  /**
   * Sets one slicer (null for all members), as a person choosing in the select would. A fiscal year (by the
   * calendar year it starts in) filters its months. A chart's selection on the same field (a market bar clicked),
   * which the slicer was showing, is replaced: the slicer's choice is then the one filter on its field.
   */
  choose(field: Field, member: Member | null): void {
    const fiscal = field === 'year' && this.#start !== 1;
    const replaced = fiscal ? 'month' : field;
    for (const [id, clause] of this.link.selection.clauses()) {
      if (id !== this.clientId && clause.filters && Object.hasOwn(clause.filters, replaced)) {
        this.link.selection.set(id, null);
      }
    }
    const chosenFilter =
      member === null ? {} : fiscal ? { month: fiscalYearMonths(Number(member), this.#start) } : { [field]: [member] };
    const next: Filters = {
      ...Object.fromEntries(Object.entries(this.filters).filter(([dimension]) => dimension !== replaced)),
      ...chosenFilter,
    };
    const chosen = FILTER_FIELDS.flatMap((f) => {
      const m = this.#chosen(f, next);
      return m === undefined ? [] : [`${FIELD_LABELS[f]}: ${display(f, m, this.#start)}`];
    });
    this.select(chosen.length > 0 ? { filters: next, label: chosen.join(' · ') } : null);
    this.emit('atliq-filter-change', { filters: next });
  }

  /**
   * The members another component's clause (a chart's selection, shown as a chip) filters `field` on, e.g. the
   * market of a clicked bar; undefined when none does. Not for a fiscal year slicer, whose filter is on months.
   */
  #fromChart(field: Field): readonly Member[] | undefined {
    if (field === 'year' && this.#start !== 1) return undefined;
    for (const [id, clause] of this.link.selection.clauses()) {
      const value = id === this.clientId ? undefined : clause.filters?.[field];
      if (Array.isArray(value) && value.length > 0) return value;
    }
    return undefined;
  }

  /** The member `field`'s slicer shows as chosen in `filters`; undefined for all. */
  #chosen(field: Field, filters: Filters): Member | undefined {
    if (field === 'year' && this.#start !== 1) return fiscalYearOf(filters['month'], this.#start);
    const value = filters[field];
    return Array.isArray(value) ? value[0] : undefined;
  }

  /**
   * Checks `target` when it is set: an invalid one is explained next to the control and fires `atliq-error`; the
   * control then stays empty, and the slicers work as before.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('target')) return;
    this.#target = undefined;
    this._targetError = undefined;
    if (this.target) this.#check(this.target);
  }

  /** Parses a target set or typed; an invalid one is explained and fires `atliq-error` instead. */
  #check(value: string): number | undefined {
    try {
      const target = parseTarget(value);
      this._targetError = undefined;
      this.#target = target;
      return target;
    } catch (error) {
      this._targetError = (error as Error).message;
      this.fail(error);
      return undefined;
    }
  }

  /**
   * A person changed the control: a valid target goes to the dashboard, an invalid one is only explained, and an
   * emptied control gives the default back (last year's margin).
   */
  #typed(value: string, unreadable: boolean): void {
    if (value.trim() === '' && !unreadable && this.targetControl) {
      this.target = '';
      this.emit('atliq-target-change', { target: null });
      return;
    }
    const target = this.#check(value);
    if (target === undefined) return;
    this.target = String(target);
    this.emit('atliq-target-change', { target });
  }

  /** A slicer taking focus (a click on it does, before its list opens) is about to filter on its field. */
  protected override selectionDimensions(event?: Event): readonly string[] {
    const select = event?.composedPath().find((t) => t instanceof HTMLSelectElement);
    return select && (FILTER_FIELDS as readonly string[]).includes(select.name) ? [select.name] : [];
  }

  /** Clears the slicers and every other chart's selection. */
  clearAll(): void {
    this.link.selection.clear();
    this.emit('atliq-filter-change', { filters: {} });
  }

  override render(): TemplateResult {
    return this.renderData(
      this.#task,
      { loading: 'Loading filters…', empty: 'No filters.', error: 'Filters unavailable' },
      () => false,
      (options) => this.#bar(options),
    );
  }

  #bar(options: FilterOptions): TemplateResult {
    const own = this.filters;
    const others = [...this.link.selection.clauses()].filter(([id]) => id !== this.clientId);
    const active = others.length > 0 || Object.keys(own).length > 0;
    return html`
      <div class="fields" role="group" aria-label="Filters">
        ${this.#offered.map((field) => {
          const current = this.#chosen(field, own);
          // A chart's selection on this field is what filters it: the slicer shows it rather than "All".
          const charted = current === undefined ? this.#fromChart(field) : undefined;
          const chartedText = charted?.map((m) => display(field, m, this.#start)).join(', ');
          return html`<label part="field" class="field"><span>${FIELD_LABELS[field]}</span>
            <select part="select" name=${field} @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              this.choose(field, value === '' ? null : options[field][Number(value)]!);
            }}>
              <option value="" ?selected=${current === undefined && !charted}>All</option>
              ${charted ? html`<option value="chart" disabled selected>${chartedText} (from a chart)</option>` : nothing}
              ${options[field].map((m, i) => html`<option value=${i} ?selected=${m === current}>${display(field, m, this.#start)}</option>`)}
            </select></label>`;
        })}
        ${targetField(
          {
            value: this.#target,
            error: this._targetError,
            offered: (Boolean(this.target) || this.targetControl) && this.#profit,
            placeholder: 'Last year',
          },
          (text, unreadable) => this.#typed(text, unreadable),
        )}
        <button part="clear" class="clear" type="button" ?disabled=${!active} @click=${() => this.clearAll()}>
          Clear all
        </button>
      </div>
      ${
        others.length > 0
          ? html`<ul part="chips" class="chips" aria-label="Selections in charts">
              ${others.map(
                ([id, clause]) => html`<li part="chip" class="chip"><span>${clause.label}</span>
                  <button type="button" aria-label="Remove ${clause.label}" @click=${() => this.link.selection.set(id, null)}>×</button></li>`,
              )}
            </ul>`
          : ''
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-filter-bar': AtliqFilterBar;
  }
}

/** Whether the extract holds `field`: an aggregate scope (market × month totals) has no customer types. */
const available = (field: Field, manifest: Manifest) =>
  manifest.scope?.detail !== 'aggregate' || field !== 'customer_type';

/**
 * The members each slicer offers. They do not depend on the cross-filter: a slicer never hides the member someone
 * wants to pick. Fiscal years are listed from the months with sales: a year's sales can lie in two of them.
 */
function optionsQuery(start: number, offered: readonly Field[]): QueryPlan<FilterOptions> {
  const fields = FILTER_FIELDS.map((d) => (d === 'year' && start !== 1 ? 'month' : d));
  const queries = Object.fromEntries(
    FILTER_FIELDS.flatMap((d, i) =>
      offered.includes(d) ? [[d, { measures: [], dimensions: [fields[i]!], sort: [{ field: fields[i]! }] }]] : [],
    ),
  );
  return plan(queries, (lists) => {
    const entries = FILTER_FIELDS.map((d, i) => {
      const members = (lists[d] ?? [])
        .map((row) => row[fields[i]!])
        .filter((v): v is Member => typeof v === 'string' || typeof v === 'number');
      return [d, fields[i] === d ? members : fiscalYears(members.map(String), start)];
    });
    return Object.fromEntries(entries) as FilterOptions;
  });
}
