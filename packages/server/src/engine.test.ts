import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSnapshot, QueryTimeoutError, type Snapshot } from './engine.ts';

/**
 * The DuckDB engine's time limit, on a database built here whose month rollup is a view over 20 billion generated
 * rows (minutes of work for DuckDB), and whose facts and dates are three rows: a query past the limit must be
 * interrupted and reported as a timeout, without holding the engine for the others.
 */
let dir: string;
let snapshot: Snapshot;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-engine-'));
  const path = join(dir, 'sales.duckdb');
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(
    `CREATE VIEW agg_sales_month_market AS
       SELECT (i % 7)::DECIMAL(18, 2) AS revenue, 'Mark001' AS market_code FROM range(20000000000) t(i);
     CREATE TABLE dim_date AS SELECT (DATE '2020-06-24' + i::INTEGER) AS date FROM range(3) t(i);
     CREATE TABLE fact_sales AS SELECT date AS order_date FROM dim_date;`,
  );
  connection.closeSync();
  instance.closeSync();
  snapshot = await openSnapshot('20990101T000000Z-slow', path);
});

afterAll(async () => {
  snapshot?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the DuckDB engine', () => {
  it('interrupts a query past its time limit and says so, in time', async () => {
    const started = performance.now();
    const answer = snapshot.answer({ measures: ['revenue'] }, 500);
    await expect(answer).rejects.toThrow(QueryTimeoutError);
    await expect(answer).rejects.toThrow('the query ran longer than 500 ms and was stopped');
    // Interrupted, not run to the end: the view takes minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('answers a quick query while a slow one runs, and after it was stopped', async () => {
    const slow = snapshot.answer({ measures: ['revenue'] }, 3_000);
    let stopped = false;
    slow
      .catch(() => {})
      .finally(() => {
        stopped = true;
      });
    const days = async () =>
      (await snapshot.answer({ measures: ['orders'], dimensions: ['day'] }, 5_000)).map((r) => [
        String(r['day']).slice(0, 10),
        Number(r['orders']),
      ]);
    const expected = [
      ['2020-06-24', 1],
      ['2020-06-25', 1],
      ['2020-06-26', 1],
    ];
    expect(await days()).toEqual(expected);
    // Answered while the slow query still ran, not after it was stopped.
    expect(stopped).toBe(false);
    await expect(slow).rejects.toThrow(QueryTimeoutError);
    expect(await days()).toEqual(expected);
  });
});
