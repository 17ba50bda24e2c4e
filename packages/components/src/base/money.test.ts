import { expect, test } from 'vitest';
import { moneyFor, shown } from './money.ts';

const manifest = { reporting_currency: 'INR', fx_rates: { INR: 1, USD: 75 } };

test('moneyFor() shows the reporting currency in en-IN by default', () => {
  expect(moneyFor(manifest, '', '')).toEqual({ locale: 'en-IN', currency: 'INR', rate: 1 });
});

test('moneyFor() takes another currency at its published rate, whatever its case', () => {
  expect(moneyFor(manifest, 'en-us', ' usd ')).toEqual({ locale: 'en-US', currency: 'USD', rate: 75 });
  expect(moneyFor({ reporting_currency: 'INR', fx_rates: { USD: 75 } }, 'en-IN', 'INR').rate).toBe(1);
});

test('moneyFor() explains a currency without a rate and a malformed locale', () => {
  expect(() => moneyFor(manifest, 'en-IN', 'EUR')).toThrow(
    'currency "EUR" cannot be shown: this extract has exchange rates for INR, USD only.',
  );
  expect(() => moneyFor(manifest, 'en-IN', 'constructor')).toThrow('currency "constructor" cannot be shown');
  expect(() => moneyFor(manifest, 'en_IN!<b>', '')).toThrow(
    'locale must be a language tag such as en-IN or en-US, got "en_IN!<b>".',
  );
});

test('shown() converts money and leaves counts and percentages alone', () => {
  const usd = moneyFor(manifest, 'en-US', 'USD');
  expect(shown(usd, 'revenue', 7500)).toBe(100);
  expect(shown(usd, 'profit', null)).toBeNull();
  expect(shown(usd, 'quantity', 7500)).toBe(7500);
  expect(shown(usd, 'margin', 2.5)).toBe(2.5);
});
