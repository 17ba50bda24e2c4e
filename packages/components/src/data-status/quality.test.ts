import type { Manifest } from '@atliq/sdk/contract';
import { describe, expect, test } from 'vitest';
import { findings, formatAge, parseDuration } from './quality.ts';

const manifest = {
  generated_at: '2026-11-24T04:00:00Z',
  source: { snapshot_at: '2026-11-24T00:00:00Z' },
  reporting_currency: 'INR',
  files: [
    { table: 'fact_sales', max_order_date: '2026-11-21' },
    { table: 'fact_sales', max_order_date: '2026-11-23' },
    { table: 'rejects', max_order_date: '2026-11-24' },
  ],
  quality: {
    rows_read: 1000,
    rows_published: 950,
    rows_rejected: 40,
    rejected_by_reason: { duplicate: 10, non_positive_amount: 30 },
    unknown_members: [{ dimension: 'product', code: 'P9', rows: 5, revenue: 250 }],
    missing_months: [],
    duplicate_market_names: [{ name: 'Bhopal', codes: ['Mark007', 'Mark013'] }],
  },
} as unknown as Manifest;

const input = {
  manifest,
  totalRevenue: 10_000,
  now: Date.parse('2026-11-24T05:00:00Z'),
  staleAfterMs: 24 * 36e5,
  formatMoney: (v: number) => `₹${v}`,
  formatTime: (iso: string) => iso,
  formatDay: (day: string) => `day ${day}`,
  locale: 'en-IN',
};

