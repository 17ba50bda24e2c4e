import { describe, expect, it } from 'vitest';
import { createAliasSampler } from './alias.ts';
import { createRandom } from './prng.ts';

describe('createAliasSampler()', () => {
  it('draws each index in proportion to its weight', () => {
    const weights = [1, 2, 0, 7, 0.5];
    const total = weights.reduce((a, b) => a + b, 0);
    const sample = createAliasSampler(weights);
    const random = createRandom(11);
    const counts = new Array<number>(weights.length).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[sample(random())]!++;
    weights.forEach((w, i) => {
      expect(counts[i]! / n).toBeCloseTo(w / total, 2);
    });
    expect(counts[2]).toBe(0);
  });

  it('maps the whole unit interval into range', () => {
    const sample = createAliasSampler([3, 1]);
    for (const u of [0, 0.25, 0.5, 0.999_999_999]) expect([0, 1]).toContain(sample(u));
  });

  it('rejects weights it cannot sample from', () => {
    expect(() => createAliasSampler([])).toThrow(RangeError);
    expect(() => createAliasSampler([0, 0])).toThrow(RangeError);
    expect(() => createAliasSampler([1, -1, 2])).toThrow(RangeError);
    expect(() => createAliasSampler([1, Number.NaN])).toThrow(RangeError);
  });
});
