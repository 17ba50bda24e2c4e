import { describe, expect, it } from 'vitest';
import { createRandom, normal } from './prng.ts';

const draw = (seed: number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random());
};

describe('createRandom()', () => {
  it('repeats its sequence for the same seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives neighbouring seeds unrelated sequences', () => {
    const a = draw(0, 1000);
    const b = draw(1, 1000);
    expect(a.filter((x, i) => x === b[i])).toEqual([]);
  });

  it('returns floats in [0, 1), spread evenly', () => {
    const values = draw(7, 100_000);
    expect(values.every((x) => x >= 0 && x < 1)).toBe(true);
    const deciles = new Array<number>(10).fill(0);
    for (const x of values) deciles[Math.floor(x * 10)]!++;
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('rejects seeds that do not fit 32 bits', () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) expect(() => createRandom(seed)).toThrow(RangeError);
  });
});

describe('normal()', () => {
  it('has mean 0 and standard deviation 1', () => {
    const random = createRandom(3);
    const values = Array.from({ length: 100_000 }, () => normal(random));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });
});
