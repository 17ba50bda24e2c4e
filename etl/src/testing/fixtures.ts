import { DuckDBInstance } from '@duckdb/node-api';

/** One line of each kind of dirt the ETL quarantines or normalises, for tests that count them by hand. */
export const DIRTY_TRANSACTIONS = [
  ['Prod001', 'Cus001', 'Mark001', '2017-10-10', 100, 41241, 'INR\r'],
  ['Prod001', 'Cus001', 'Mark001', '2017-10-10', 100, 41241, 'INR'], // twin of the line above
  ['Prod001', 'Cus002', 'Mark007', '2018-05-08', 3, -1, 'INR\r'],
  ['Prod002', 'Cus002', 'Mark007', '2018-05-09', 3, 0, 'INR\r'],
  ['Prod404', 'Cus002', 'Mark013', '2018-04-06', 1, 500, 'USD\r'], // unknown product, USD
  ['Prod002', 'Cus002', 'Mark013', '2018-04-07', 1, 875, 'EUR'],
  ['Prod002', 'Cus002', 'Mark013', '0000-00-00', 1, 875, 'INR\r'],
  ['Prod002', 'Cus002', 'Mark013', '2019-01-02', 2, 1000, ' inr '],
];

/** Rows of `sql` over a published `sales.duckdb`, attached read-only as `x`. */
export async function queryExtract(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run(`ATTACH '${file}' AS x (READ_ONLY)`);
    return (await db.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
