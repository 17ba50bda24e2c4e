/**
 * Walker's alias method: after O(n) set-up, draws an index with probability proportional to its weight
 * from a single uniform number in O(1). The transaction generator draws several weighted choices per
 * row and must stay well above a million rows a second, so a binary search per draw is too slow.
 */

/** Maps a uniform number in [0, 1) to an index in [0, weights.length). */
export type AliasSampler = (u: number) => number;

export function createAliasSampler(weights: readonly number[]): AliasSampler {
  const n = weights.length;
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (n === 0 || !(total > 0) || weights.some((w) => !(w >= 0))) {
    throw new RangeError('weights must be non-negative with a positive sum');
  }
  const threshold = new Float64Array(n);
  const alias = new Uint32Array(n);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => {
    (p < 1 ? small : large).push(i);
  });
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    threshold[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  // Whatever is left is 1 up to rounding error: always keep it.
  for (const i of [...small, ...large]) {
    threshold[i] = 1;
    alias[i] = i;
  }
  return (u) => {
    const x = u * n;
    const i = x | 0;
    return x - i < threshold[i] ? i : alias[i];
  };
}
