/**
 * Acceptance test on the original Atliq data: each MySQL 8 dump is loaded into the private MariaDB through the
 * CLI (`seed --dump`, as a user would), published through the CLI, and the published figures are compared with
 * SQL run directly on the source applying the reference rules: amounts ≤ 0 out, currency trimmed of `\r`, INR/USD
 * only, USD × 75, and exact twins (the `INR`/`USD` lines without `\r`) counted once; like-for-like periods are
 * checked against MySQL's own date arithmetic (real-data-periods.ts).
 * Needs ATLIQ_REAL_DUMP_DIR (set by .ci/run) pointing at a folder with both dumps.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Manifest, parseManifest } from '@atliq/sdk/contract';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insightsInChromium, type ShownInsight } from './real-data-browser.ts';
import { type InsightFigures, publishedInsights, sourceBreakdown, sourceInsights } from './real-data-insights.ts';
import { publishedPeriods, sourcePeriods } from './real-data-periods.ts';
import { publishedRows, sourceTruth } from './real-data-truth.ts';

const DIR = process.env['ATLIQ_REAL_DUMP_DIR'];
const DUMPS = [
  { file: 'db_dump.sql', database: 'real_dump_v1', profit: false },
  { file: 'db_dump_version_2.sql', database: 'real_dump_v2', profit: true },
] as const;

if (!DIR) {
  console.warn(
    'real-data acceptance test skipped: ATLIQ_REAL_DUMP_DIR is not set (.ci/run sets it when ../shared/datasets/atliq exists)',
  );
}

const db = inject('mariadb');
const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
const env = { ...process.env, MYSQL_PWD: db.password };
const run = promisify(execFile);

type Published = Awaited<ReturnType<typeof publishedRows>>;

/**
 * Two extracts publish the same figures: same rows and keys, money equal to the paisa. Sums of decimal profits are
 * not bit-identical between runs (DuckDB adds them in parallel, in no fixed order), so money is compared to 2 places.
 */
function expectSameFigures(a: Published, b: Published): void {
  expect(a.rows).toBe(b.rows);
  expect(a.revenue).toBeCloseTo(b.revenue, 2);
  if (b.profit === null) expect(a.profit).toBeNull();
  else expect(a.profit).toBeCloseTo(b.profit, 2);
  for (const list of ['byMarket', 'byCustomer'] as const) {
    expect(a[list].map((r) => r.key)).toEqual(b[list].map((r) => r.key));
    for (const [i, r] of a[list].entries()) {
      expect(r.revenue).toBeCloseTo(b[list][i]!.revenue, 2);
      if (r.profit !== null) expect(r.profit).toBeCloseTo(b[list][i]!.profit!, 2);
    }
  }
}

