import { describe, expect, test } from 'vitest';
import { periodLabel, previousPeriod, yearEarlier } from './period.ts';

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
  });

  test('periodLabel() reads a month as "Mar 2019" and leaves a year or a day as it is', () => {
    expect([2019, '2019-03', '2019-03-05'].map(periodLabel)).toEqual(['2019', 'Mar 2019', '2019-03-05']);
  });
});
