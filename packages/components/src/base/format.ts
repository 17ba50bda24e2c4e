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
