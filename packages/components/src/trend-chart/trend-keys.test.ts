import { describe, expect, test } from 'vitest';
import { trendKeyAction } from './trend-keys.ts';

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

describe('trendKeyAction()', () => {
  test('arrows and Home/End move the focused period, within the series', () => {
    expect(trendKeyAction(key('ArrowRight'), 3, 10, null)).toEqual({ kind: 'move', index: 4 });
    expect(trendKeyAction(key('ArrowLeft'), 0, 10, null)).toEqual({ kind: 'move', index: 0 });
    expect(trendKeyAction(key('End'), 3, 10, [1, 2])).toEqual({ kind: 'move', index: 9 });
    expect(trendKeyAction(key('Home'), 3, 10, null)).toEqual({ kind: 'move', index: 0 });
  });

  test('Enter or Space selects the focused period alone (the first when none is focused); Escape clears', () => {
    expect(trendKeyAction(key('Enter'), 5, 10, [1, 8])).toEqual({ kind: 'select', index: 5, range: [5, 5] });
    expect(trendKeyAction(key(' '), -1, 10, null)).toEqual({ kind: 'select', index: 0, range: [0, 0] });
    expect(trendKeyAction(key('Escape'), 5, 10, [5, 5])).toEqual({ kind: 'clear' });
  });

  test('Shift with a move extends from the end of the selection away from the focus', () => {
    expect(trendKeyAction(key('ArrowRight', true), 4, 10, [2, 4])).toEqual({ kind: 'select', index: 5, range: [2, 5] });
    expect(trendKeyAction(key('ArrowLeft', true), 4, 10, [2, 4])).toEqual({ kind: 'select', index: 3, range: [2, 3] });
    expect(trendKeyAction(key('ArrowLeft', true), 2, 10, [2, 2])).toEqual({ kind: 'select', index: 1, range: [1, 2] });
    expect(trendKeyAction(key('ArrowLeft', true), 2, 10, [2, 4])).toEqual({ kind: 'select', index: 1, range: [1, 4] });
    expect(trendKeyAction(key('Home', true), 4, 10, [4, 6])).toEqual({ kind: 'select', index: 0, range: [0, 6] });
  });

  test('Shift with a move from a period outside the selection starts a new range there', () => {
    expect(trendKeyAction(key('ArrowRight', true), 7, 10, [2, 4])).toEqual({ kind: 'select', index: 8, range: [7, 8] });
    expect(trendKeyAction(key('ArrowRight', true), 7, 10, null)).toEqual({ kind: 'select', index: 8, range: [7, 8] });
  });

  test('other keys, and any key on an empty series, are left to the page', () => {
    expect(trendKeyAction(key('Tab'), 3, 10, null)).toBeNull();
    expect(trendKeyAction(key('ArrowRight'), -1, 0, null)).toBeNull();
  });
});
