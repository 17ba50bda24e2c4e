import { expect, waitFor } from 'storybook/test';
import { statusText } from './story-sources.ts';

/** Engine-backed answers may take this long on a busy machine: stories wait on conditions, never on sleeps. */
const TIMEOUT = 25_000;

/** Waits until `el` has its data (month_market.json first, else the engine) and has rendered it; returns it. */
export async function loaded<T>(el: { readonly data: T | undefined; readonly updateComplete: Promise<boolean> }) {
  await waitFor(() => expect(el.data).toBeDefined(), { timeout: TIMEOUT });
  await el.updateComplete;
  return el.data!;
}

/**
 * A story of a state that only the data decides (loading, empty, an unreachable extract…): `args` pick the source
 * (LOADING, EMPTY, a missing manifest), and the play function waits for the first `tag` in the canvas to announce
 * `text` with `role` — exactly, or matching it when a pattern. Each story file still exports it under its own
 * name, so the stories stay statically indexable.
 */
export function statusStory<A extends object>(
  tag: keyof HTMLElementTagNameMap,
  args: A,
  role: 'status' | 'alert',
  text: string | RegExp,
) {
  return {
    args,
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      const el = canvasElement.querySelector(tag);
      await expect(el).not.toBeNull();
      await waitFor(
        () =>
          typeof text === 'string'
            ? expect(statusText(el!, role)).toBe(text)
            : expect(statusText(el!, role)).toMatch(text),
        { timeout: TIMEOUT },
      );
    },
  };
}
