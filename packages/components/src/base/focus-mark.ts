import type { ReactiveElement } from 'lit';

/**
 * Moves the keyboard focus to mark `index` (`[data-index]`) of a chart, at once when it is drawn. After a drill the marks
 * are redrawn only when the new level has loaded: pass `loaded` (the data task's completion) to wait for it.
 */
export function focusMark(host: ReactiveElement, index: number, loaded?: () => Promise<unknown>): void {
  const mark = () => host.renderRoot.querySelector<HTMLElement | SVGElement>(`[data-index="${index}"]`);
  // Moving between the marks drawn: at once, as a keyboard user expects (and the focus event marks it active).
  const drawnNow = loaded ? null : mark();
  if (drawnNow) {
    drawnNow.focus();
    return;
  }
  const drawn = loaded ? host.updateComplete.then(loaded).then(() => host.updateComplete) : host.updateComplete;
  drawn.then(
    () => mark()?.focus(),
    () => {},
  );
}
