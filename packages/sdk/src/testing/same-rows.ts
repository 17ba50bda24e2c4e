import { expect } from 'vitest';
import type { Row } from '../connector.ts';

/**
 * Asserts equal rows in equal order, numbers to 1e-9 relative: an answer computed in JS sums in another order than
 * the engine, so doubles may differ in their last bits.
 */
export function expectSameRows(got: readonly Row[], want: readonly Row[]): void {
  expect(got.map((r) => Object.keys(r))).toEqual(want.map((r) => Object.keys(r)));
  for (const [i, row] of want.entries()) {
    for (const [key, value] of Object.entries(row)) {
      const g = got[i]![key];
      if (typeof value === 'number' && typeof g === 'number') {
        expect(Math.abs(g - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
      } else expect(g, `${i}.${key}`).toEqual(value);
    }
  }
}
