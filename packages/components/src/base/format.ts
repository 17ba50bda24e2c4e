import type { MeasureDef } from '@atliq/sdk';

export interface CurrencyFormats {
  /** Short, for labels next to bars: ₹12.3L, ₹1.2Cr. */
  readonly compact: (value: number) => string;
  /** Exact to the rupee with lakh/crore grouping, for tables: ₹12,34,56,789. */
  readonly full: (value: number) => string;
}

const cache = new Map<string, CurrencyFormats>();

/**
 * Money formats in the `en-IN` locale, whose lakh/crore grouping and L/Cr abbreviations are what Atliq's readers
 * use. Formatters are costly to create, so there is one pair per currency.
 */
export function currencyFormats(currency: string): CurrencyFormats {
  let formats = cache.get(currency);
  if (!formats) {
    const compact = new Intl.NumberFormat('en-IN', {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    const full = new Intl.NumberFormat('en-IN', { style: 'currency', currency, maximumFractionDigits: 0 });
    formats = { compact: (v) => compact.format(v), full: (v) => full.format(v) };
    cache.set(currency, formats);
  }
  return formats;
}

const compactNumber = new Intl.NumberFormat('en-IN', { notation: 'compact', maximumFractionDigits: 1 });
const fullNumber = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });
const percent1 = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Counts: 12.3L units short, 12,34,567 in full. */
export const numberFormats: CurrencyFormats = {
  compact: (v) => compactNumber.format(v),
  full: (v) => fullNumber.format(v),
};

/** A percentage already multiplied by 100, one decimal: `12.3%`. */
export const formatPercent = (value: number): string => `${percent1.format(value)}%`;

const percentFormats: CurrencyFormats = { compact: formatPercent, full: formatPercent };

/** The formats for a measure of the model, by its declared `format`. */
export function measureFormats(format: MeasureDef['format'], currency: string): CurrencyFormats {
  if (format === 'currency') return currencyFormats(currency);
  return format === 'percent' ? percentFormats : numberFormats;
}
