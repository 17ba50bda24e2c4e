import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestExtracts, TEST_EXTRACT_ROWS } from '@atliq/devserver';
import { type Manifest, type QuerySpec, type Row, snapshotDays } from '@atliq/sdk';
import { Session } from 'chdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueryServer, startQueryServer } from '../server.ts';
import { compileClickHouse } from './compile.ts';
import { type Compact, rowsOfCompact } from './engine.ts';
import { stringLiteral } from './escape.ts';
import { dashboardSpecs } from './testing/dashboard-specs.ts';
import { expectSameRows } from './testing/same-rows.ts';
import { createWideTable, insertWideFromParquet } from './testing/wide-table.ts';

/**
 * The ClickHouse compiler on current ClickHouse (chdb, embedded): the wide table is built in chdb from a published
 * extract's Parquet files, and every query of the default dashboard must answer the rows the DuckDB query service
 * answers on the same snapshot.
 */

let extracts: string;
let manifest: Manifest;
let server: QueryServer;
let session: Session;
let folder: string;
const TABLE = 'atliq.`fact_sales_test`';

const chdb = (spec: QuerySpec): Row[] => {
  const { sql, fields } = compileClickHouse(spec, TABLE);
  return rowsOfCompact(JSON.parse(session.query(sql, 'JSONCompact')) as Compact, fields);
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
  folder = await mkdtemp(join(tmpdir(), 'atliq-chdb-'));
  session = new Session(folder);
  const snapshot = join(extracts, 'v', manifest.snapshot_id);
  const files = (table: string) =>
    stringLiteral(
      table === 'fact_sales' ? join(snapshot, 'fact_sales/*/*.parquet') : join(snapshot, `${table}.parquet`),
    );
  session.query('CREATE DATABASE atliq');
  session.query(createWideTable(TABLE));
  session.query(insertWideFromParquet(TABLE, files));
}, 120_000);

afterAll(async () => {
  await server?.close();
  session?.cleanup();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('compileClickHouse() on current ClickHouse (chdb)', () => {
  it('holds every published fact row in the wide table', () => {
    const published = manifest.files.filter((f) => f.table === 'fact_sales').reduce((sum, f) => sum + f.rows, 0);
    expect(JSON.parse(session.query(`SELECT count() AS n FROM ${TABLE}`, 'JSONEachRow')).n).toBe(published);
  });

  it("answers every query of the default dashboard with the DuckDB service's rows", async () => {
    const [{ market, zone }] = (await duckdb({
      measures: ['revenue'],
      dimensions: ['market', 'zone'],
      sort: [{ field: 'revenue', order: 'desc' }],
      limit: 1,
    })) as { market: string; zone: string }[];
    const specs = dashboardSpecs(snapshotDays(manifest)!.to, market!, zone!);
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

  it.each<[string, QuerySpec]>([
    ['an empty list matches nothing', { measures: ['revenue', 'orders', 'quantity'], filters: { zone: [] } }],
    [
      'nothing found: NULL sums, a count of 0',
      { measures: ['revenue', 'orders', 'margin'], filters: { year: [1900] } },
    ],
    ['NULL members group and sort last', { measures: ['orders', 'revenue_share'], dimensions: ['zone'] }],
    [
      'ties broken by the dimensions, limited after sorting',
      {
        measures: ['orders'],
        dimensions: ['customer_type', 'year'],
        sort: [{ field: 'orders', order: 'desc' }],
        limit: 3,
      },
    ],
    [
      'ranges on numbers and on text',
      {
        measures: ['avg_price'],
        dimensions: ['month_of_year'],
        filters: { year: { from: 2018, to: '2019' }, month: { from: '2018-03', to: '2019-10' } },
      },
    ],
    [
      'members asked as text for a numeric dimension',
      { measures: ['quantity'], dimensions: ['year'], filters: { year: ['2019', 2020] } },
    ],
  ])("answers the DuckDB service's rows: %s", async (what, spec) => {
    expectSameRows(chdb(spec), await duckdb(spec), what);
  });

  it('reads every hostile string back unchanged from its literal', () => {
    const hostile = ["' OR 1=1 --", "\\' OR 1=1 --", '\\', "\\'", 'a\u0000b', 'x\ny\r\tz', '\u007f`"', 'देहली ₹'];
    for (const value of hostile) {
      const { v } = JSON.parse(session.query(`SELECT ${stringLiteral(value)} AS v`, 'JSONEachRow')) as { v: string };
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
