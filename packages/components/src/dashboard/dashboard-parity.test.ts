import { AtliqSource, type QuerySpec, type Row, snapshotDays } from '@atliq/sdk';
import { describe, expect, test } from 'vitest';
import { EDGE_SPECS, topMarketSpecs } from '../../../server/src/clickhouse/testing/dashboard-specs.ts';
import { expectSameRows } from '../../../server/src/clickhouse/testing/same-rows.ts';

/**
 * Issue 15's parity test, browser side: every query the default dashboard sends, answered by DuckDB-WASM in this page
 * (the source as the dashboard uses it: month × market files, cubes and the engine on the published sales.duckdb)
 * and by the DuckDB query service in Node (service-plugin.ts) over the same published snapshot, must be the same
 * rows. The extract with profit columns, so the profit and margin queries find data. The same list is compared
 * between the DuckDB service, chdb and the ClickHouse cluster in packages/server/src/clickhouse.
 */

const WASM = '/extracts-profit/manifest.json';
const SERVICE = '/service/extracts-profit/parity';

async function served(spec: QuerySpec): Promise<Row[]> {
  const response = await fetch(`${SERVICE}/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ spec }),
  });
  const answer = (await response.json()) as { rows?: Row[]; error?: string };
  if (!answer.rows) throw new Error(`HTTP ${response.status} for ${JSON.stringify(spec)}: ${answer.error}`);
  return answer.rows;
}

describe('the default dashboard on DuckDB-WASM and on the DuckDB query service', () => {
  test('serves the same snapshot', async () => {
    const manifest = await AtliqSource.for(WASM).ready;
    const service = (await (await fetch(`${SERVICE}/manifest.json`)).json()) as { snapshot_id: string };
    expect(service.snapshot_id).toBe(manifest.snapshot_id);
  });

  test("answers every query of the default dashboard with the service's rows", async () => {
    const source = AtliqSource.for(WASM);
    const manifest = await source.ready;
    const specs = await topMarketSpecs(snapshotDays(manifest)!.to, served);
    let answered = 0;
    for (const spec of specs) {
      const want = await served(spec);
      expectSameRows(await source.query(spec), want, JSON.stringify(spec));
      if (want.some((r) => Object.values(r).some((v) => v !== null))) answered++;
    }
    // The comparison means something only if the queries find data.
    expect(specs.length).toBeGreaterThan(100);
    expect(answered).toBe(specs.length);
  }, 120_000);

  test.each(EDGE_SPECS)("answers the service's rows: %s", async (what, spec) => {
    expectSameRows(await AtliqSource.for(WASM).query(spec), await served(spec), what);
  });
});
