import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { EtlError } from '../errors.ts';
import { type MemorySourceOptions, memorySource } from '../testing/memory-source.ts';
import { checkSchema, compareSchema, WARNINGS_TABLE } from './schema-drift.ts';
import { originalColumn, PROFIT_COLUMNS, SOURCE_TABLES, type SourceColumn, type SourceTableName } from './source.ts';

const original = (table: SourceTableName, extra: string[] = []): SourceColumn[] =>
  [...SOURCE_TABLES[table], ...extra].map((name) => originalColumn(table, name));
const v1 = () => ({
  transactions: original('transactions'),
  customers: original('customers'),
  products: original('products'),
  markets: original('markets'),
});

describe('compareSchema()', () => {
  it('finds nothing wrong with either original dump version and sees profit only in v2', () => {
    expect(compareSchema(v1())).toEqual({ missing: [], drift: [], withProfit: false });
    const v2 = { ...v1(), transactions: original('transactions', [...PROFIT_COLUMNS]) };
    expect(compareSchema(v2)).toEqual({ missing: [], drift: [], withProfit: true });
  });

  it('accepts DECIMAL or INT amounts but not text amounts or text dates', () => {
    const retype = (name: string, type: SourceColumn['type']) => ({
      ...v1(),
      transactions: original('transactions').map((c) => (c.name === name ? { name, type } : c)),
    });
    expect(compareSchema(retype('sales_amount', 'decimal')).drift).toEqual([]);
    expect(compareSchema(retype('sales_amount', 'text')).drift).toEqual([
      'column transactions.sales_amount is text, expected float or decimal or integer; each value is still parsed and checked by the rules',
    ]);
    expect(compareSchema(retype('order_date', 'datetime')).drift).toHaveLength(1);
  });

  it('names missing tables and columns, new columns and half-present profit columns', () => {
    const drifted = {
      transactions: original('transactions', ['discount', 'profit_margin']).filter((c) => c.name !== 'currency'),
      customers: original('customers'),
      products: [],
      markets: original('markets'),
    };
    expect(compareSchema(drifted)).toEqual({
      missing: ['transactions.currency', 'products (the whole table)'],
      drift: [
        'unexpected new column transactions.discount (text), not published',
        'transactions has profit_margin but not profit_margin_percentage, cost_price: profit not published',
      ],
      withProfit: false,
    });
  });
});

describe('checkSchema()', () => {
  const run = async (schema: MemorySourceOptions['schema'], policy: 'error' | 'warn' = 'warn') => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const withProfit = await memorySource({}, { schema }).withSnapshot((s) => checkSchema(db, s, policy));
      const warnings = (await db.runAndReadAll(`SELECT message FROM ${WARNINGS_TABLE}`)).getRows().flat();
      return { withProfit, warnings };
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  };
  const extra = { transactions: original('transactions', ['discount']) };

  it('records drift as warnings under "warn"', async () => {
    expect(await run(extra)).toEqual({
      withProfit: false,
      warnings: ['schema: unexpected new column transactions.discount (text), not published'],
    });
  });

  it('fails on drift under "error", naming the column', async () => {
    await expect(run(extra, 'error')).rejects.toThrow(/schema drifted: unexpected new column transactions\.discount/);
  });

  it('always fails on a missing required column, naming table and column', async () => {
    const missing = { customers: original('customers').filter((c) => c.name !== 'custmer_name') };
    const error = await run(missing, 'warn').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtlError);
    expect(error).toMatchObject({ table: 'customers', message: expect.stringMatching(/customers\.custmer_name/) });
  });
});
