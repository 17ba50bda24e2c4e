import {
  AtliqError,
  BASE_MEASURES,
  type Filters,
  fiscalYear,
  fiscalYearMonths,
  intersect,
  MEASURES,
  type MeasureName,
  type QuerySpec,
  type Row,
} from '@atliq/sdk';
import { type DrillStep, drillFilters } from '../base/drill.ts';

/**
 * Fiscal years at the trend's year grain. The model's `year` is the calendar year, so with `fiscal-year-start`
 * other than 1 the chart asks for months and adds them up by fiscal year (named by the calendar year it starts in),
 * and a fiscal year in a filter is the range of its twelve months.
 */

/** `filters` narrowed to fiscal year `year` (kept inside a month condition already there). */
export function withFiscalYear(filters: Filters, year: number, start: number): Filters {
  const months = fiscalYearMonths(year, start);
  return { ...filters, month: filters['month'] ? intersect(filters['month'], months) : months };
}

/** The chart's filters for a drill path: a fiscal year opened is its months, the other steps as members. */
export function fiscalDrillFilters(filters: Filters, path: readonly DrillStep[], start: number): Filters {
  const years = path.filter((s) => s.dimension === 'year');
  const narrowed = drillFilters(
    filters,
    path.filter((s) => s.dimension !== 'year'),
  );
  return years.reduce((f, s) => withFiscalYear(f, Number(s.member), start), narrowed);
}

/** The measures whose monthly sums add up to `measure` by fiscal year, and how to combine them. */
function parts(measure: MeasureName): { measures: string[]; combine: (sums: number[]) => number | null } {
  const a = MEASURES[measure].aggregate;
  if (a.kind === 'sum' || a.kind === 'count') return { measures: [measure], combine: ([s]) => s! };
  if (a.kind === 'ratio') {
    // The measures that sum the ratio's two columns (the model's base measures), added up by year, then divided.
    const [numerator, denominator] = [BASE_MEASURES.get(a.numerator)!, BASE_MEASURES.get(a.denominator)!];
    return {
      measures: [numerator, denominator],
      combine: ([n, d]) => (d ? (a.scale * n!) / d : null),
    };
  }
  throw new AtliqError(`${MEASURES[measure].label} cannot be shown by fiscal year: choose another measure or grain.`);
}

/** The query whose monthly rows {@link fiscalYearRows} adds up by fiscal year: `measure`'s parts by month. */
export function fiscalYearSpec(measure: MeasureName, filters: Filters): QuerySpec {
  return { measures: parts(measure).measures, dimensions: ['month'], filters };
}

/** `measure` by fiscal year from the monthly rows of {@link fiscalYearSpec}, as rows `{ year, [measure] }` in year order. */
export function fiscalYearRows(months: readonly Row[], measure: MeasureName, start: number): Row[] {
  const { measures, combine } = parts(measure);
  const years = new Map<number, number[]>();
  for (const r of months) {
    const year = fiscalYear(`${String(r['month'])}-01`, start);
    const sums = years.get(year) ?? measures.map(() => 0);
    measures.forEach((m, i) => {
      sums[i]! += Number(r[m] ?? 0);
    });
    years.set(year, sums);
  }
  return [...years].sort(([a], [b]) => a - b).map(([year, sums]) => ({ year, [measure]: combine(sums) }));
}
