import { type FilterValue, fiscalYear, fiscalYearLabel, fiscalYearSpan, isRange } from '@atliq/sdk';

/** How the year slicer names a year: "2019", or "FY 2019-20" for the fiscal year that starts in 2019. */
export const yearText = (year: number, fiscalYearStart: number): string => fiscalYearLabel(year, fiscalYearStart);

/** The fiscal years (by the calendar year they start in) that the months `YYYY-MM` with sales fall in, in order. */
export function fiscalYears(months: readonly string[], start: number): number[] {
  return [...new Set(months.map((m) => fiscalYear(`${m}-01`, start)))].sort((a, b) => a - b);
}

/** The filter a fiscal year stands for: the range of its twelve months. */
export function fiscalYearChoice(year: number, start: number): { month: FilterValue } {
  const { from, to } = fiscalYearSpan(year, start);
  return { month: { from: from.slice(0, 7), to: to.slice(0, 7) } };
}

/** The fiscal year a month filter is exactly; undefined for any other filter. */
export function fiscalYearOf(value: FilterValue | undefined, start: number): number | undefined {
  if (!value || !isRange(value)) return undefined;
  const year = fiscalYear(`${String(value.from)}-01`, start);
  const { month } = fiscalYearChoice(year, start) as { month: { from: string; to: string } };
  return month.from === value.from && month.to === value.to ? year : undefined;
}
