import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../config.ts';
import type { MonthFingerprint } from '../source/source.ts';
import { reusableMonths, stateKey } from './incremental.ts';

const fp = (month: string | null, rows: number, checksum = `${rows}0`): MonthFingerprint => ({ month, rows, checksum });
const BEFORE = [fp(null, 2), fp('2020-01', 10), fp('2020-02', 20), fp('2020-03', 30), fp('2020-04', 40)];

describe('reusableMonths()', () => {
  it('reuses every unchanged month but the previous run’s newest N', () => {
    expect(reusableMonths(BEFORE, BEFORE, 1)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(reusableMonths(BEFORE, BEFORE, 2)).toEqual(['2020-01', '2020-02']);
    expect(reusableMonths(BEFORE, BEFORE, 0)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04']);
    expect(reusableMonths(BEFORE, BEFORE, 9)).toEqual([]);
  });

  it('re-reads a month whose row count or checksum changed, a new month, and rows without a date', () => {
    const now = [fp(null, 2), fp('2020-01', 11), fp('2020-02', 20, 'other'), fp('2020-03', 30), fp('2020-05', 1)];
    expect(reusableMonths(BEFORE, now, 0)).toEqual(['2020-03']);
  });

  it('drops a month the source no longer has', () => {
    expect(reusableMonths(BEFORE, [fp('2020-02', 20)], 0)).toEqual(['2020-02']);
  });
});

describe('stateKey()', () => {
  it('changes with anything that shapes a published row, not with the order of the rate table', () => {
    const key = stateKey(DEFAULT_RULES, false, ['a', 'b']);
    expect(stateKey({ ...DEFAULT_RULES, fxRates: { USD: 75, INR: 1 } }, false, ['a', 'b'])).toBe(key);
    expect(stateKey({ ...DEFAULT_RULES, fxRates: { INR: 1, USD: 80 } }, false, ['a', 'b'])).not.toBe(key);
    expect(stateKey({ ...DEFAULT_RULES, rejectDuplicates: false }, false, ['a', 'b'])).not.toBe(key);
    expect(stateKey({ ...DEFAULT_RULES, rejectInconsistentProfit: false }, false, ['a', 'b'])).not.toBe(key);
    expect(stateKey({ ...DEFAULT_RULES, profitCurrency: 'reporting' }, false, ['a', 'b'])).not.toBe(key);
    expect(stateKey(DEFAULT_RULES, true, ['a', 'b'])).not.toBe(key);
    expect(stateKey(DEFAULT_RULES, false, ['a', 'b', 'c'])).not.toBe(key);
  });
});
