import type { Member } from '@atliq/sdk';
import type { DrillController } from './drill-controller.ts';
import { barKeyAction } from './keys.ts';

/** What a chart of focusable marks does with the keys; the marks are its bars in drawing order. */
export interface MarkKeyHandlers<T> {
  readonly drill: DrillController;
  /** Index of the mark with the keyboard focus; -1 for none. */
  readonly active: number;
  /** The member a mark stands for, as the drill path records it. */
  readonly member: (mark: T) => { readonly member: Member | null; readonly label: string };
  readonly press: (mark: T) => void;
  readonly clear: () => void;
  /** Makes mark `index` the active one and focuses it; `drilled` when a new level is loading after a drill. */
  readonly move: (index: number, drilled: boolean) => void;
}

/**
 * A key on a chart's focused mark: the drill keys first (Shift+Enter, Backspace, Enter in drill mode), then
 * arrows/Home/End move, Enter or Space presses the mark, Escape clears the selection.
 */
export function onMarkKey<T>(event: KeyboardEvent, marks: readonly T[], on: MarkKeyHandlers<T>): void {
  const mark = marks[on.active];
  if (on.drill.onKey(event, mark === undefined ? undefined : on.member(mark))) {
    // The focused mark may be kept for the new level's first bar (no focus event): make it the active one.
    on.move(0, true);
    return;
  }
  const action = barKeyAction(event.key, on.active, marks.length);
  if (!action) return;
  event.preventDefault();
  if (action.kind === 'move') on.move(action.index, false);
  else if (action.kind === 'select') {
    if (mark !== undefined) on.press(mark);
  } else on.clear();
}
