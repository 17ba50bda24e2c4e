import type { MeasureDef } from '@atliq/sdk';
import { DEFAULT_LOCALE, type Money } from './money.ts';

export interface CurrencyFormats {
  /** Short, for labels next to bars: ₹12.3L, ₹1.2Cr. */
  readonly compact: (value: number) => string;
  /** Exact to the rupee with lakh/crore grouping, for tables: ₹12,34,56,789. */
  readonly full: (value: number) => string;
}

const cache = new Map<string, unknown>();

/**
 * Formatters are costly to create (more than a render of a small panel), so there is one per locale and kind:
 * `key` names both, `create` makes it the first time.
 */
export function cached<T>(key: string, create: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (format === undefined) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/**
 * Money formats, by default in the `en-IN` locale, whose lakh/crore grouping and L/Cr abbreviations are what
 * Atliq's readers use.
 */
export function currencyFormats(currency: string, locale = DEFAULT_LOCALE): CurrencyFormats {
  return cached(`currency|${locale}|${currency}`, () => {
    const compact = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    const full = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    return { compact: (v) => compact.format(v), full: (v) => full.format(v) };
  });
}

/** Counts: 12.3L units short, 12,34,567 in full (en-IN). */
export function countFormats(locale = DEFAULT_LOCALE): CurrencyFormats {
  return cached(`number|${locale}`, () => {
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const full = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return { compact: (v) => compact.format(v), full: (v) => full.format(v) };
  });
}

/** Counts in `en-IN`. */
export const numberFormats: CurrencyFormats = countFormats();

/** Numbers with exactly one decimal in `locale`: the figure of a percentage or of percentage points. */
function oneDecimal(locale: string): (value: number) => string {
  return cached(`decimal1|${locale}`, () => {
    const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return (v: number) => one.format(v);
  });
}

/** A percentage already multiplied by 100, one decimal: `12.3%` (`12,3%` in de-DE). */
export function percentFormat(locale = DEFAULT_LOCALE): (value: number) => string {
  const one = oneDecimal(locale);
  return (value) => `${one(value)}%`;
}

/** Small numbers to one significant digit: `0.04`, `0.003`. */
function oneSignificant(locale: string): (value: number) => string {
  return cached(`significant1|${locale}`, () => {
    const one = new Intl.NumberFormat(locale, { maximumSignificantDigits: 1 });
    return (v: number) => one.format(v);
  });
}

/**
 * A difference of percentages, signed, one decimal: `+1.5 pp`, `-0.4 pp`. A difference that one decimal would
 * round to zero keeps one significant digit (`-0.04 pp`): "-0.0 pp below target" read as no gap at all.
 */
export function formatPoints(value: number, locale = DEFAULT_LOCALE): string {
  const format = value !== 0 && Math.abs(value) < 0.05 ? oneSignificant(locale) : oneDecimal(locale);
  return `${value > 0 ? '+' : ''}${format(value)} pp`;
}

/** A percentage in `en-IN`. */
export const formatPercent = percentFormat();

/** The formats for a measure of the model, by its declared `format`, in the locale and currency of `money`. */
export function measureFormats(
  format: MeasureDef['format'],
  money: Pick<Money, 'locale' | 'currency'>,
): CurrencyFormats {
  if (format === 'currency') return currencyFormats(money.currency, money.locale);
  if (format === 'number') return countFormats(money.locale);
  const percent = percentFormat(money.locale);
  return { compact: percent, full: percent };
}
