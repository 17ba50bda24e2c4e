import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width, and the computed styles its layout depends on, so a chart lays itself out for
 * the space and font it has, and re-renders when either changes.
 *
 * Styles are read when the observer reports (after layout, when reading them costs nothing), never while rendering:
 * a `getComputedStyle()` read in `render()` forced a style recalculation of the page per chart, because the charts
 * rendered before it had just changed the DOM — 6 of a cross-filter click's ~19 ms on the full dashboard.
 * A font change that does not change the host's size is therefore picked up on its next resize or reconnection.
 */
export class ResizeController implements ReactiveController {
  /** Content width in CSS pixels; 0 until the first observation. */
  width = 0;
  readonly #host: ReactiveControllerHost & Element;
  readonly #observer: ResizeObserver;
  readonly #properties: readonly string[];
  #styles: ReadonlyMap<string, string> | undefined;

  /** `properties`: computed style properties (e.g. custom properties) to read along with the `font`. */
  constructor(host: ReactiveControllerHost & Element, properties: readonly string[] = []) {
    this.#host = host;
    this.#properties = ['font', ...properties];
    this.#observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      const before = this.#styles;
      this.#styles = this.#read();
      const restyled = before && this.#properties.some((p) => before.get(p) !== this.#styles!.get(p));
      if (width !== this.width || restyled) {
        this.width = width;
        this.#host.requestUpdate();
      }
    });
    host.addController(this);
  }

  /** The host's computed CSS `font` shorthand, for measuring label text. */
  get font(): string {
    return this.style('font');
  }

  /** A computed style property named at construction, e.g. `--atliq-chart-height` ('' when not set). */
  style(property: string): string {
    // Before the first observation (a render before layout) read once; the observer refreshes it.
    this.#styles ??= this.#read();
    return this.#styles.get(property) ?? '';
  }

  hostConnected(): void {
    this.#styles = undefined;
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #read(): ReadonlyMap<string, string> {
    const computed = getComputedStyle(this.#host);
    return new Map(this.#properties.map((p) => [p, computed.getPropertyValue(p).trim()]));
  }
}
