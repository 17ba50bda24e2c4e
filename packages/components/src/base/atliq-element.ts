import { AtliqError, AtliqSource } from '@atliq/sdk';
import { Task } from '@lit/task';
import { LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AtliqEventMap } from './events.ts';
import { emptyView, errorView, loadingView } from './status.ts';

/** Texts a component shows while its data task is not complete. */
export interface StatusTexts {
  readonly loading: string;
  readonly empty: string;
  /** Heading above the error message. */
  readonly error: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Base of every `<atliq-*>` chart: resolves the extract from `src`, runs the chart's query as a @lit/task (stale
 * results are dropped when inputs change), renders the loading / empty / error states, and fires `atliq-error`.
 */
export class AtliqElement extends LitElement {
  static override properties: PropertyDeclarations = {
    /** URL of the extract's manifest.json, absolute or relative to the page. */
    src: { type: String },
  };

  declare src: string;

  constructor() {
    super();
    this.src = '';
  }

  /** The page-wide shared source for `src`. */
  protected get source(): AtliqSource {
    if (!this.src) {
      throw new AtliqError(
        `Set the src attribute of <${this.localName}> to the URL of a published extract's manifest.json.`,
      );
    }
    return AtliqSource.for(this.src);
  }

  /** Fires a typed `atliq-*` event that bubbles out of shadow roots, so host pages hear it. */
  protected emit<K extends keyof AtliqEventMap>(type: K, detail: AtliqEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /**
   * The component's data task: re-runs when `args` change; a failure is announced with `atliq-error` and then
   * shown by {@link renderData}.
   */
  protected dataTask<const A extends readonly unknown[], R>(args: () => A, load: (args: A) => Promise<R>): Task<A, R> {
    return new Task<A, R>(this, {
      args,
      task: load,
      onError: (error) => this.emit('atliq-error', { message: messageOf(error), error }),
    });
  }

  /** Renders a data task: loading, empty, the error's explanation, or `complete` with the value. */
  protected renderData<R>(
    task: Task<readonly unknown[], R>,
    texts: StatusTexts,
    isEmpty: (value: R) => boolean,
    complete: (value: R) => TemplateResult,
  ): TemplateResult {
    const loading = () => loadingView(texts.loading);
    return task.render({
      initial: loading,
      pending: loading,
      complete: (value) => (isEmpty(value) ? emptyView(texts.empty) : complete(value)),
      error: (error) => errorView(texts.error, messageOf(error)),
    });
  }
}
