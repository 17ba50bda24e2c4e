/** What a key does on a list of marks: move the focus, select the focused mark, or clear the selection. */
export type KeyAction = { kind: 'move'; index: number } | { kind: 'select' } | { kind: 'clear' };

/**
 * Keyboard model of every chart with a list of marks (WAI-ARIA roving focus): arrows move, Home/End jump,
 * Enter or Space selects, Escape clears. Null for keys the chart leaves alone.
 */
export function barKeyAction(key: string, current: number, count: number): KeyAction | null {
  if (count === 0) return null;
  const at = Math.max(0, current);
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return { kind: 'move', index: Math.min(count - 1, at + 1) };
    case 'ArrowUp':
    case 'ArrowLeft':
      return { kind: 'move', index: Math.max(0, at - 1) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: count - 1 };
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    case 'Escape':
      return { kind: 'clear' };
    default:
      return null;
  }
}
