import {
  AtliqError,
  AtliqSource,
  type Filters,
  ForbiddenError,
  isAbort,
  type Member,
  messageOf,
  type QuerySpec,
  type Row,
  type SelectionClause,
  UnavailableDetailError,
  UnavailableMeasureError,
} from '@atliq/sdk';
import { Task } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import { LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { DRILL_HIERARCHY, type Hierarchy } from './drill.ts';
import { DrillController } from './drill-controller.ts';
import type { AtliqEventMap } from './events.ts';
import type { Planner } from './query-plan.ts';
import { SelectionController, type SelectionUpdates } from './selection-controller.ts';
import { emptyView, errorView, forbiddenView, loadingView, unavailableView } from './status.ts';

/** Texts a component shows while its data task is not complete. */
export interface StatusTexts {
  readonly loading: string;
  readonly empty: string;
  /** Heading above the error message. */
  readonly error: string;
  /** Heading when the extract lacks what the component shows; "Not available in this source" by default. */
  readonly unavailable?: string;
}

/**
 * Whether a data task's arguments are unchanged, so it need not run again: by value (`deepArrayEquals`), the one
 * answer to "did my filters change?" — except the source (the second argument), by identity: its only public field
 * is its URL, and a source registered for a URL in place of another must still re-run the task.
 */
const sameArgs = (a: readonly unknown[], b: readonly unknown[]) => a[1] === b[1] && deepArrayEquals(a, b);

/** What a staged data task ({@link AtliqElement.dataTask}) receives besides its own arguments. */
export interface LoadContext {
  readonly source: AtliqSource;
  /** The cross-filter of the dashboard minus this component's own clause. */
  readonly filters: Filters;
  readonly signal: AbortSignal;
  /** Runs a query through the source, as part of this task's queries (what the source prepares cubes for). */
  readonly query: (spec: QuerySpec) => Promise<Row[]>;
}

/**
 * Base of every `<atliq-*>` chart: resolves the extract from `src` or the enclosing `<atliq-dashboard>`, runs the
 * chart's query as a @lit/task that re-runs when the cross-filter changes (stale results are dropped), renders the
 * loading / empty / error states, and fires `atliq-error`.
 */
export class AtliqElement extends LitElement {
  static override properties: PropertyDeclarations = {
    /** URL of the extract's manifest.json; when empty, the source of the enclosing `<atliq-dashboard>`. */
    src: { type: String },
    /** `dark`, `light` or `auto` (the reader's colour scheme); unset, the colours come from the page or dashboard. */
    theme: { type: String, reflect: true },
  };

  declare src: string;
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** Which cross-filter changes re-render the component (see {@link SelectionUpdates}). */
  protected static selectionUpdates: SelectionUpdates = 'relevant';

  /** The dashboard context (source + cross-filter selection) or a private selection when standalone. */
  protected readonly link = new SelectionController(this, {
    updates: (this.constructor as typeof AtliqElement).selectionUpdates,
    onActivate: (dimensions) => this.#prepare(dimensions),
  });

  /**
   * The queries of each cross-filtered data task's last run (a KPI has two: its figure and its comparison): what to
   * prepare when another chart is activated.
   */
  readonly #specs = new Map<object, readonly QuerySpec[]>();
  #drill: DrillController | undefined;

  constructor() {
    super();
    this.src = '';
    // Mosaic's activation: a pointer entering a chart, or focus reaching it, comes before the click or key that
    // changes its selection — time for the other charts to have their next queries' cubes built.
    const activate = (event: Event) => {
      const dimensions = this.selectionDimensions(event);
      if (dimensions.length > 0) this.link.selection.activate(this.clientId, dimensions);
    };
    this.addEventListener('pointerenter', activate);
    this.addEventListener('focusin', activate);
  }

  /**
   * The dimensions this component's selection is about to change on, as `event` (a pointer entering, focus
   * arriving) announces: the drill level shown by default; none without drill-down.
   */
  protected selectionDimensions(_event?: Event): readonly string[] {
    return this.#drill ? [this.#drill.level] : [];
  }

  /** Another chart may be about to filter this one on `dimensions`: have the source pre-aggregate for it. */
  #prepare(dimensions: readonly string[]): void {
    const specs = [...this.#specs.values()].flat();
    if (specs.length === 0) return;
    try {
      void this.source.prepare(specs, dimensions);
    } catch {
      // No source (no src, no dashboard): the data task shows that; there is nothing to prepare.
    }
  }

  /** This component's id in the dashboard's selection. */
  get clientId(): string {
    return this.link.clientId;
  }

  /** The shared source: the own `src` when set, else the dashboard's. */
  protected get source(): AtliqSource {
    if (this.src) return AtliqSource.for(this.src);
    const context = this.link.context;
    if (context) return context.source;
    throw new AtliqError(
      `Set the src attribute of <${this.localName}> to the URL of a published extract's manifest.json, or place it inside an <atliq-dashboard src="…">.`,
    );
  }

  /** Sets (or with null clears) this component's clause of the cross-filter. */
  protected select(clause: SelectionClause | null): void {
    this.link.selection.set(this.clientId, clause);
  }

  /** The member this component selected on `dimension` (its clause of the cross-filter), if any. */
  protected selectedMember(dimension: string): Member | undefined {
    const value = this.link.selection.clauses().get(this.clientId)?.filters?.[dimension];
    return Array.isArray(value) ? value[0] : undefined;
  }

  /**
   * Selects `member` of `dimension` (or clears it when it is already selected, or when `member` is null) and tells
   * the host page with `atliq-select`. `text` is the member as shown, `dimensionLabel` the dimension's name.
   */
  protected toggleMember(dimension: string, dimensionLabel: string, member: Member | null, text = ''): void {
    const current = this.selectedMember(dimension);
    if (member === null || current === member) {
      if (current !== undefined) this.setClause(dimension, null);
      return;
    }
    this.setClause(dimension, { filters: { [dimension]: [member] }, label: `${dimensionLabel}: ${text}` }, member);
  }

  /**
   * Sets this component's clause (null clears it) and tells the host page with `atliq-select`: what every selecting
   * gesture (a click on a mark, a brushed range, a key) ends in. `value` is the member named in the event.
   */
  protected setClause(dimension: string, clause: SelectionClause | null, value: Member | null = null): void {
    this.select(clause);
    this.emit('atliq-select', { dimension, value: clause ? value : null, label: clause?.label ?? '' });
  }

  /** Clears this component's clause of the cross-filter, whatever dimension it is on, and tells the host page. */
  protected clearSelection(): void {
    const clause = this.link.selection.clauses().get(this.clientId);
    if (clause) this.setClause(Object.keys(clause.filters ?? {})[0] ?? '', null);
  }

  /**
   * Drill-down through `hierarchy` below `root()` (create it before the data task, which reads its path). A drill
   * clears this component's selection, which belongs to the level left behind and would otherwise filter the
   * other charts invisibly, runs `changed`, and fires `atliq-drill`.
   */
  protected drillController(
    root: () => string,
    changed: () => void = () => {},
    hierarchy: Hierarchy = DRILL_HIERARCHY,
  ): DrillController {
    this.#drill = new DrillController(this, {
      root,
      hierarchy,
      changed: (detail) => {
        this.clearSelection();
        changed();
        this.emit('atliq-drill', detail);
      },
    });
    return this.#drill;
  }

  /** Tells the host page that something failed, with `atliq-error`. */
  protected fail(error: unknown): void {
    this.emit('atliq-error', { message: messageOf(error), error });
  }

  /** Fires a typed `atliq-*` event that bubbles out of shadow roots, so host pages hear it. */
  protected emit<K extends keyof AtliqEventMap>(type: K, detail: AtliqEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /**
   * The component's data task, declared in two steps: `query` checks `args` (throwing for an invalid attribute,
   * before anything is loaded) and returns the planner, which declares the queries from the manifest and the
   * cross-filter; the element runs them and hands their rows to the plan's `result`. It
   * re-runs when `args`, the source or (unless `crossFiltered` is false) this component's cross-filter change; a
   * failure is announced with `atliq-error` and then shown by {@link renderData}.
   */
  protected queryTask<const A extends readonly unknown[], R>(
    args: () => A,
    query: (args: A) => Planner<R>,
    options: { crossFiltered?: boolean } = {},
  ): Task<readonly unknown[], R> {
    return this.dataTask(
      args,
      async (values, context) => {
        const planner = query(values);
        const plan = planner({ manifest: await context.source.manifestReady, filters: context.filters });
        const names = Object.keys(plan.queries);
        const rows = await Promise.all(names.map((name) => context.query(plan.queries[name]!)));
        return plan.result(Object.fromEntries(names.map((name, i) => [name, rows[i]!])));
      },
      options,
    );
  }

  /**
   * A data task whose later queries depend on the answers to earlier ones (the insights): `load` runs them with
   * `context.query`. Prefer {@link queryTask}, whose queries are declared up front.
   */
  protected dataTask<const A extends readonly unknown[], R>(
    args: () => A,
    load: (args: A, context: LoadContext) => Promise<R>,
    { crossFiltered = true } = {},
  ): Task<readonly unknown[], R> {
    const key = {};
    return new Task<readonly unknown[], R>(this, {
      args: () => [this.src, this.link.context?.source, crossFiltered ? this.link.filters() : undefined, ...args()],
      argsEqual: sameArgs,
      task: async (all, { signal }) => {
        const source = this.source;
        const filters = crossFiltered ? this.link.filters() : {};
        const specs: QuerySpec[] = [];
        const query = (spec: QuerySpec) => {
          specs.push(spec);
          return source.query(spec, { signal });
        };
        const value = await load(all.slice(3) as unknown as A, { source, filters, signal, query });
        // Only a cross-filtered task's queries change when another chart filters this one.
        if (crossFiltered) this.#specs.set(key, specs);
        return value;
      },
      onError: (error) => {
        if (!isAbort(error)) this.fail(error);
      },
    });
  }

  /**
   * Renders a data task: loading, empty, the error's explanation, or `complete` with the value. While a new query
   * runs (a filter changed) the previous result stays on screen instead of flashing a loading text.
   */
  protected renderData<R>(
    task: Task<readonly unknown[], R>,
    texts: StatusTexts,
    isEmpty: (value: R) => boolean,
    complete: (value: R) => TemplateResult,
  ): TemplateResult {
    const loading = () => loadingView(texts.loading);
    return task.render({
      initial: loading,
      pending: () => {
        const previous = task.value;
        return previous === undefined || isEmpty(previous) ? loading() : complete(previous);
      },
      complete: (value) => (isEmpty(value) ? emptyView(texts.empty) : complete(value)),
      error: (error) =>
        error instanceof ForbiddenError
          ? forbiddenView(error.message)
          : error instanceof UnavailableMeasureError
            ? unavailableView(texts.unavailable ?? 'Not available in this source', messageOf(error))
            : error instanceof UnavailableDetailError
              ? unavailableView('Not available at this level of detail', error.message)
              : errorView(texts.error, messageOf(error)),
    });
  }
}
