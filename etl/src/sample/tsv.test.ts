import { describe, expect, it } from 'vitest';
import { encodeField, encodeRows } from './tsv.ts';

describe('encodeField()', () => {
  it('escapes what LOAD DATA would otherwise read as structure', () => {
    expect(encodeField('INR\r')).toBe('INR\\r');
    expect(encodeField('a\tb\nc\\d\0')).toBe('a\\tb\\nc\\\\d\\0');
    expect(encodeField('Brick & Mortar')).toBe('Brick & Mortar');
    expect(encodeField('')).toBe('');
  });

  it('writes NULL as \\N and numbers as JavaScript prints them', () => {
    expect(encodeField(null)).toBe('\\N');
    expect(encodeField(-1)).toBe('-1');
    expect(encodeField(39.78)).toBe('39.78');
  });

  it('refuses numbers SQL cannot hold', () => {
    expect(() => encodeField(Number.NaN)).toThrow(RangeError);
    expect(() => encodeField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('encodeRows()', () => {
  it('joins fields with tabs and ends every line with a newline', () => {
    const buffer = encodeRows([
      ['Prod001', 'Cus001', 'Mark001', '2017-10-10', 100, 41241, 'INR\r'],
      ['x', null],
    ]);
    expect(buffer.toString()).toBe('Prod001\tCus001\tMark001\t2017-10-10\t100\t41241\tINR\\r\nx\t\\N\n');
  });
});
