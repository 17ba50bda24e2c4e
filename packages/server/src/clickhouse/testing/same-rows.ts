import type { Row } from '@atliq/sdk';
import { expect } from 'vitest';

/**
 * Asserts the same rows in the same order with the same JSON types: text, NULLs and whole numbers (counts, units,
 * years) exactly, other numbers to 1e-9 relative (each engine sums the doubles in its own order, so the last bits may differ).
 */
export function expectSameRows(got: readonly Row[], want: readonly Row[], what: string): void {
  expect(got.length, `${what}: row count`).toBe(want.length);
  for (const [i, row] of want.entries()) {
    expect(Object.keys(got[i]!), `${what}: row ${i}'s fields`).toEqual(Object.keys(row));
    for (const [key, value] of Object.entries(row)) {
      const g = got[i]![key];
      expect(typeof g, `${what}: row ${i}.${key} = ${g}, want ${value}`).toBe(typeof value);
      if (typeof value === 'number' && !(Number.isInteger(value) && Number.isInteger(g))) {
        expect(Math.abs((g as number) - value), `${what}: row ${i}.${key}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(value)),
        );
      } else expect(g, `${what}: row ${i}.${key}`).toEqual(value);
    }
  }
}
