import type { Manifest } from '../contract.ts';

/** A valid manifest for a one-file extract, with the measures given. */
export function sampleManifest(measures: Partial<Manifest['measures']> = {}): Manifest {
  return {
    contract_version: 1,
    snapshot_id: 's1',
    generated_at: '2026-11-01T00:00:00Z',
    source: { kind: 'sample', server: null, database: null, snapshot_at: '2026-11-01T00:00:00Z' },
    reporting_currency: 'INR',
    fx_rates: { INR: 1 },
    measures: { revenue: true, quantity: true, profit: false, ...measures },
    browser_db: 'v/s1/sales.duckdb',
    files: [
      {
        path: 'v/s1/sales.duckdb',
        table: 'browser_db',
        rows: 1,
        bytes: 1,
        sha256: '0'.repeat(64),
        min_order_date: null,
        max_order_date: null,
      },
    ],
    quality: { rows_read: 1, rows_published: 1, rows_rejected: 0, rejected_by_reason: {}, unknown_members: [] },
  };
}
