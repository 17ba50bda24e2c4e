import { AtliqSource, ForbiddenError, Selection } from '@atliq/sdk';
import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { dashboardContext } from '../base/dashboard-context.ts';
import type { AtliqTargetChangeDetail } from '../base/events.ts';
import {
  type ComparisonAttribute,
  type FiscalYearStartAttribute,
  samePeriodAttributes,
} from '../base/period-settings.ts';
import { errorView, forbiddenView } from '../base/status.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { defaultLayout } from './default-layout.ts';

/**
 * @tagname atliq-dashboard
 * @summary The Sales Insights dashboard: provides one extract and one cross-filter to every `<atliq-*>` inside it
 * and lays them out in a responsive grid. With no children it shows the full default dashboard (filters, KPIs,
 * revenue by market and against last year, trend, top customers and products, profit, data status).
 *
 * Two dashboards on one page are independent: each has its own source and selection. A component inside with its
 * own `src` reads that extract but still shares the dashboard's cross-filter.
 *
 * `theme` (dark, light or auto) sets the colours of the dashboard and of every element inside it that has no
 * `theme` of its own.
 *
 * The dashboard fires no event of its own: the events below come from the elements inside it — its children, or
 * those of its default layout — and bubble out of their shadow roots, so one listener on the dashboard hears them
 * all. From the default layout, `event.target` is the dashboard (the event is retargeted out of its shadow root).
 *
 * @event {CustomEvent<AtliqSelectDetail>} atliq-select - A member was selected or the selection cleared in a chart,
 * a top list or the insights inside; `detail` has dimension, value and label.
 * @event {CustomEvent<AtliqFilterChangeDetail>} atliq-filter-change - The filter bar inside changed; `detail.filters`
 * holds its filters.
 * @event {CustomEvent<AtliqTargetChangeDetail>} atliq-target-change - The profit target was changed in the filter bar
 * inside; the dashboard takes it as its `target`.
 * @event {CustomEvent<AtliqDrillDetail>} atliq-drill - A chart or top list inside drilled down or went back up.
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - An element inside could not load or show its data, or has an
 * invalid attribute; `detail.message` says why.
 *
 * @slot - Components to lay out instead of the default dashboard; `data-span="full|half|third|quarter"` sizes one.
 *
 * @csspart grid - The grid container.
 * @csspart status - The message shown when `src` is missing, or when the server refuses the extract to this reader.
 *
 * @cssproperty --atliq-dashboard-gap - Space between tiles. Default `16px`.
 * @cssproperty --atliq-tile-background - Background of each tile of the default layout. Default `#ffffff`.
 * @cssproperty --atliq-tile-border - Border of each tile of the default layout. Default `1px solid #e3e7ee`.
 * @cssproperty --atliq-background - Dashboard background. Default `transparent`.
 * @cssproperty --atliq-text-color - Text, inherited inside. Default `#1f2733`.
 * @cssproperty --atliq-font - Font shorthand, inherited inside. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-muted-color - Status text. Default `#5b6472`.
 * @cssproperty --atliq-error-color - The message shown when `src` is missing. Default `#a12622`.
 * @cssproperty --atliq-status-min-height - Height of that message. Default `8rem`.
 */
export class AtliqDashboard extends LitElement {
  static override styles = dashboardStyles;
  static override properties = {
    /** URL of the extract's manifest.json, shared by every component inside. */
    src: { type: String },
    /** Opt-in: keep the cross-filter in the URL hash under this key, so a link reproduces the view. */
    hash: { type: String },
    /**
     * Profit target (margin %), the report's what-if parameter: of every profit chart inside without a `target` of
     * its own, and the filter bar's control of the default layout, which changes it. Empty (the default): last
     * year's margin, which each profit chart queries and labels so.
     */
    target: { type: String },
    /** `dark`, `light` or `auto` (the reader's colour scheme): the colours of the dashboard and everything inside. */
    theme: { type: String, reflect: true },
    /**
     * The last day counted (`YYYY-MM-DD`) by every element inside; empty for the snapshot's newest order day. With
     * no period filtered, the figures are the (fiscal) year to this day, compared with the same days a year earlier.
     */
    asOf: { type: String, attribute: 'as-of' },
    /** Month the fiscal year starts in, 1–12: 4 makes years, year to date and the year slicer April–March. */
    fiscalYearStart: { type: String, attribute: 'fiscal-year-start' },
    /** What a period is compared with: `year` (the same days a year earlier, default) or `previous` (the period before). */
    comparison: { type: String },
    _slotted: { state: true },
    _refused: { state: true },
  };

