import { describe, expect, it } from 'vitest';
import { identifier, numberLiteral, stringLiteral } from './escape.ts';

/** The exact strings; that ClickHouse reads them back unchanged is checked in chdb (compile.chdb.test.ts). */
describe('stringLiteral()', () => {
  it('escapes quotes and backslashes, and writes control characters as \\xHH', () => {
    expect(stringLiteral("' OR 1=1 --")).toBe("'\\' OR 1=1 --'");
    expect(stringLiteral('a\\')).toBe("'a\\\\'");
    expect(stringLiteral("\\' OR 1=1 --")).toBe("'\\\\\\' OR 1=1 --'");
    expect(stringLiteral('a\u0000b\nc\r\td\u007f')).toBe("'a\\x00b\\x0ac\\x0d\\x09d\\x7f'");
  });

  it('keeps non-ASCII text as it is', () => {
    expect(stringLiteral('Brick & Mortar — ₹ देहली')).toBe("'Brick & Mortar — ₹ देहली'");
  });
});

describe('numberLiteral()', () => {
  it('writes plain decimals and refuses what is not one', () => {
    expect(numberLiteral(2020)).toBe('2020');
    expect(numberLiteral(-1.5)).toBe('-1.5');
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7])
      expect(() => numberLiteral(n)).toThrow(RangeError);
  });
});

describe('identifier()', () => {
  it('backquotes, escaping backquotes and backslashes', () => {
    expect(identifier('fact_sales_20261204T000000Z-abc')).toBe('`fact_sales_20261204T000000Z-abc`');
    expect(identifier('a`b\\c')).toBe('`a\\`b\\\\c`');
  });
});