describe('findings()', () => {
  test('findings() reports age, unreconciled counts, reasons, unknown share, gaps and duplicate names', () => {
    const byId = Object.fromEntries(findings(input).map((f) => [f.id, f]));
    expect(byId.freshness).toMatchObject({ level: 'ok', title: 'Current: snapshot taken 5 hours ago' });
    expect(byId.reconcile).toMatchObject({ level: 'warn', title: 'Row counts do not add up' });
    expect(byId.reconcile!.detail).toContain('10 rows are missing from both');
    expect(byId.rejected).toMatchObject({ level: 'warn', title: '40 rows (4.0%) left out of every figure' });
    expect(byId.rejected!.items).toEqual([
      '30: sales_amount is zero or negative',
      expect.stringMatching(/^10: exact duplicate/),
    ]);
    expect(byId.unknown!.title).toBe('2.5% of revenue (₹250) is on 1 code missing from the product list');
    expect(byId.missing).toMatchObject({ level: 'ok', title: 'Every market has sales in every month' });
    expect(byId.duplicates!.items).toEqual(['Bhopal: Mark007, Mark013']);
  });

  test('findings() warns past stale-after and leaves out blocks an older manifest lacks', () => {
    const old = {
      ...manifest,
      quality: { ...manifest.quality, missing_months: undefined, duplicate_market_names: undefined },
    };
    const list = findings({ ...input, manifest: old as Manifest, now: Date.parse('2026-11-27T00:00:00Z') });
    expect(list[0]).toMatchObject({ level: 'warn', title: 'Out of date: snapshot taken 3 days ago' });
    expect(list[0]!.detail).toContain('older than the 1 day expected');
    expect(list.map((f) => f.id)).toEqual(['freshness', 'latest', 'reconcile', 'rejected', 'unknown']);
  });

  test('findings() says how the snapshot was refreshed, right after its age, when the manifest tells', () => {
    const refreshed = (refresh: object) =>
      findings({ ...input, manifest: { ...manifest, refresh } as Manifest }).find((f) => f.id === 'refresh');
    expect(findings(input).map((f) => f.id)).not.toContain('refresh');
    const incremental = {
      mode: 'incremental',
      from_snapshot: '20261123T040000Z-ab12cd',
      months_read: 1,
      months_reused: 32,
      rows_reused: 148_000,
    };
    expect(findings({ ...input, manifest: { ...manifest, refresh: incremental } as Manifest })[1]!.id).toBe('refresh');
    expect(refreshed(incremental)).toMatchObject({
      level: 'ok',
      title: 'Incremental refresh: 1 month read, 32 copied from the previous snapshot',
      detail: '1,48,000 transactions copied unchanged from snapshot 20261123T040000Z-ab12cd.',
    });
    expect(refreshed({ mode: 'full', reason: 'no previous snapshot' })?.title).toBe(
      'Full refresh (no previous snapshot)',
    );
    expect(refreshed({ mode: 'full' })?.title).toBe('Full refresh');
    const german = findings({ ...input, locale: 'de-DE', manifest: { ...manifest, refresh: incremental } as Manifest });
    expect(german.find((f) => f.id === 'refresh')?.detail).toContain('148.000 transactions');
    expect(german.find((f) => f.id === 'rejected')?.title).toBe('40 rows (4,0%) left out of every figure');
  });

  test('findings() says profit was checked, and in which reading, right after the row counts', () => {
    expect(findings(input).map((f) => f.id)).not.toContain('profit');
    const withCheck = (profit_check: object) =>
      findings({ ...input, manifest: { ...manifest, quality: { ...manifest.quality, profit_check } } as Manifest });
    const ok = withCheck({ reading: 'reporting', basis: 'detected', lines_checked: 952, lines_consistent: 950 });
    expect(ok.map((f) => f.id).slice(2, 5)).toEqual(['reconcile', 'profit', 'rejected']);
    expect(ok.find((f) => f.id === 'profit')).toMatchObject({
      level: 'ok',
      title: 'Profit checked: cost + profit = revenue on every published line',
      detail:
        'Profit and cost are read in the reporting currency (INR) on every line, as the lines in other currencies show; 952 lines checked to the paisa.',
    });
    const off = withCheck({ reading: 'line', basis: 'configured', lines_checked: 950, lines_consistent: 949 });
    expect(off.find((f) => f.id === 'profit')).toMatchObject({
      level: 'warn',
      title: 'Profit does not add up on 1 published line: cost + profit ≠ revenue',
    });
    expect(off.find((f) => f.id === 'profit')!.detail).toContain("in each line's own currency");
  });

  test('findings() says the extract was reconciled with the source, or that it was not', () => {
    const withTotals = (reconciliation: object, locale = 'en-IN') =>
      findings({
        ...input,
        locale,
        manifest: { ...manifest, fx_rates: { INR: 1, USD: 75 }, quality: { ...manifest.quality, reconciliation } },
      } as typeof input).find((f) => f.id === 'totals');
    expect(findings(input).map((f) => f.id)).not.toContain('totals');
    // 98,48,68,963 INR + 2 × 100 USD at 75 = 98,48,83,963; formatMoney is the test's plain one.
    const matched = {
      status: 'matched',
      cells: 2437,
      lines: 148_395,
      quantity: 2_429_500,
      amount: { INR: 984_868_963, USD: 200, EUR: 5 },
    };
    expect(withTotals(matched)).toMatchObject({
      level: 'ok',
      title: 'Reconciled with the source: 1,48,395 lines, ₹984883963 and 24.3L units match to the paisa',
    });
    expect(withTotals(matched)!.detail).toContain('in all 2,437 cells');
    expect(withTotals(matched, 'de-DE')!.title).toContain('148.395 lines');
    expect(withTotals({ status: 'off' })).toMatchObject({ level: 'warn', title: 'Not reconciled with the source' });
    expect(withTotals({ status: 'off' })!.detail).toContain('--reconcile off');
    expect(withTotals({ status: 'unavailable' })!.detail).toContain('cannot total its own lines');
  });

  test('parseDuration() reads m, h, d and bare hours, and rejects anything else', () => {
    expect(['90m', '24h', '2d', '12'].map(parseDuration)).toEqual([90 * 6e4, 24 * 36e5, 2 * 864e5, 12 * 36e5]);
    expect(() => parseDuration('1w; alert(1)')).toThrow('stale-after must be a duration like 90m, 24h or 2d');
    expect(formatAge(59_000)).toBe('moments');
    expect(formatAge(2 * 365.25 * 864e5)).toBe('2 years');
  });
  test('findings() says how far the published sales reach, and warns when the source stopped getting orders', () => {
    // The newest fact day ends at the snapshot: current, whatever the rejects hold.
    const byId = (m: Manifest) => Object.fromEntries(findings({ ...input, manifest: m }).map((f) => [f.id, f]));
    expect(byId(manifest).latest).toMatchObject({ level: 'ok', title: 'Sales recorded up to day 2026-11-23' });
    // A snapshot taken today of a source whose last order is from 2020: a fresh extract of old data.
    const stopped = { ...manifest, files: [{ table: 'fact_sales', max_order_date: '2020-06-26' }] } as Manifest;
    expect(byId(stopped).freshness!.level).toBe('ok');
    expect(byId(stopped).latest).toMatchObject({ level: 'warn', title: 'No sales recorded after day 2020-06-26' });
    expect(byId(stopped).latest!.detail).toMatch(/^That is 6 years before the snapshot\. Orders taken since/);
    // One day more than stale-after (1 day) between the end of the last day and the snapshot.
    const lagging = { ...manifest, files: [{ table: 'fact_sales', max_order_date: '2026-11-21' }] } as Manifest;
    expect(byId(lagging).latest!.level).toBe('warn');
    const empty = { ...manifest, files: [{ table: 'fact_sales', max_order_date: null }] } as unknown as Manifest;
    expect(byId(empty).latest).toBeUndefined();
  });

  test('findings() names a scoped extract, and an aggregate scope does not claim customers or products it lacks', () => {
    const byId = (m: Manifest) => Object.fromEntries(findings({ ...input, manifest: m }).map((f) => [f.id, f]));
    expect(byId(manifest).scope).toBeUndefined();
    const clean = { ...manifest.quality, unknown_members: [] };
    const north = byId({ ...manifest, quality: clean, scope: { name: 'north', detail: 'full' } } as Manifest);
    expect(north.scope!.title).toBe('Your extract: north');
    expect(north.scope!.detail).toMatch(/^Only the rows you may see/);
    expect(north.unknown!.title).toBe('Every sale has a known product, customer and market');
    const board = byId({ ...manifest, quality: clean, scope: { name: 'board', detail: 'aggregate' } } as Manifest);
    expect(board.scope!.detail).toMatch(/^Market × month totals/);
    expect(board.unknown!.title).toBe('Every sale has a known market');
  });
});
