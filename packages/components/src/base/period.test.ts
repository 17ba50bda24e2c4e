import { describe, expect, test } from 'vitest';
import { describePeriod, hasPeriod, periodLabel, previousPeriod, yearEarlier, yearToDate } from './period.ts';

describe('period', () => {
  test('yearEarlier() moves years, months and days back one year', () => {
    expect([2020, '2020-03', '2020-03-05', '2020-02-29', 'Mumbai'].map(yearEarlier)).toEqual([
      2019,
      '2019-03',
      '2019-03-05',
      '2019-02-28',
      'Mumbai',
    ]);
  });

  test('previousPeriod() shifts period filters and keeps the others', () => {
    expect(
      previousPeriod({
        year: [2020],
        month: { from: '2020-01', to: '2020-03' },
        market: ['Delhi NCR'],
        month_of_year: [3],
      }),
    ).toEqual({
      year: [2019],
      month: { from: '2019-01', to: '2019-03' },
      market: ['Delhi NCR'],
      month_of_year: [3],
    });
    expect(hasPeriod({ month_of_year: [3] })).toBe(false);
    expect(hasPeriod({ year: [2020] })).toBe(true);
  });

  test('describePeriod() names a year, a month and a range', () => {
    expect(describePeriod({ year: [2019] })).toBe('2019');
    expect(describePeriod({ month: ['2019-03'] })).toBe('Mar 2019');
    expect(describePeriod({ month: { from: '2019-01', to: '2019-06' } })).toBe('Jan 2019–Jun 2019');
  });

  test('periodLabel() reads a month as "Mar 2019" and leaves a year or a day as it is', () => {
    expect([2019, '2019-03', '2019-03-05'].map(periodLabel)).toEqual(['2019', 'Mar 2019', '2019-03-05']);
  });

  test('yearToDate() compares the latest partial year with the same months before', () => {
    const ytd = yearToDate(['2019-01', '2019-12', '2020-06', '2020-02']);
    expect(ytd).toMatchObject({
      year: 2020,
      toMonth: 6,
      current: { month: { from: '2020-01', to: '2020-06' } },
      previous: { month: { from: '2019-01', to: '2019-06' } },
      label: 'Jan–Jun 2020 vs Jan–Jun 2019',
    });
    expect(yearToDate(['2020-01'])).toBeNull();
    expect(yearToDate([])).toBeNull();
  });
});
