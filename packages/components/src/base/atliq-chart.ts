import type { PropertyDeclarations } from 'lit';
import { AtliqElement } from './atliq-element.ts';
import { DEFAULT_LOCALE } from './money.ts';
import {
  type ComparisonAttribute,
  type FiscalYearStartAttribute,
  inheritPeriod,
  type PeriodAttributes,
} from './period-settings.ts';

/**
 * Base of the components that show figures (charts, lists, KPIs): adds the `locale` and `currency` attributes.
 * Subclasses pass both to their data task and check them with `moneyFor()` against the extract's manifest.
 */
export class AtliqChart extends AtliqElement {
  static override properties: PropertyDeclarations = {
    /** Locale of every number shown (BCP 47); `en-IN` by default, with lakh/crore grouping. */
    locale: { type: String },
    /**
     * Currency money is shown in (ISO 4217); empty for the extract's reporting currency (INR). Another currency is
     * converted with the extract's published exchange rates (`fx_rates`), e.g. USD divides rupees by 75.
     */
    currency: { type: String },
    /**
     * The last day counted (`YYYY-MM-DD`); empty for the dashboard's, else the snapshot's newest order day. Periods
     * are clipped to it and compared like for like: the year to this day against the same days a year earlier.
     */
    asOf: { type: String, attribute: 'as-of' },
    /** Month the fiscal year starts in, 1–12 (4 for April–March); empty for the dashboard's, else 1. */
    fiscalYearStart: { type: String, attribute: 'fiscal-year-start' },
    /** `year` (the same days a year earlier) or `previous` (the period just before); empty for the dashboard's. */
    comparison: { type: String },
  };

  declare locale: string;
  declare currency: string;
  declare asOf: string;
  declare fiscalYearStart: FiscalYearStartAttribute;
  declare comparison: ComparisonAttribute;

  constructor() {
    super();
    this.locale = DEFAULT_LOCALE;
    this.currency = '';
    this.asOf = '';
    this.fiscalYearStart = '';
    this.comparison = '';
  }

  /** The period attributes in force: the element's own, else its dashboard's (checked by `periodSettings()`). */
  protected get period(): PeriodAttributes {
    const own = { asOf: this.asOf, fiscalYearStart: this.fiscalYearStart, comparison: this.comparison };
    return inheritPeriod(own, this.link.context?.period);
  }
}
