/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32). The sample data must be
 * byte-for-byte reproducible from a seed on every platform, which `Math.random` cannot give, and a
 * dependency would be more code to trust than these few lines.
 */

/** Returns a float in [0, 1). */
export type Random = () => number;

const TWO_POW_32 = 4294967296;

/** Seeds must be integers in [0, 2^32): a 32-bit state word holds them without loss. */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  }
  // splitmix32 spreads even tiny seeds (0, 1, 2…) over all four state words.
  let s = seed;
  const mix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) | 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  };
  return next;
}

/** A standard normal deviate (Box–Muller); `1 - random()` keeps the logarithm away from 0. */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
