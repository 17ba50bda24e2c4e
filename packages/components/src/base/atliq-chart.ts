import type { PropertyDeclarations } from 'lit';
import { AtliqElement } from './atliq-element.ts';
import { DEFAULT_LOCALE } from './money.ts';

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
  };

  declare locale: string;
  declare currency: string;

  constructor() {
    super();
    this.locale = DEFAULT_LOCALE;
    this.currency = '';
  }
}
