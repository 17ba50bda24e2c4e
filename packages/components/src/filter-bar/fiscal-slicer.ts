import { type FilterValue, fiscalYear, fiscalYearLabel, fiscalYearMonths, isRange } from '@atliq/sdk';

/** How the year slicer names a year: "2019", or "FY 2019-20" for the fiscal year that starts in 2019. */
export const yearText = (year: number, fiscalYearStart: number): string => fiscalYearLabel(year, fiscalYearStart);

/** The fiscal years (by the calendar year they start in) that the months `YYYY-MM` with sales fall in, in order. */
export function fiscalYears(months: readonly string[], start: number): number[] {
  return [...new Set(months.map((m) => fiscalYear(`${m}-01`, start)))].sort((a, b) => a - b);
}

/** The fiscal year a month filter is exactly; undefined for any other filter. */
export function fiscalYearOf(value: FilterValue | undefined, start: number): number | undefined {
  if (!value || !isRange(value)) return undefined;
  const year = fiscalYear(`${String(value.from)}-01`, start);
  const months = fiscalYearMonths(year, start);
  return months.from === value.from && months.to === value.to ? year : undefined;
}
