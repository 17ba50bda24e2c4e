import { vi } from 'vitest';

/** Creates `<tag>` with attributes, 640px wide, appended to `parent` (the body by default). */
export function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  parent: HTMLElement = document.body,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.width = '640px';
  parent.append(el);
  return el;
}

/** Resolves with the next event of `type` heard on the document (so it must bubble out of shadow roots). */
export const nextEvent = <T>(type: string) =>
  new Promise<CustomEvent<T>>((resolve) =>
    document.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }),
  );

export const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim());

/** Waits until `read()` returns a defined value (first queries start the engine: allow ~25 s). */
export async function until<T>(read: () => T | undefined, timeout = 25_000): Promise<T> {
  return vi.waitFor(
    () => {
      const value = read();
      if (value === undefined) throw new Error('not yet');
      return value;
    },
    { timeout, interval: 50 },
  );
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Whether two boxes on screen overlap (touching edges do not). */
export const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
