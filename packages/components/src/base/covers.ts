import { daysLabel, type Filters, isRange, type Manifest, periodSpan, snapshotDays } from '@atliq/sdk';
import { monthShort } from './period.ts';

/**
 * The days a chart's numbers cover, as its caption: the period the filters choose, cut to the snapshot's days
 * ("1 Jan–26 Jun 2020" for the year 2020 of a snapshot that ends on 26 June), or every day of the snapshot ("All
 * days: 4 Oct 2017–26 Jun 2020"); with the month-of-year slicer, the months it keeps. A chart over all days beside
 * KPIs of the year to date then says so, and a reader compares like with like.
 */
export function coversLabel(filters: Filters, manifest: Manifest): string {
  const data = snapshotDays(manifest);
  const span = periodSpan(filters);
  let days: string;
  if (span === null) days = 'The chosen periods';
  else if (span === undefined) days = data ? `All days: ${daysLabel(data)}` : 'All days';
  else {
    const from = data && data.from > span.from ? data.from : span.from;
    const to = data && data.to < span.to ? data.to : span.to;
    days = daysLabel(from <= to ? { from, to } : span);
  }
  const months = filters['month_of_year'];
  if (months === undefined) return days;
  const name = (m: unknown) => monthShort(Number(m)) ?? String(m);
  if (!isRange(months) && months.length === 0) return `${days}; no month chosen`;
  const kept = isRange(months) ? `${name(months.from)}–${name(months.to)}` : months.map(name).join(', ');
  return `${days}; only ${kept}`;
}
