import { median, medianAbsoluteDeviation } from 'simple-statistics';

/** Scales the median absolute deviation to the standard deviation of normal data (1 / Φ⁻¹(3/4)). */
export const MAD_SCALE = 1.4826;

/**
 * Robust z-scores: (x − median) / (1.4826 · MAD). Outliers barely move the median and the MAD, so one extreme month
 * cannot hide itself by inflating the spread as it would a mean and standard deviation. Null when the MAD is zero
 * (more than half the values are equal): no spread to measure against.
 */
export function robustZ(values: readonly number[]): number[] | null {
  if (values.length < 3) return null;
  const m = median([...values]);
  const mad = medianAbsoluteDeviation([...values]) * MAD_SCALE;
  return mad > 0 ? values.map((v) => (v - m) / mad) : null;
}

/**
 * Benjamini–Hochberg at false discovery rate `q`: which of the hypotheses to reject so that, on average, at most a
 * share q of the rejections are false alarms — for many markets tested at once.
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  let k = 0;
  order.forEach(([p], rank) => {
    if (p <= ((rank + 1) / m) * q) k = rank + 1;
  });
  const rejected = new Set(order.slice(0, k).map(([, i]) => i));
  return pValues.map((_, i) => rejected.has(i));
}
