import { describe, expect, it } from 'vitest';
import { lineHash } from './line-hash.ts';

const row = ['Prod001', 'Cus001', 'Mark001', '2017-10-10', 1, 875, 'INR\r'];
const fields = [0, 1, 2, 4, 5, 6];

describe('lineHash()', () => {
  it('is equal for equal rows and ignores fields it is not given', () => {
    expect(lineHash([...row], fields)).toBe(lineHash(row, fields));
    expect(lineHash(row.with(3, '2019-01-01'), fields)).toBe(lineHash(row, fields));
  });

  it('changes when any hashed field changes', () => {
    const base = lineHash(row, fields);
    const variants = [
      row.with(0, 'Prod002'),
      row.with(2, 'Mark010'),
      row.with(4, 2),
      row.with(5, 876),
      row.with(5, 875 + 2 ** 32),
      row.with(6, 'INR'),
      ['Prod00', '1Cus001', 'Mark001', '2017-10-10', 1, 875, 'INR\r'],
    ];
    for (const variant of variants) expect(lineHash(variant, fields)).not.toBe(base);
  });

  it('stays a non-negative 30-bit integer', () => {
    for (let i = 0; i < 1000; i++) {
      const h = lineHash(row.with(5, i * 7919), fields);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 30).toBe(true);
    }
  });
});
