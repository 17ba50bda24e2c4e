import { Selection } from '@atliq/sdk';
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DashboardContext, dashboardContext } from './dashboard-context.ts';

let clients = 0;

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
  #watched: Selection | undefined;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
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
  filters(): ReturnType<Selection['filtersFor']> {
    return this.selection.filtersFor(this.clientId);
  }

  hostConnected(): void {
    this.#watch();
  }

  hostDisconnected(): void {
    // A component taken off the page no longer filters the others.
    this.selection.set(this.clientId, null);
    this.#watched?.removeEventListener('change', this.#onChange);
    this.#watched = undefined;
  }

  #watch(): void {
    const selection = this.selection;
    if (selection === this.#watched) return;
    this.#watched?.removeEventListener('change', this.#onChange);
    selection.addEventListener('change', this.#onChange);
    this.#watched = selection;
  }
}
