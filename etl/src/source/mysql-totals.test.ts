import { describe, expect, it } from 'vitest';
import { totalsFromRows, totalsSql } from './mysql-totals.ts';

describe('totalsFromRows()', () => {
  it('turns the server’s groups into numbers and YYYY-MM months, a zero date and a missing one included', () => {
    const rows = [
      { market: 'Mark001', month: 202003, currency: 'INR\r', n: 2, qty: '3', amount: 1.5, profit: '-0.25' },
      { market: 'Mark001', month: 0, currency: 'USD', n: '1', qty: null, amount: null, profit: null },
      { market: null, month: null, currency: null, n: 1, qty: '1', amount: 2, profit: 1 },
    ];
    expect(totalsFromRows(rows, true)).toEqual([
      { market: 'Mark001', month: '2020-03', currency: 'INR\r', lines: 2, quantity: 3, amount: 1.5, profit: -0.25 },
      { market: 'Mark001', month: '0000-00', currency: 'USD', lines: 1, quantity: 0, amount: 0, profit: 0 },
      { market: null, month: null, currency: null, lines: 1, quantity: 1, amount: 2, profit: 1 },
    ]);
    expect(totalsFromRows(rows, false)[0]!.profit).toBeNull();
  });

  it('totalsSql() sums profit only when asked', () => {
    expect(totalsSql(true)).toContain('SUM(profit_margin)');
    expect(totalsSql(false)).not.toContain('profit_margin');
  });
});