describe.skipIf(!DIR)('real Atliq dumps (ATLIQ_REAL_DUMP_DIR)', () => {
  let out: string;
  let conn: mysql.Connection;
  beforeAll(async () => {
    const dir = resolve(DIR!);
    const missing = DUMPS.map((d) => join(dir, d.file)).filter((f) => !existsSync(f));
    if (missing.length > 0) {
      throw new Error(
        `ATLIQ_REAL_DUMP_DIR=${DIR} lacks ${missing.join(' and ')}: point it at the folder holding both dumps`,
      );
    }
    out = await mkdtemp(join(tmpdir(), 'atliq-real-'));
    conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  });
  afterAll(async () => {
    await conn?.end();
    if (out) await rm(out, { recursive: true, force: true });
  });

  for (const dump of DUMPS) {
    it(`${dump.file}: seed --dump, publish, and the figures equal SQL on the source`, async () => {
      const url = `mysql://${db.user}@${db.host}:${db.port}/${dump.database}`;
      const seeded = await run(
        process.execPath,
        [cli, 'seed', '--source', url, '--dump', join(resolve(DIR!), dump.file), '--json'],
        {
          env,
        },
      );
      const [[{ n }]] = (await conn.query(`SELECT COUNT(*) AS n FROM ${dump.database}.transactions`)) as unknown as [
        { n: number }[],
      ];
      expect(JSON.parse(seeded.stdout.trim()).rows.transactions).toBe(n);

      const extract = join(out, dump.database);
      const published = await run(process.execPath, [cli, 'publish', '--source', url, '--out', extract, '--json'], {
        env,
      });
      expect(JSON.parse(published.stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: true, rows_read: n });
      const manifest: Manifest = parseManifest(JSON.parse(await readFile(join(extract, 'manifest.json'), 'utf8')));
      const q = manifest.quality;

      await conn.query(`USE ${dump.database}`);
      const truth = await sourceTruth(conn, dump.profit);
      const got = await publishedRows(join(extract, manifest.browser_db));

      expect(manifest.measures.profit).toBe(dump.profit);
      expect(q.warnings).toEqual([]);
      expect(q.rows_read).toBe(truth.read);
      expect(q.rejected_by_reason).toEqual(truth.rejectedByReason);
      expect(q.rows_published).toBe(truth.published);
      expect(got.rows).toBe(truth.published);
      expect(got.revenue).toBeCloseTo(truth.revenue, 2);
      if (dump.profit) {
        expect(got.profit).toBeCloseTo(truth.profit!, 2);
        // Every published line adds up in INR; the two USD lines decide the reading.
        expect(truth.profitConsistentLines).toBe(truth.published);
        expect(q.profit_check).toEqual({
          reading: 'reporting',
          basis: 'detected',
          lines_checked: truth.published,
          lines_consistent: truth.profitConsistentLines,
        });
      } else {
        expect(got.profit).toBeNull();
        expect(q.profit_check).toBeUndefined();
      }
      expect(got.byMarket.map((r) => r.key)).toEqual(truth.byMarket.map((r) => r.key));
      for (const [i, r] of got.byMarket.entries()) {
        expect(r.revenue).toBeCloseTo(truth.byMarket[i]!.revenue, 2);
        if (dump.profit) expect(r.profit).toBeCloseTo(truth.byMarket[i]!.profit!, 2);
        else expect(r.profit).toBeNull();
      }
      expect(got.byCustomer.map((r) => r.key)).toEqual(truth.byCustomer.map((r) => r.key));
      for (const [i, r] of got.byCustomer.entries()) expect(r.revenue).toBeCloseTo(truth.byCustomer[i]!.revenue, 2);

      // Periods: the year (and the April fiscal year) to the newest order day against the same days a year
      // earlier, as the SDK plans and compiles them, equal MySQL's own date arithmetic on the clean rows.
      const periods = await publishedPeriods(join(extract, manifest.browser_db), manifest, dump.profit);
      for (const [i, want] of (await sourcePeriods(conn, dump.profit)).entries()) {
        const p = periods[i]!;
        expect(p.label).toBe(want.label);
        for (const side of ['current', 'baseline'] as const) {
          expect(p[side].revenue).toBeCloseTo(want[side].revenue, 2);
          if (dump.profit) expect(p[side].profit).toBeCloseTo(want[side].profit!, 2);
        }
      }

      // Insights: the year to date's change, its bridge by market, customer concentration and the markets losing
      // money, as the SDK's insights engine computes them on the published file, equal MySQL's SQL on the source.
      const insights = await publishedInsights(join(extract, manifest.browser_db), manifest, dump.profit);
      const wanted = await sourceInsights(conn, dump.profit);
      expect(insights.current).toBeCloseTo(wanted.current, 2);
      expect(insights.baseline).toBeCloseTo(wanted.baseline, 2);
      const changed = [...wanted.marketChange].filter(([, v]) => v !== 0);
      expect([...insights.marketChange.keys()].sort()).toEqual(changed.map(([k]) => k).sort());
      for (const [market, change] of changed) expect(insights.marketChange.get(market)).toBeCloseTo(change, 2);
      expect(insights.top1).toBeCloseTo(wanted.top1, 9);
      expect(insights.hhi).toBeCloseTo(wanted.hhi, 9);
      expect(insights.losing).toEqual(wanted.losing);

      // The same insights as <atliq-insights> shows them in Chromium (DuckDB-WASM on the published extract): every
      // number an insight states, against MySQL's SQL on the source.
      if (dump.profit) {
        const shown = await insightsInChromium(extract, join(out, 'browser'));
        const { members, unknownShare } = await sourceBreakdown(conn, true);
        expect(shown.items.length).toBeGreaterThan(0);
        // Their customer and product splits came from the snapshot's bridge_grain.json, not only the engine.
        expect(manifest.bridge_grain?.rows).toBeGreaterThan(0);
        expect(shown.grainRead).toBe(true);
        for (const insight of shown.items) expectInsightEqualsSource(insight, members, wanted);
        const unknown = shown.caveats.find((c) => c.text.includes('product codes missing'));
        expect(unknownShare).toBeGreaterThan(0.01);
        expect(unknown?.text).toContain((100 * unknownShare).toFixed(1));
      }

      // The server's own totals inside the run's snapshot, matched by published + quarantined.
      const r = q.reconciliation!;
      const totals = truth.sourceTotals;
      expect(r).toMatchObject({ status: 'matched', cells: totals.cells, lines: truth.read, quantity: totals.quantity });
      expect(Object.keys(r.amount!).sort()).toEqual(totals.byCurrency.map((c) => c.cur).sort());
      for (const c of totals.byCurrency) {
        expect(r.amount![c.cur]).toBeCloseTo(c.amount, 2);
        if (dump.profit) expect(r.profit![c.cur]).toBeCloseTo(Number(c.profit), 2);
      }
      if (!dump.profit) expect(r.profit).toBeUndefined();

      const unknown = q.unknown_members.filter((u) => u.dimension === 'product');
      expect(unknown.map((u) => u.code).sort()).toEqual(truth.unknownProducts.codes);
      expect(unknown.reduce((s, u) => s + u.rows, 0)).toBe(truth.unknownProducts.rows);
      expect(unknown.reduce((s, u) => s + u.revenue, 0)).toBeCloseTo(truth.unknownProducts.revenue, 2);
      expect(q.unknown_members.filter((u) => u.dimension !== 'product')).toEqual([]);
      expect(q.duplicate_market_names).toEqual(truth.duplicateMarketNames);
      expect((q.missing_months ?? []).reduce((s, m) => s + m.months.length, 0)).toBe(truth.missingMarketMonths);

      // Incremental refresh on real, dirty data: a second run copies every month but the newest from the first
      // and publishes exactly the same figures (rejects with odd dates included).
      const incremental = join(out, `${dump.database}-incremental`);
      const incrementalRun = () =>
        run(
          process.execPath,
          [cli, 'publish', '--source', url, '--out', incremental, '--mode', 'incremental', '--json'],
          {
            env,
          },
        );
      await incrementalRun();
      const second = JSON.parse((await incrementalRun()).stdout.trim().split('\n').at(-1)!);
      expect(second.refresh).toMatchObject({ mode: 'incremental', months_read: 1 });
      expect(second.refresh.months_reused).toBeGreaterThan(30);
      const reread = parseManifest(JSON.parse(await readFile(join(incremental, 'manifest.json'), 'utf8')));
      // Reconciled over the whole snapshot, copied months included: the same totals as the full run.
      const { reconciliation, ...rest } = reread.quality;
      expect(rest).toEqual({ ...q, reconciliation: undefined });
      expect(reconciliation).toMatchObject({ status: 'matched', cells: r.cells, lines: r.lines, quantity: r.quantity });
      for (const c of totals.byCurrency) expect(reconciliation!.amount![c.cur]).toBeCloseTo(c.amount, 2);
      expectSameFigures(await publishedRows(join(incremental, reread.browser_db)), got);

      console.info(
        `${dump.file}: read ${q.rows_read}, published ${q.rows_published}, rejected ${JSON.stringify(q.rejected_by_reason)}, ` +
          `revenue ${got.revenue.toFixed(2)} INR, profit ${got.profit?.toFixed(2) ?? 'none'} INR, unknown products ${unknown.length} codes / ${truth.unknownProducts.rows} rows / ` +
          `${truth.unknownProducts.revenue.toFixed(2)} INR, duplicate names ${JSON.stringify(q.duplicate_market_names)}, ` +
          `missing market-months ${truth.missingMarketMonths} in ${q.missing_months?.length} markets, ` +
          `reconciled ${r.lines} lines in ${r.cells} cells, amount ${JSON.stringify(r.amount)}, quantity ${r.quantity}`,
      );
    }, 180_000);
  }
});

