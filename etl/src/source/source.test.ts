import { describe, expect, it } from 'vitest';
import { columnKind, originalColumn } from './source.ts';

describe('columnKind()', () => {
  it('normalises MySQL/MariaDB DATA_TYPE values', () => {
    const kinds = Object.fromEntries(
      ['varchar', 'CHAR', 'text', 'longtext', 'enum', 'int', 'bigint', 'tinyint', 'double', 'float', 'decimal']
        .concat(['date', 'datetime', 'timestamp', 'json', 'blob', 'time'])
        .map((t) => [t, columnKind(t)]),
    );
    expect(kinds).toEqual({
      varchar: 'text',
      CHAR: 'text',
      text: 'text',
      longtext: 'text',
      enum: 'text',
      int: 'integer',
      bigint: 'integer',
      tinyint: 'integer',
      double: 'float',
      float: 'float',
      decimal: 'decimal',
      date: 'date',
      datetime: 'datetime',
      timestamp: 'datetime',
      json: 'other',
      blob: 'other',
      time: 'other',
    });
  });
});

describe('originalColumn()', () => {
  it("gives a known column the original dumps' type and an unknown one text", () => {
    expect(originalColumn('transactions', 'sales_amount')).toEqual({ name: 'sales_amount', type: 'float' });
    expect(originalColumn('date', 'year')).toEqual({ name: 'year', type: 'integer' });
    expect(originalColumn('customers', 'loyalty')).toEqual({ name: 'loyalty', type: 'text' });
  });
});
