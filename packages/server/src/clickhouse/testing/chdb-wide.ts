import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '@atliq/sdk';
import { Session } from 'chdb';
import { stringLiteral } from '../escape.ts';
import { createWideTable, insertWideFromParquet } from './wide-table.ts';

/** A chdb session (current ClickHouse, embedded) holding a published extract's wide fact table as `table`. */
export interface ChdbWide {
  readonly session: Session;
  readonly table: string;
  close(): Promise<void>;
}

/** Builds the wide table of the extract in `extracts` (its manifest `manifest`) in a private chdb session. */
export async function chdbWide(extracts: string, manifest: Manifest): Promise<ChdbWide> {
  const folder = await mkdtemp(join(tmpdir(), 'atliq-chdb-'));
  const session = new Session(folder);
  const table = 'atliq.`fact_sales_test`';
  const snapshot = join(extracts, 'v', manifest.snapshot_id);
  const files = (t: string) =>
    stringLiteral(t === 'fact_sales' ? join(snapshot, 'fact_sales/*/*.parquet') : join(snapshot, `${t}.parquet`));
  session.query('CREATE DATABASE atliq');
  session.query(createWideTable(table));
  session.query(insertWideFromParquet(table, files));
  return {
    session,
    table,
    async close() {
      session.cleanup();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