type Members = Awaited<ReturnType<typeof sourceBreakdown>>['members'];

/** One shown insight's numbers against the source's: what it is worth and, for a bridge, every step of it. */
function expectInsightEqualsSource(insight: ShownInsight, members: Members, wanted: InsightFigures): void {
  const sum = (values: Iterable<number>) => [...values].reduce((s, v) => s + v, 0);
  const of = (dimension: string) => [...members[dimension as keyof Members]!.values()];
  const margin = (profit: number, revenue: number) => (100 * profit) / revenue;
  switch (insight.kind) {
    case 'change':
      expect(insight.current!.value).toBeCloseTo(wanted.current, 2);
      expect(insight.baseline!.value).toBeCloseTo(wanted.baseline, 2);
      for (const c of insight.contributions!) {
        const m = members[c.dimension as keyof Members]!.get(c.member)!;
        expect({ ...c, change: m.now - m.before }).toEqual({ ...c, change: expect.closeTo(c.change, 2) });
      }
      break;
    case 'customers': {
      const all = of('customer');
      const gained = sum(all.filter((m) => m.before === 0).map((m) => m.now));
      const lost = sum(all.filter((m) => m.now === 0).map((m) => m.before));
      expect(insight.impact).toBeCloseTo(Math.max(gained, lost), 2);
      break;
    }
    case 'margin': {
      const all = of('market');
      const after = margin(sum(all.map((m) => m.profit!)), sum(all.map((m) => m.now)));
      const before = margin(sum(all.map((m) => m.profitBefore!)), sum(all.map((m) => m.before)));
      expect(insight.impact).toBeCloseTo((Math.abs(after - before) / 100) * wanted.current, 2);
      break;
    }
    case 'loss': {
      const losses = of(insight.select!.dimension).filter((m) => m.now > 0 && m.profit! < 0);
      expect(insight.impact).toBeCloseTo(-sum(losses.map((m) => m.profit!)), 2);
      break;
    }
    case 'below-target': {
      // The default target: last year's margin over every market.
      const all = of('market');
      const target = margin(sum(all.map((m) => m.profitBefore!)), sum(all.map((m) => m.before)));
      const m = members.market.get(insight.select!.member)!;
      expect(insight.impact).toBeCloseTo((target / 100) * m.now - m.profit!, 2);
      break;
    }
    case 'concentration':
      expect(insight.impact).toBeCloseTo(wanted.top1 * wanted.current, 2);
      break;
    default:
      // Trends and unusual months: the statistics are checked against published reference values in the SDK's
      // tests; here, that what they name exists in the source.
      expect(['trend', 'unusual-month']).toContain(insight.kind);
      if (insight.select) expect(members.market.has(insight.select.member)).toBe(true);
  }
}
