import { type Filters, Selection, type SelectionActivation } from '@atliq/sdk';
import { ContextConsumer } from '@lit/context';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DashboardContext, dashboardContext } from './dashboard-context.ts';

let clients = 0;

/**
 * Which changes of the cross-filter re-render a component: `relevant` — the filters it queries with or its own
 * clause (a chart); `all` — any clause (a filter bar listing them); `none` — never (a panel about the whole extract).
 */
export type SelectionUpdates = 'relevant' | 'all' | 'none';

export interface SelectionLinkOptions {
  readonly updates?: SelectionUpdates;
  /** Another client of the selection announced it may change its clause on `dimensions` (see `activate`). */
  readonly onActivate?: (dimensions: readonly string[]) => void;
}

/**
 * Connects a component to the dashboard around it: the context (source + selection) of the nearest
 * `<atliq-dashboard>`, or a private selection when it stands alone. Re-renders the host when the selection changes,
 * so a query that depends on {@link filters} re-runs.
 */
export class SelectionController implements ReactiveController {
  readonly #generatedId: string;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #consumer: ContextConsumer<typeof dashboardContext, ReactiveControllerHost & HTMLElement>;
  readonly #standalone = new Selection();
  readonly #updates: SelectionUpdates;
  readonly #onActivated: SelectionLinkOptions['onActivate'];
  #watched: Selection | undefined;
  /** What the host last saw of the selection, for `relevant` updates. */
  #seen: readonly unknown[] = [];
  readonly #onChange = () => {
    if (this.#updates === 'none') return;
    if (this.#updates === 'relevant') {
      // A click re-rendered every component of the dashboard, each a few ms; most had nothing new to show. Compared
      // as the data task compares its arguments, so both agree on whether the filters changed.
      const seen = this.#relevant();
      if (deepArrayEquals(seen, this.#seen)) return;
      this.#seen = seen;
    }
    this.#host.requestUpdate();
  };

  readonly #onActivate = (event: Event) => {
    const { clientId, dimensions } = (event as CustomEvent<SelectionActivation>).detail;
    if (clientId !== this.clientId) this.#onActivated?.(dimensions);
  };

  constructor(host: ReactiveControllerHost & HTMLElement, options: SelectionLinkOptions = {}) {
    this.#host = host;
    this.#updates = options.updates ?? 'relevant';
    this.#onActivated = options.onActivate;
    this.#generatedId = `${host.localName}-${++clients}`;
    this.#consumer = new ContextConsumer(host, {
      context: dashboardContext,
      subscribe: true,
      callback: () => {
        this.#watch();
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /**
   * This component's id in the selection: its own clause filters every other component, never itself. Taken from
   * the element's `id` when it has one, so a selection kept in the URL hash finds its chart again after a layout
   * change; otherwise numbered in creation order.
   */
  get clientId(): string {
    return this.#host.id ? `${this.#host.localName}#${this.#host.id}` : this.#generatedId;
  }

  /** The dashboard's context, when the component sits inside an `<atliq-dashboard>`. */
  get context(): DashboardContext | undefined {
    return this.#consumer.value;
  }

  get selection(): Selection {
    return this.#consumer.value?.selection ?? this.#standalone;
  }

  /** The cross-filter this component queries with: every clause but its own. */
  filters(): Filters {
    return this.selection.filtersFor(this.clientId);
  }

  hostConnected(): void {
    this.#watch();
  }

  hostDisconnected(): void {
    // A component taken off the page no longer filters the others.
    this.selection.set(this.clientId, null);
    this.#watched?.removeEventListener('change', this.#onChange);
    this.#watched?.removeEventListener('activate', this.#onActivate);
    this.#watched = undefined;
  }

  #watch(): void {
    const selection = this.selection;
    if (selection === this.#watched) return;
    this.#watched?.removeEventListener('change', this.#onChange);
    this.#watched?.removeEventListener('activate', this.#onActivate);
    selection.addEventListener('change', this.#onChange);
    selection.addEventListener('activate', this.#onActivate);
    this.#watched = selection;
    this.#seen = this.#relevant();
  }

  /** The filters the host queries with and its own clause (which it draws as selected). */
  #relevant(): readonly unknown[] {
    return [this.filters(), this.selection.clauses().get(this.clientId) ?? null];
  }
}
