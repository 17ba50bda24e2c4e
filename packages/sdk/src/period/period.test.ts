import { describe, expect, it } from 'vitest';
import { addMonths, dayCount, daysInMonth, isDay } from './days.ts';
import { fiscalYear, fiscalYearLabel, fiscalYearMonths, fiscalYearSpan } from './fiscal.ts';
import { spanLabel } from './label.ts';
import { comparePeriods, periodSpan, shiftBack } from './period.ts';

const asOf = '2020-06-26';

describe('days', () => {
  it('daysInMonth() knows leap years, centuries and 400s', () => {
    expect([2019, 2020, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });
  it('isDay() refuses days that do not exist', () => {
    expect(['2020-02-29', '2019-12-31'].map(isDay)).toEqual([true, true]);
    expect(['2019-02-29', '2020-13-01', '2020-04-31', '2020-6-1', '', 20200626].map(isDay)).toEqual(
      Array(6).fill(false),
    );
  });
  it('addMonths() clamps to the shorter month', () => {
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-29');
    expect(addMonths('2019-03-31', -1)).toBe('2019-02-28');
    expect(addMonths('2020-01-31', -2)).toBe('2019-11-30');
    expect(addMonths('2020-02-29', -12)).toBe('2019-02-28');
  });
  it('dayCount() counts both ends', () => {
    expect(dayCount('2020-01-01', '2020-06-26')).toBe(178);
    expect(dayCount('2019-01-01', '2019-12-31')).toBe(365);
    expect(dayCount('2020-01-02', '2020-01-01')).toBe(0);
  });
});

describe('fiscal years', () => {
  it('fiscalYear() names an April–March year by the year it starts in', () => {
    expect(fiscalYear('2020-03-31', 4)).toBe(2019);
    expect(fiscalYear('2020-04-01', 4)).toBe(2020);
    expect(fiscalYear('2020-03-31', 1)).toBe(2020);
  });
  it('fiscalYearSpan() and fiscalYearLabel()', () => {
    expect(fiscalYearSpan(2019, 4)).toEqual({ from: '2019-04-01', to: '2020-03-31' });
    expect(fiscalYearSpan(2019, 1)).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    expect(fiscalYearSpan(2019, 3)).toEqual({ from: '2019-03-01', to: '2020-02-29' });
    expect(fiscalYearMonths(2019, 4)).toEqual({ from: '2019-04', to: '2020-03' });
    expect(fiscalYearMonths(2019, 1)).toEqual({ from: '2019-01', to: '2019-12' });
    expect(fiscalYearLabel(2019, 4)).toBe('FY 2019-20');
    expect(fiscalYearLabel(2099, 4)).toBe('FY 2099-00');
    expect(fiscalYearLabel(2019, 1)).toBe('2019');
  });
});

describe('spanLabel()', () => {
  it('names whole periods and gives exact days otherwise', () => {
    expect(spanLabel({ from: '2019-01-01', to: '2019-12-31' })).toBe('2019');
    expect(spanLabel({ from: '2018-01-01', to: '2019-12-31' })).toBe('2018–2019');
    expect(spanLabel({ from: '2019-04-01', to: '2020-03-31' }, 4)).toBe('FY 2019-20');
    expect(spanLabel({ from: '2019-04-01', to: '2020-03-31' }, 1)).toBe('Apr 2019–Mar 2020');
    expect(spanLabel({ from: '2020-03-01', to: '2020-03-31' })).toBe('Mar 2020');
    expect(spanLabel({ from: '2020-03-01', to: '2020-05-31' })).toBe('Mar–May 2020');
    expect(spanLabel({ from: '2020-01-01', to: '2020-06-26' })).toBe('1 Jan–26 Jun 2020');
    expect(spanLabel({ from: '2020-06-01', to: '2020-06-26' })).toBe('1–26 Jun 2020');
    expect(spanLabel({ from: '2019-11-05', to: '2020-06-26' })).toBe('5 Nov 2019–26 Jun 2020');
    expect(spanLabel({ from: '2020-06-26', to: '2020-06-26' })).toBe('26 Jun 2020');
    expect(spanLabel({ from: '2020-03-01', to: '2020-03-31' }, 1, true)).toBe('1–31 Mar 2020');
  });
});

describe('periodSpan()', () => {
  it('joins the period conditions into one span of days', () => {
    expect(periodSpan({ market: ['Delhi NCR'] })).toBeUndefined();
    expect(periodSpan({ year: [2020] })).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(periodSpan({ year: [2019, 2018] })).toEqual({ from: '2018-01-01', to: '2019-12-31' });
    expect(periodSpan({ month: { from: '2019-11', to: '2020-02' } })).toEqual({ from: '2019-11-01', to: '2020-02-29' });
    expect(periodSpan({ year: [2020], month: ['2020-03'] })).toEqual({ from: '2020-03-01', to: '2020-03-31' });
    expect(periodSpan({ day: { from: '2020-02-10', to: '2020-03-05' } })).toEqual({
      from: '2020-02-10',
      to: '2020-03-05',
    });
  });
  it('is null for periods with gaps between them, or malformed members', () => {
    expect(periodSpan({ year: [2018, 2020] })).toBeNull();
    expect(periodSpan({ month: ['2020-01', '2020-03'] })).toBeNull();
    expect(periodSpan({ year: ['20x0'] })).toBeNull();
    expect(periodSpan({ year: [] })).toBeNull();
  });
});

describe('shiftBack()', () => {
  it('keeps a month end a month end, and clamps 29 February', () => {
    expect(shiftBack({ from: '2021-02-01', to: '2021-02-28' }, { months: 12 })).toEqual({
      from: '2020-02-01',
      to: '2020-02-29',
    });
    expect(shiftBack({ from: '2020-02-01', to: '2020-02-29' }, { months: 12 })).toEqual({
      from: '2019-02-01',
      to: '2019-02-28',
    });
    expect(shiftBack({ from: '2020-01-01', to: '2020-02-28' }, { months: 12 })).toEqual({
      from: '2019-01-01',
      to: '2019-02-28',
    });
    expect(shiftBack({ from: '2020-03-01', to: '2020-03-31' }, { months: 1 })).toEqual({
      from: '2020-02-01',
      to: '2020-02-29',
    });
    expect(shiftBack({ from: '2020-03-10', to: '2020-03-16' }, { days: 7 })).toEqual({
      from: '2020-03-03',
      to: '2020-03-09',
    });
  });
});

describe('comparePeriods()', () => {
  it('with no period filtered: the year to the as-of day against the same days a year earlier', () => {
    const c = comparePeriods({ market: ['Mumbai'] }, { asOf })!;
    expect(c.label).toBe('1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019');
    expect(c.current).toMatchObject({ from: '2020-01-01', to: '2020-06-26', partial: true });
    expect(c.filters).toEqual({
      current: { market: ['Mumbai'], day: { from: '2020-01-01', to: '2020-06-26' } },
      baseline: { market: ['Mumbai'], day: { from: '2019-01-01', to: '2019-06-26' } },
    });
  });
  it('an incomplete year chosen is compared with the same days of the year before', () => {
    const c = comparePeriods({ year: [2020] }, { asOf })!;
    expect(c.label).toBe('1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019');
    expect(c.filters.baseline).toEqual({ day: { from: '2019-01-01', to: '2019-06-26' } });
  });
  it('a complete year chosen is compared with the complete year before', () => {
    const c = comparePeriods({ year: [2019], zone: ['North'] }, { asOf })!;
    expect(c.label).toBe('2019 vs 2018');
    expect(c.current.partial).toBe(false);
    expect(c.filters).toEqual({
      current: { zone: ['North'], day: { from: '2019-01-01', to: '2019-12-31' } },
      baseline: { zone: ['North'], day: { from: '2018-01-01', to: '2018-12-31' } },
    });
  });
  it('an as-of day at a month end compares whole months, 29 February included', () => {
    const c = comparePeriods({}, { asOf: '2021-02-28' })!;
    expect(c.label).toBe('1 Jan–28 Feb 2021 vs 1 Jan–29 Feb 2020');
    const month = comparePeriods({ month: ['2021-02'] }, { asOf: '2021-02-28' })!;
    expect(month.label).toBe('Feb 2021 vs Feb 2020');
    expect(month.filters.baseline).toEqual({ day: { from: '2020-02-01', to: '2020-02-29' } });
  });
  it('as of 29 February, the year before counts to 28 February', () => {
    const c = comparePeriods({}, { asOf: '2020-02-29' })!;
    expect(c.filters.baseline).toEqual({ day: { from: '2019-01-01', to: '2019-02-28' } });
  });
  it('fiscal years: April–March, the year to date from 1 April', () => {
    const c = comparePeriods({}, { asOf, fiscalYearStart: 4 })!;
    expect(c.label).toBe('1 Apr–26 Jun 2020 vs 1 Apr–26 Jun 2019');
    const fy = comparePeriods({ month: { from: '2019-04', to: '2020-03' } }, { asOf, fiscalYearStart: 4 })!;
    expect(fy.label).toBe('FY 2019-20 vs FY 2018-19');
    const january = comparePeriods({}, { asOf: '2020-01-15', fiscalYearStart: 4 })!;
    expect(january.current).toMatchObject({ from: '2019-04-01', to: '2020-01-15' });
    expect(january.label).toBe('1 Apr 2019–15 Jan 2020 vs 1 Apr 2018–15 Jan 2019');
  });
  it("'previous': the period just before, of the same length", () => {
    const month = comparePeriods({ month: ['2020-06'] }, { asOf, comparison: 'previous' })!;
    expect(month.label).toBe('1–26 Jun 2020 vs 1–26 May 2020');
    const march = comparePeriods({ month: ['2020-03'] }, { asOf, comparison: 'previous' })!;
    expect(march.label).toBe('Mar 2020 vs Feb 2020');
    expect(march.filters.baseline).toEqual({ day: { from: '2020-02-01', to: '2020-02-29' } });
    const days = comparePeriods({ day: { from: '2020-03-10', to: '2020-03-16' } }, { asOf, comparison: 'previous' })!;
    expect(days.label).toBe('10–16 Mar 2020 vs 3–9 Mar 2020');
    const ytd = comparePeriods({}, { asOf, comparison: 'previous' })!;
    expect(ytd.label).toBe('1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019');
  });
  it('keeps month of year and other dimensions, and gives up on periods with gaps', () => {
    const c = comparePeriods({ month_of_year: [3] }, { asOf })!;
    expect(c.filters.baseline).toEqual({ month_of_year: [3], day: { from: '2019-01-01', to: '2019-06-26' } });
    expect(comparePeriods({ year: [2018, 2020] }, { asOf })).toBeNull();
  });
  it('a period after the as-of day counts no day', () => {
    const c = comparePeriods({ year: [2021] }, { asOf })!;
    expect(c.current.from > c.current.to).toBe(true);
  });
});
