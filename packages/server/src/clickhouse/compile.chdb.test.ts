import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTestExtracts, TEST_EXTRACT_ROWS } from '@atliq/devserver';
import { type Manifest, type QuerySpec, type Row, snapshotDays } from '@atliq/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueryServer, startQueryServer } from '../server.ts';
import { compileClickHouse } from './compile.ts';
import { type Compact, rowsOfCompact } from './engine.ts';
import { stringLiteral } from './escape.ts';
import { type ChdbWide, chdbWide } from './testing/chdb-wide.ts';
import { EDGE_SPECS, topMarketSpecs } from './testing/dashboard-specs.ts';
import { expectSameRows } from './testing/same-rows.ts';

/**
 * The ClickHouse compiler on current ClickHouse (chdb, embedded): the wide table is built in chdb from a published
 * extract's Parquet files, and every query of the default dashboard must answer the rows the DuckDB query service
 * answers on the same snapshot.
 */

let extracts: string;
let manifest: Manifest;
let server: QueryServer;
let wide: ChdbWide;

const chdb = (spec: QuerySpec): Row[] => {
  const { sql, fields } = compileClickHouse(spec, wide.table);
  return rowsOfCompact(JSON.parse(wide.session.query(sql, 'JSONCompact')) as Compact, fields);
};

const duckdb = async (spec: QuerySpec): Promise<Row[]> => {
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ spec }),
  });
  const answer = (await response.json()) as { rows?: Row[]; error?: string };
  if (!answer.rows) throw new Error(`the DuckDB service refused ${JSON.stringify(spec)}: ${answer.error}`);
  return answer.rows;
};

beforeAll(async () => {
  extracts = await ensureTestExtracts(TEST_EXTRACT_ROWS, { withProfit: true });
  manifest = JSON.parse(await readFile(join(extracts, 'manifest.json'), 'utf8')) as Manifest;
  server = await startQueryServer({ extracts });
  wide = await chdbWide(extracts, manifest);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await wide?.close();
});

describe('compileClickHouse() on current ClickHouse (chdb)', () => {
  it('holds every published fact row in the wide table', () => {
    const published = manifest.files.filter((f) => f.table === 'fact_sales').reduce((sum, f) => sum + f.rows, 0);
    expect(JSON.parse(wide.session.query(`SELECT count() AS n FROM ${wide.table}`, 'JSONEachRow')).n).toBe(published);
  });

  it("answers every query of the default dashboard with the DuckDB service's rows", async () => {
    const specs = await topMarketSpecs(snapshotDays(manifest)!.to, (spec) => duckdb(spec));
    let answered = 0;
    for (const spec of specs) {
      const want = await duckdb(spec);
      expectSameRows(chdb(spec), want, JSON.stringify(spec));
      if (want.some((r) => Object.values(r).some((v) => v !== null))) answered++;
    }
    // The comparison means something only if the queries find data.
    expect(specs.length).toBeGreaterThan(100);
    expect(answered).toBe(specs.length);
  }, 60_000);

  it.each(EDGE_SPECS)("answers the DuckDB service's rows: %s", async (what, spec) => {
    expectSameRows(chdb(spec), await duckdb(spec), what);
  });

  it('reads every hostile string back unchanged from its literal', () => {
    const hostile = ["' OR 1=1 --", "\\' OR 1=1 --", '\\', "\\'", 'a\u0000b', 'x\ny\r\tz', '\u007f`"', 'देहली ₹'];
    for (const value of hostile) {
      const { v } = JSON.parse(wide.session.query(`SELECT ${stringLiteral(value)} AS v`, 'JSONEachRow')) as {
        v: string;
      };
      expect(v).toBe(value);
    }
  });

  it('finds no rows and no error for hostile filter values, as DuckDB', async () => {
    const hostile = ["' OR 1=1 --", "\\' OR 1=1 --", '\\', "x') OR ('1'='1", "'; DROP TABLE atliq.x; --", 'a\u0000b\n'];
    for (const dimension of ['market', 'customer', 'zone']) {
      const spec = { measures: ['orders'], dimensions: [dimension], filters: { [dimension]: hostile } };
      expect(chdb(spec)).toEqual([]);
      expect(await duckdb(spec)).toEqual([]);
    }
  });
});
