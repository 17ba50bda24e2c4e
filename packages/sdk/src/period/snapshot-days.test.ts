import { describe, expect, it } from 'vitest';
import { daysAsMonths } from './snapshot-days.ts';

const data = { from: '2017-10-04', to: '2020-06-26' };

describe('daysAsMonths()', () => {
  it('writes days that cover whole months of the data as months', () => {
    expect(daysAsMonths({ day: { from: '2020-01-01', to: '2020-06-26' }, market: ['Mumbai'] }, data)).toEqual({
      market: ['Mumbai'],
      month: { from: '2020-01', to: '2020-06' },
    });
    expect(daysAsMonths({ day: { from: '2019-01-01', to: '2019-12-31' } }, data)).toEqual({
      month: { from: '2019-01', to: '2019-12' },
    });
    // Before the first order day there is nothing: 1 Jan 2017 starts where the data does.
    expect(daysAsMonths({ day: { from: '2017-01-01', to: '2017-12-31' } }, data)).toEqual({
      month: { from: '2017-01', to: '2017-12' },
    });
  });
  it('keeps days that cut a month short where the data has sales', () => {
    const partial = { day: { from: '2019-01-01', to: '2019-06-26' } };
    expect(daysAsMonths(partial, data)).toBe(partial);
    const late = { day: { from: '2017-10-05', to: '2017-12-31' } };
    expect(daysAsMonths(late, data)).toBe(late);
    const list = { day: ['2020-01-01'] };
    expect(daysAsMonths(list, data)).toBe(list);
    const both = { day: { from: '2020-01-01', to: '2020-01-31' }, month: ['2020-01'] };
    expect(daysAsMonths(both, data)).toBe(both);
  });
});
