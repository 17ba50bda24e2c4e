import { barKeyAction } from '../base/keys.ts';

/** What a key does on the trend: move the focused period, select a range of periods, or clear the selection. */
export type TrendKeyAction =
  | { readonly kind: 'move'; readonly index: number }
  | { readonly kind: 'select'; readonly index: number; readonly range: readonly [number, number] }
  | { readonly kind: 'clear' };

/**
 * Keyboard model of the trend (a WAI-ARIA multi-select listbox of periods): arrows and Home/End move the focused
 * period, Enter or Space selects it, Shift with a move extends the selection from its anchor to the new period,
 * Escape clears. `selected` is the selected range (start ≤ end) or null. The anchor is the end of the selection
 * away from the focused period when the focus sits on one of its ends, else the focused period itself — so a
 * range drawn with the pointer or begun with Enter grows and shrinks from its other end.
 */
export function trendKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey'>,
  active: number,
  count: number,
  selected: readonly [number, number] | null,
): TrendKeyAction | null {
  const action = barKeyAction(event.key, active, count);
  if (!action || action.kind === 'clear') return action;
  const at = Math.max(0, active);
  if (action.kind === 'select') return { kind: 'select', index: at, range: [at, at] };
  if (!event.shiftKey) return action;
  const anchor = selected?.[0] === at ? selected[1] : selected?.[1] === at ? selected[0] : at;
  const range: [number, number] = [Math.min(anchor, action.index), Math.max(anchor, action.index)];
  return { kind: 'select', index: action.index, range };
}
