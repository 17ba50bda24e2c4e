import { expect, test } from 'vitest';
import { currencyFormats } from './format.ts';

test('currencyFormats() abbreviates INR in lakh and crore and groups the full value the Indian way', () => {
  const inr = currencyFormats('INR');
  expect([950, 123_456, 1_234_567, 12_345_678].map(inr.compact)).toEqual(['₹950', '₹1.2L', '₹12.3L', '₹1.2Cr']);
  expect(inr.full(123_456_789.4)).toBe('₹12,34,56,789');
  expect(currencyFormats('INR')).toBe(inr);
});
