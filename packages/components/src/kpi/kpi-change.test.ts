import { expect, test } from 'vitest';
import { currencyFormats } from '../base/format.ts';
import { change, describeChange } from './kpi-change.ts';

const inr = currencyFormats('INR');

test('change() is relative against a positive base', () => {
  expect(change('currency', 150, 100)).toEqual({ value: 50, unit: 'percent' });
  expect(change('number', 50, 200)).toEqual({ value: -75, unit: 'percent' });
});

test('change() is the amount against a zero or negative base, never a percentage', () => {
  expect(change('currency', 193, -100)).toEqual({ value: 293, unit: 'amount' });
  expect(change('currency', -50, -100)).toEqual({ value: 50, unit: 'amount' });
  expect(change('number', 40, 0)).toEqual({ value: 40, unit: 'amount' });
});

test('change() of a percentage measure is in points, and unknown without both values', () => {
  expect(change('percent', 2.5, 4)).toEqual({ value: -1.5, unit: 'points' });
  expect(change('percent', -3, -1)).toEqual({ value: -2, unit: 'points' });
  expect(change('currency', null, 100)).toBeNull();
  expect(change('currency', 100, null)).toBeNull();
});

test('describeChange() signs the figure and says why an amount is not a percentage', () => {
  expect(describeChange({ value: 12.34, unit: 'percent' }, inr)).toEqual({ text: '+12.3%', why: '' });
  expect(describeChange({ value: -0.44, unit: 'points' }, inr)).toEqual({ text: '-0.4 pp', why: '' });
  const amount = describeChange({ value: 293_000, unit: 'amount' }, inr);
  expect(amount.text).toBe('+₹2.9L');
  expect(amount.why).toMatch(/previous period was zero or negative/);
  expect(describeChange({ value: -1_250_000, unit: 'amount' }, inr).text).toBe('-₹12.5L');
  expect(describeChange({ value: 12.34, unit: 'percent' }, inr, 'de-DE').text).toBe('+12,3%');
});
