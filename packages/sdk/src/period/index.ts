export {
  addDays,
  addMonths,
  type Day,
  daysInMonth,
  formatDay,
  isDay,
  isMonthEnd,
  monthEnd,
} from './days.ts';
export { fiscalYear, fiscalYearLabel, fiscalYearMonths, fiscalYearSpan, isFiscalYearStart } from './fiscal.ts';
export { daysLabel, spanLabel } from './label.ts';
export {
  type ComparisonKind,
  comparePeriods,
  hasPeriod,
  keySpan,
  PERIOD_DIMENSIONS,
  type Period,
  type PeriodComparison,
  type PeriodSettings,
  periodSpan,
  type Span,
  shiftBack,
  withoutPeriods,
} from './period.ts';
export { asOfDay, daysAsMonths, snapshotDays } from './snapshot-days.ts';
