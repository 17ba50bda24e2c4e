import type { ReactiveElement } from 'lit';

/**
 * Moves the keyboard focus to mark `index` (`[data-index]`) of a chart once it is drawn. After a drill the marks
 * are redrawn only when the new level has loaded: pass `loaded` (the data task's completion) to wait for it.
 */
export function focusMark(host: ReactiveElement, index: number, loaded?: () => Promise<unknown>): void {
  const drawn = loaded ? host.updateComplete.then(loaded).then(() => host.updateComplete) : host.updateComplete;
  drawn.then(
    () => host.renderRoot.querySelector<SVGElement>(`[data-index="${index}"]`)?.focus(),
    () => {},
  );
}
