import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createTableSql } from '../contract-ddl.ts';
import { completeness } from './completeness.ts';

async function withTables<T>(facts: [string, string][], fn: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run(createTableSql('dim_market'));
    await db.run(`INSERT INTO dim_market VALUES ('Mark001', 'Chennai', 'South', true),
      ('Mark007', 'Bhopal', 'Central', true), ('Mark013', 'Bhopal', 'Central', true), ('Mark404', 'Unknown market', NULL, false)`);
    await db.run(createTableSql('fact_sales'));
    for (const [date, market] of facts) {
      await db.run(`INSERT INTO fact_sales VALUES ($1::DATE, $2, 'Cus001', 'Prod001', 1, 1, 'INR', 1, NULL, NULL)`, [
        date,
        market,
      ]);
    }
    return await fn(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe('completeness()', () => {
  it('lists, per market with data, the months of the covered range without rows', async () => {
    const facts: [string, string][] = [
      ['2017-10-05', 'Mark001'],
      ['2017-11-30', 'Mark001'],
      ['2018-01-01', 'Mark001'],
      ['2017-12-24', 'Mark007'],
      ['2017-10-01', 'Mark404'],
      ['2018-01-31', 'Mark404'],
    ];
    const result = await withTables(facts, completeness);
    expect(result.missing_months).toEqual([
      { market_code: 'Mark001', market_name: 'Chennai', months: ['2017-12'] },
      { market_code: 'Mark007', market_name: 'Bhopal', months: ['2017-10', '2017-11', '2018-01'] },
      { market_code: 'Mark404', market_name: 'Unknown market', months: ['2017-11', '2017-12'] },
    ]);
  });

  it('reports market names listed under two codes, known members only', async () => {
    const result = await withTables([['2017-10-05', 'Mark001']], completeness);
    expect(result.duplicate_market_names).toEqual([{ name: 'Bhopal', codes: ['Mark007', 'Mark013'] }]);
    expect(result.missing_months).toEqual([]);
  });

  it('reports nothing for an empty snapshot', async () => {
    expect(await withTables([], completeness)).toMatchObject({ missing_months: [] });
  });
});
