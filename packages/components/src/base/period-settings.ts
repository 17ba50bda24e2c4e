import { AtliqError, asOfDay, type ComparisonKind, isDay, type Manifest, type PeriodSettings } from '@atliq/sdk';

/**
 * The values of the `comparison` attribute: a kind of the SDK's period model, or empty for the dashboard's (then a
 * year earlier). A typo still reaches `periodSettings()`, which explains it.
 */
export type ComparisonAttribute = ComparisonKind | '';

/** The values of `fiscal-year-start`: a month number, 1 (January) to 12, or empty for the dashboard's (then 1). */
export type FiscalYearStartAttribute = '' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12';

/**
 * The period attributes as written on an element or its dashboard (`as-of`, `fiscal-year-start`, `comparison`);
 * an empty string leaves the setting to the dashboard, then to the default.
 */
export interface PeriodAttributes {
  readonly asOf: string;
  readonly fiscalYearStart: string;
  readonly comparison: string;
}

/**
 * The attributes as a tuple of strings, for a data task's arguments: the task compares its arguments one by one,
 * by value for strings, so only a real change of a setting re-runs it.
 */
export type PeriodArgs = readonly [asOf: string, fiscalYearStart: string, comparison: string];

export const periodArgs = ({ asOf, fiscalYearStart, comparison }: PeriodAttributes): PeriodArgs => [
  asOf,
  fiscalYearStart,
  comparison,
];

export const fromPeriodArgs = ([asOf, fiscalYearStart, comparison]: PeriodArgs): PeriodAttributes => ({
  asOf,
  fiscalYearStart,
  comparison,
});

export const samePeriodAttributes = (a: PeriodAttributes | undefined, b: PeriodAttributes | undefined): boolean =>
  a?.asOf === b?.asOf && a?.fiscalYearStart === b?.fiscalYearStart && a?.comparison === b?.comparison;

/** Each attribute set on the element, else the dashboard's. */
export function inheritPeriod(own: PeriodAttributes, dashboard: PeriodAttributes | undefined): PeriodAttributes {
  const pick = (key: keyof PeriodAttributes) => own[key] || dashboard?.[key] || '';
  return { asOf: pick('asOf'), fiscalYearStart: pick('fiscalYearStart'), comparison: pick('comparison') };
}

/**
 * Checks the period attributes and completes them from the snapshot: the as-of day defaults to its newest order
 * day, the fiscal year to the calendar year, the comparison to the same days a year earlier. Null for an extract
 * without sales and no `as-of`: there is no period to speak of.
 * @throws {AtliqError} naming the attribute, the value and what it accepts.
 */
export function periodSettings(attributes: PeriodAttributes, manifest: Manifest): PeriodSettings | null {
  const { asOf, fiscalYearStart, comparison } = attributes;
  if (asOf && !isDay(asOf.trim())) {
    throw new AtliqError(`as-of must be a day written YYYY-MM-DD, such as 2020-06-26, got "${asOf}".`);
  }
  const start = fiscalYearStart.trim() === '' ? 1 : Number(fiscalYearStart);
  if (!(Number.isInteger(start) && start >= 1 && start <= 12)) {
    throw new AtliqError(
      `fiscal-year-start must be the month number the fiscal year starts in, from 1 (January) to 12 (4 for April), got "${fiscalYearStart}".`,
    );
  }
  if (comparison && comparison !== 'year' && comparison !== 'previous') {
    throw new AtliqError(
      `comparison must be "year" (a year earlier) or "previous" (the period before), got "${comparison}".`,
    );
  }
  const day = asOf.trim() || asOfDay(manifest);
  if (!day) return null;
  return { asOf: day, fiscalYearStart: start, comparison: (comparison || 'year') as ComparisonKind };
}
