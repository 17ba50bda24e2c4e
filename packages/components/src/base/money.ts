import { AtliqError, type Manifest, MEASURES, type MeasureName, type Row } from '@atliq/sdk';

/** How a component shows numbers: in which locale, and money in which currency at which rate. */
export interface Money {
  /** BCP 47 locale of every number format, e.g. `en-IN` (lakh/crore grouping). */
  readonly locale: string;
  /** ISO 4217 code money is shown in. */
  readonly currency: string;
  /** Units of the reporting currency per unit of `currency` (1 for the reporting currency itself). */
  readonly rate: number;
}

/** The default: Atliq's readers count in lakh and crore. */
export const DEFAULT_LOCALE = 'en-IN';

/**
 * Checks the `locale` and `currency` attributes against the extract: money is published in the manifest's reporting
 * currency, and another currency is shown by dividing by its rate in the manifest's `fx_rates` (the rates the ETL
 * converted with), e.g. `USD` at 75 shows ₹7,500 as $100. An empty currency means the reporting currency.
 * @throws {AtliqError} for a malformed locale or a currency the extract has no rate for.
 */
export function moneyFor(
  manifest: Pick<Manifest, 'reporting_currency' | 'fx_rates'>,
  locale: string,
  currency: string,
): Money {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(locale || DEFAULT_LOCALE);
  } catch {
    canonical = undefined;
  }
  if (!canonical) throw new AtliqError(`locale must be a language tag such as en-IN or en-US, got "${locale}".`);
  const code = (currency || manifest.reporting_currency).trim().toUpperCase();
  const rates: Record<string, number> = { ...manifest.fx_rates, [manifest.reporting_currency]: 1 };
  const rate = Object.hasOwn(rates, code) ? rates[code] : undefined;
  if (!(typeof rate === 'number' && rate > 0)) {
    throw new AtliqError(
      `currency "${currency}" cannot be shown: this extract has exchange rates for ${Object.keys(rates).sort().join(', ')} only.`,
    );
  }
  return { locale: canonical, currency: code, rate };
}

/** `value` of `measure` as shown: money divided by the rate of the currency shown, anything else unchanged. */
export function shown(money: Money, measure: MeasureName, value: number): number;
export function shown(money: Money, measure: MeasureName, value: number | null): number | null;
export function shown(money: Money, measure: MeasureName, value: number | null): number | null {
  return value !== null && MEASURES[measure].format === 'currency' ? value / money.rate : value;
}

/** Query rows with `measure` in the currency shown (a missing value as 0), the rest of each row as it is. */
export function shownRows(rows: readonly Row[], money: Money, measure: MeasureName): Row[] {
  return rows.map((row) => ({ ...row, [measure]: shown(money, measure, Number(row[measure] ?? 0)) }));
}
