import { describe, expect, test } from 'vitest';
import type { Manifest, QualityReport } from './contract.ts';
import { ManifestError, parseManifest } from './manifest-validate.ts';

const base: Manifest = {
  contract_version: 1,
  snapshot_id: 's1',
  generated_at: '2026-11-01T00:00:00Z',
  source: { kind: 'sample', server: null, database: null, snapshot_at: '2026-11-01T00:00:00Z' },
  reporting_currency: 'INR',
  fx_rates: { INR: 1, USD: 75 },
  measures: { revenue: true, quantity: true, profit: false },
  browser_db: 'v/s1/sales.duckdb',
  files: [
    {
      path: 'v/s1/sales.duckdb',
      table: 'browser_db',
      rows: 2,
      bytes: 1,
      sha256: '0'.repeat(64),
      min_order_date: null,
      max_order_date: null,
    },
  ],
  quality: {
    rows_read: 3,
    rows_published: 2,
    rows_rejected: 1,
    rejected_by_reason: { duplicate: 1 },
    unknown_members: [],
  },
};

const withQuality = (extra: Partial<Record<keyof QualityReport, unknown>>) => ({
  ...base,
  quality: { ...base.quality, ...extra },
});

function pathOfError(input: unknown): string {
  try {
    parseManifest(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    return (err as ManifestError).path;
  }
  throw new Error('parseManifest() accepted an invalid manifest');
}

describe('parseManifest() quality block', () => {
  test('parseManifest() accepts a manifest written before completeness, duplicates and warnings existed', () => {
    expect(parseManifest(base)).toEqual(base);
  });

  test('parseManifest() accepts completeness, duplicate market names and warnings', () => {
    const m = withQuality({
      missing_months: [{ market_code: 'Mark097', market_name: 'New York', months: ['2017-10', '2018-01'] }],
      duplicate_market_names: [{ name: 'Bhopal', codes: ['Mark007', 'Mark013'] }],
      warnings: ['schema: unexpected new column transactions.discount (float), not published'],
    });
    expect(parseManifest(m)).toEqual(m);
  });

  test('parseManifest() names the malformed quality field', () => {
    expect(pathOfError(withQuality({ missing_months: {} }))).toBe('$.quality.missing_months');
    expect(
      pathOfError(withQuality({ missing_months: [{ market_code: 'M', market_name: 'N', months: ['2017/10'] }] })),
    ).toBe('$.quality.missing_months[0].months[0]');
    expect(pathOfError(withQuality({ duplicate_market_names: [{ name: 'Bhopal', codes: 'Mark007' }] }))).toBe(
      '$.quality.duplicate_market_names[0].codes',
    );
    expect(pathOfError(withQuality({ warnings: [42] }))).toBe('$.quality.warnings[0]');
  });

  test('parseManifest() accepts a profit check and names what is wrong in one', () => {
    const check = { reading: 'reporting', basis: 'detected', lines_checked: 3, lines_consistent: 2 };
    const m = withQuality({ profit_check: check });
    expect(parseManifest(m)).toEqual(m);
    expect(pathOfError(withQuality({ profit_check: { ...check, reading: 'INR' } }))).toBe(
      '$.quality.profit_check.reading',
    );
    expect(pathOfError(withQuality({ profit_check: { ...check, basis: 'guessed' } }))).toBe(
      '$.quality.profit_check.basis',
    );
    expect(pathOfError(withQuality({ profit_check: { ...check, lines_consistent: 4 } }))).toBe(
      '$.quality.profit_check.lines_consistent',
    );
  });

  test('parseManifest() accepts a reconciliation with the source and names what is wrong in one', () => {
    const matched = { status: 'matched', cells: 4, lines: 3, quantity: 9, amount: { INR: -1, USD: 2.5 }, profit: {} };
    for (const r of [matched, { status: 'off' }, { status: 'unavailable' }]) {
      expect(parseManifest(withQuality({ reconciliation: r }))).toEqual(withQuality({ reconciliation: r }));
    }
    expect(pathOfError(withQuality({ reconciliation: { status: 'failed' } }))).toBe('$.quality.reconciliation.status');
    expect(pathOfError(withQuality({ reconciliation: { ...matched, lines: -1 } }))).toBe(
      '$.quality.reconciliation.lines',
    );
    expect(pathOfError(withQuality({ reconciliation: { ...matched, amount: { INR: '1' } } }))).toBe(
      '$.quality.reconciliation.amount.INR',
    );
  });

  test('parseManifest() still refuses counts that do not reconcile', () => {
    expect(pathOfError(withQuality({ rows_rejected: 0 }))).toBe('$.quality');
  });
});

describe('parseManifest() refresh block', () => {
  test('parseManifest() accepts a full or an incremental refresh, and none', () => {
    const incremental = {
      ...base,
      refresh: { mode: 'incremental', from_snapshot: 's0', months_read: 1, months_reused: 32, rows_reused: 9 },
    };
    expect(parseManifest(incremental)).toEqual(incremental);
    const full = { ...base, refresh: { mode: 'full', reason: 'there is no previous snapshot' } };
    expect(parseManifest(full)).toEqual(full);
  });

  test('parseManifest() names the malformed refresh field', () => {
    expect(pathOfError({ ...base, refresh: { mode: 'partial' } })).toBe('$.refresh.mode');
    expect(pathOfError({ ...base, refresh: { mode: 'incremental', months_read: '3' } })).toBe('$.refresh.months_read');
  });
});

describe('parseManifest() scope block', () => {
  test('parseManifest() accepts a scoped extract at either detail, and none', () => {
    for (const detail of ['full', 'aggregate'] as const) {
      const scoped = { ...base, scope: { name: 'delhi-ncr', detail } };
      expect(parseManifest(scoped)).toEqual(scoped);
    }
    expect(parseManifest(base).scope).toBeUndefined();
  });

  test('parseManifest() refuses a scope with a bad or reserved name, or an unknown detail', () => {
    for (const name of ['North', '../x', '', 'me', 'all', '-x']) {
      expect(pathOfError({ ...base, scope: { name, detail: 'full' } })).toBe('$.scope.name');
    }
    expect(pathOfError({ ...base, scope: { name: 'north', detail: 'summary' } })).toBe('$.scope.detail');
  });
});
