import { describe, expect, it } from 'vitest';
import { splitDays } from './split-days.ts';

const data = { from: '2017-10-04', to: '2020-06-26' };
const spec = (filters: Record<string, unknown>, extra: object = {}) =>
  ({ measures: ['revenue'], dimensions: ['market'], filters, ...extra }) as never;

describe('splitDays()', () => {
  it('splits 1 Jan–26 Jun 2019 into January–May and 1–26 June', () => {
    expect(splitDays(spec({ day: { from: '2019-01-01', to: '2019-06-26' }, zone: ['North'] }), data)).toEqual({
      months: { zone: ['North'], month: { from: '2019-01', to: '2019-05' } },
      days: { zone: ['North'], day: { from: '2019-06-01', to: '2019-06-26' } },
    });
    // Before the first sale there is nothing: a range from 1 Jan 2017 starts where the data does.
    expect(splitDays(spec({ day: { from: '2017-01-01', to: '2018-03-10' } }), data)?.months).toEqual({
      month: { from: '2017-01', to: '2018-02' },
    });
  });

  it('leaves alone what it cannot split without changing the answer, or need not', () => {
    const cases = [
      spec({ day: { from: '2019-06-01', to: '2019-06-26' } }), // one month
      spec({ day: { from: '2019-01-05', to: '2019-06-26' } }), // starts mid-month inside the data
      spec({ day: { from: '2019-01-01', to: '2019-06-30' } }), // whole months (asked as months already)
      spec({ day: { from: '2020-01-01', to: '2020-06-26' } }), // ends on the newest sale: whole months too
      spec({ day: { from: '2019-01-01', to: '2019-06-26' }, month: ['2019-03'] }),
      spec({ day: { from: '2019-01-01', to: '2019-06-26' } }, { limit: 5 }),
      spec({ day: { from: '2019-01-01', to: '2019-06-26' } }, { dimensions: ['day'] }),
      spec({ day: ['2019-01-01'] }),
      spec({ market: ['Mumbai'] }),
    ];
    for (const c of cases) expect(splitDays(c, data)).toBeNull();
  });
});
