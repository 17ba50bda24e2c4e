import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceSnapshot, SourceValue } from './source/source.ts';
import { stageTable } from './stage.ts';

const COLUMNS = ['product_code', 'currency', 'sales_amount'];

/** A snapshot that streams `batches` of transactions as they are, one batch after another. */
function snapshotOf(batches: SourceValue[][][], failAfter?: number): SourceSnapshot {
  return {
    snapshotAt: new Date(0),
    columns: async () => [],
    async streamTable(_table, _columns, onRows) {
      let total = 0;
      for (const [i, batch] of batches.entries()) {
        if (i === failAfter) throw new Error('server went away');
        await onRows(batch);
        total += batch.length;
      }
      return total;
    },
  };
}

let instance: DuckDBInstance;
let db: DuckDBConnection;
let spool: string;
beforeEach(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  spool = await mkdtemp(join(tmpdir(), 'atliq-stage-'));
});
afterEach(async () => {
  db.closeSync();
  instance.closeSync();
  await rm(spool, { recursive: true, force: true });
});

describe('stageTable()', () => {
  it('stages every value byte for byte, NULL apart from the empty string, numbered in stream order', async () => {
    const hostile: SourceValue[][] = [
      ['Prod001', 'INR\r', '41241'],
      ['Prod002', 'INR', 100],
      ['', null, '-1'],
      ['tab\there', 'line\nbreak', 'say "hi"'],
      ['"', '\r\n', '\\N'],
      ['  padded  ', 'ümlaut ₹', 39.78],
    ];
    const rows = await stageTable(
      db,
      snapshotOf([hostile.slice(0, 2), [], hostile.slice(2)]),
      'transactions',
      COLUMNS,
      spool,
    );
    expect(rows).toBe(hostile.length);
    const staged = (await db.runAndReadAll('SELECT * FROM stg_transactions ORDER BY _row')).getRowsJS();
    expect(staged).toEqual(hostile.map((row, i) => [...row.map((v) => (typeof v === 'number' ? String(v) : v)), i]));
    // Every spool file is deleted once DuckDB has loaded it.
    expect(await readdir(spool)).toEqual([]);
  });

  it('passes a failing stream on and leaves no spool file behind', async () => {
    const batch: SourceValue[][] = [['Prod001', 'INR', '1']];
    await expect(stageTable(db, snapshotOf([batch, batch, batch], 2), 'transactions', COLUMNS, spool)).rejects.toThrow(
      'server went away',
    );
    expect(await readdir(spool)).toEqual([]);
  });
});