  declare src: string;
  declare hash: string;
  declare target: string;
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  declare asOf: string;
  declare fiscalYearStart: FiscalYearStartAttribute;
  declare comparison: ComparisonAttribute;
  declare _slotted: boolean;
  /** Why the server refused the extract to this reader (row-level security); null while it has not. */
  declare _refused: string | null;

  readonly #selection = new Selection();
  readonly #provider = new ContextProvider(this, { context: dashboardContext });

  constructor() {
    super();
    this.src = '';
    this.hash = '';
    this.target = '';
    this.asOf = '';
    this.fiscalYearStart = '';
    this.comparison = '';
    this._slotted = false;
    this._refused = null;
  }

  /**
   * The dashboard's cross-filter: set clauses from host code, or listen to its `change` event. Always the same
   * object, whatever `hash` becomes.
   */
  get selection(): Selection {
    return this.#selection;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._slotted = this.children.length > 0;
    // Before the first render, so children connecting now find the source at once.
    this.#provide();
    this.addEventListener('atliq-target-change', this.#onTarget);
    addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('atliq-target-change', this.#onTarget);
    removeEventListener('hashchange', this.#onHashChange);
  }

  /** With `hash` set, a link pasted into the same tab (or the host navigating) changes the cross-filter too. */
  readonly #onHashChange = () => this.#selection.readFromHash();

  /** The filter bar's what-if control sets the target, which the context hands to the profit charts inside. */
  readonly #onTarget = (event: CustomEvent<AtliqTargetChangeDetail>) => {
    this.target = event.detail.target === null ? '' : String(event.detail.target);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Only an opt-in (or a change of key) replaces the clauses: those set before the first render survive.
    if (changed.has('hash') && (this.hash || changed.get('hash'))) this.#selection.hash = this.hash || false;
    if ((['src', 'asOf', 'fiscalYearStart', 'comparison', 'target'] as const).some((p) => changed.has(p))) {
      this.#provide();
    }
  }

  #provide(): void {
    const period = { asOf: this.asOf, fiscalYearStart: this.fiscalYearStart, comparison: this.comparison };
    const value = this.src
      ? { source: AtliqSource.for(this.src), selection: this.#selection, period, target: this.target }
      : undefined;
    const current = this.#provider.value;
    const samePeriod = samePeriodAttributes(current?.period, value?.period);
    if (current?.source !== value?.source || current?.target !== value?.target || !samePeriod) {
      this.#provider.setValue(value);
    }
    if (current?.source !== value?.source) this.#watchAccess(value?.source);
  }

  /**
   * A reader refused the extract (HTTP 401/403: a scope they do not have) sees that said once, in place of the
   * tiles, rather than the same message in every one of them.
   */
  #watchAccess(source: AtliqSource | undefined): void {
    this._refused = null;
    source?.manifestReady.catch((error: unknown) => {
      if (error instanceof ForbiddenError && this.#provider.value?.source === source) this._refused = error.message;
    });
  }

  override render(): TemplateResult {
    if (!this.src) {
      return errorView(
        'Dashboard unavailable',
        "Set the src attribute of <atliq-dashboard> to the URL of a published extract's manifest.json.",
      );
    }
    if (this._refused) return forbiddenView(this._refused);
    return html`<div part="grid" class="grid">
      <slot @slotchange=${(e: Event) => {
        this._slotted = (e.target as HTMLSlotElement).assignedElements().length > 0;
      }}></slot>
      ${this._slotted ? '' : defaultLayout(this.target, this.comparison)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-dashboard': AtliqDashboard;
  }
}
