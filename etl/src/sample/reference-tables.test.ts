import { describe, expect, it } from 'vitest';
import { SOURCE_TABLES } from '../source/source.ts';
import { generateReferenceTables } from './reference-tables.ts';

const tables = generateReferenceTables();

describe('generateReferenceTables()', () => {
  it('gives every row the columns of SOURCE_TABLES', () => {
    for (const [table, rows] of Object.entries(tables)) {
      const width = SOURCE_TABLES[table as keyof typeof tables].length;
      expect(rows.every((row) => row.length === width)).toBe(true);
    }
  });

  it('lists the 38 customers, 19 brick-and-mortar then 19 e-commerce', () => {
    expect(tables.customers).toHaveLength(38);
    expect(tables.customers[0]).toEqual(['Cus001', 'Surge Stores', 'Brick & Mortar']);
    expect(tables.customers[18]).toEqual(['Cus019', 'Electricalsopedia Stores', 'Brick & Mortar']);
    expect(tables.customers[19]).toEqual(['Cus020', 'Nixon', 'E-Commerce']);
    expect(tables.customers[37]).toEqual(['Cus038', 'Leader', 'E-Commerce']);
    expect(new Set(tables.customers.map((c) => c[1])).size).toBe(38);
  });

  it("keeps the stray '\\r' at the end of every product_type", () => {
    expect(tables.products).toHaveLength(279);
    expect(tables.products[0]).toEqual(['Prod001', 'Own Brand\r']);
    expect(tables.products[21]).toEqual(['Prod022', 'Distribution\r']);
    expect(tables.products[278]).toEqual(['Prod279', 'Distribution\r']);
    const types = tables.products.map((p) => p[1]);
    expect(types.filter((t) => t === 'Own Brand\r')).toHaveLength(191);
    expect(types.filter((t) => t === 'Distribution\r')).toHaveLength(88);
  });

  it('has two markets named Bhopal and two international markets without a zone', () => {
    expect(tables.markets).toHaveLength(17);
    expect(tables.markets.filter((m) => m[1] === 'Bhopal').map((m) => m[0])).toEqual(['Mark007', 'Mark013']);
    expect(tables.markets.filter((m) => m[2] === '')).toEqual([
      ['Mark097', 'New York', ''],
      ['Mark999', 'Paris', ''],
    ]);
  });

  it("covers June 2017 to June 2020 day by day, date_yy_mmm ending in '\\r'", () => {
    expect(tables.date).toHaveLength(1126);
    expect(tables.date[0]).toEqual(['2017-06-01', '2017-06-01', 2017, 'June', '17-Jun\r']);
    expect(tables.date.find((d) => d[0] === '2020-02-29')).toEqual([
      '2020-02-29',
      '2020-02-01',
      2020,
      'February',
      '20-Feb\r',
    ]);
    expect(tables.date.at(-1)).toEqual(['2020-06-30', '2020-06-01', 2020, 'June', '20-Jun\r']);
  });

  it('returns fresh rows each call, so a caller cannot corrupt the next', () => {
    const first = generateReferenceTables();
    first.customers[0]![1] = 'changed';
    expect(generateReferenceTables().customers[0]![1]).toBe('Surge Stores');
  });
});
