import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the host's content width so a chart lays itself out for the space it has, and re-renders on change. */
export class ResizeController implements ReactiveController {
  /** Content width in CSS pixels; 0 until the first observation. */
  width = 0;
  readonly #host: ReactiveControllerHost & Element;
  readonly #observer: ResizeObserver;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    this.#observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      if (width !== this.width) {
        this.width = width;
        this.#host.requestUpdate();
      }
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
