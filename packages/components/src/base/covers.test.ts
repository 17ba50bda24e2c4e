import type { Manifest } from '@atliq/sdk';
import { describe, expect, test } from 'vitest';
import { coversLabel } from './covers.ts';

// A snapshot whose orders run from 4 Oct 2017 to 26 Jun 2020, in two fact files: only what snapshotDays reads.
const manifest = {
  files: [
    { table: 'fact_sales', min_order_date: '2017-10-04', max_order_date: '2019-12-31' },
    { table: 'fact_sales', min_order_date: '2020-01-01', max_order_date: '2020-06-26' },
    { table: 'dim_market' },
  ],
} as unknown as Manifest;

describe('coversLabel', () => {
  test('without a period, every day of the snapshot, said as such', () => {
    expect(coversLabel({}, manifest)).toBe('All days: 4 Oct 2017–26 Jun 2020');
    expect(coversLabel({ market: ['Delhi NCR'] }, manifest)).toBe('All days: 4 Oct 2017–26 Jun 2020');
  });

  test('a year, months or days, cut to the days the snapshot has', () => {
    expect(coversLabel({ year: [2020] }, manifest)).toBe('1 Jan–26 Jun 2020');
    expect(coversLabel({ year: [2018] }, manifest)).toBe('1 Jan–31 Dec 2018');
    expect(coversLabel({ year: { from: 2017, to: 2018 } }, manifest)).toBe('4 Oct 2017–31 Dec 2018');
    expect(coversLabel({ month: { from: '2019-03', to: '2019-05' } }, manifest)).toBe('1 Mar–31 May 2019');
    expect(coversLabel({ day: ['2019-03-05'] }, manifest)).toBe('5 Mar 2019');
  });

  test('periods with gaps between them are not made into one span', () => {
    expect(coversLabel({ year: [2018, 2020] }, manifest)).toBe('The chosen periods');
  });

  test('the month-of-year slicer names the months it keeps', () => {
    expect(coversLabel({ month_of_year: [3, 4] }, manifest)).toBe('All days: 4 Oct 2017–26 Jun 2020; only Mar, Apr');
    expect(coversLabel({ year: [2019], month_of_year: { from: 11, to: 12 } }, manifest)).toBe(
      '1 Jan–31 Dec 2019; only Nov–Dec',
    );
    expect(coversLabel({ month_of_year: [] }, manifest)).toBe('All days: 4 Oct 2017–26 Jun 2020; no month chosen');
  });

  test('a period wholly outside the snapshot is named as chosen', () => {
    expect(coversLabel({ year: [2015] }, manifest)).toBe('1 Jan–31 Dec 2015');
  });
});
