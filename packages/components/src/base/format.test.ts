import { expect, test } from 'vitest';
import { currencyFormats, formatPoints } from './format.ts';

test('currencyFormats() abbreviates INR in lakh and crore and groups the full value the Indian way', () => {
  const inr = currencyFormats('INR');
  expect([950, 123_456, 1_234_567, 12_345_678].map(inr.compact)).toEqual(['₹950', '₹1.2L', '₹12.3L', '₹1.2Cr']);
  expect(inr.full(123_456_789.4)).toBe('₹12,34,56,789');
  expect(currencyFormats('INR')).toBe(inr);
});

test('formatPoints() signs a difference of percentages; one that one decimal hides keeps one significant digit', () => {
  expect([1.54, -0.4, 0, -0.04, 0.0049, -0.05].map((v) => formatPoints(v))).toEqual([
    '+1.5 pp',
    '-0.4 pp',
    '0.0 pp',
    '-0.04 pp',
    '+0.005 pp',
    '-0.1 pp',
  ]);
  expect(formatPoints(-0.04, 'de-DE')).toBe('-0,04 pp');
});
