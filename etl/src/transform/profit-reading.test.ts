import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CleaningRules, DEFAULT_RULES } from '../config.ts';
import { publish } from '../publish/publish.ts';
import { PROFIT_COLUMNS, SOURCE_TABLES, type SourceValue } from '../source/source.ts';
import { queryExtract } from '../testing/fixtures.ts';
import { memorySource } from '../testing/memory-source.ts';
import { decideProfitReading, type ProfitReading } from './profit-reading.ts';

const line = (day: string, amount: number, currency: string, profit: number | null, cost: number | null) => [
  'Prod001',
  'Cus001',
  'Mark001',
  day,
  1,
  amount,
  currency,
  0.1,
  profit,
  cost,
];
// profit + cost of each line worked out by hand: 500 USD × 75 = 37 500 INR; 1 000 INR.
const INR_OK = line('2020-01-01', 1000, 'INR\r', 100, 900);
const INR_PAISA = line('2020-01-02', 1000, 'INR\r', 100.01, 900); // off by exactly 0.01: still consistent
const INR_BAD = line('2020-01-03', 1000, 'INR\r', 100.02, 900);
const USD_IN_INR = line('2020-01-04', 500, 'USD\r', 11625, 25875);
const USD_IN_USD = line('2020-01-05', 500, 'USD\r', 155, 345);

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-profit-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const run = (transactions: SourceValue[][], rules: Partial<CleaningRules> = {}) =>
  publish({
    source: memorySource(
      { transactions, markets: [['Mark001', 'Chennai', 'South']] },
      { transactionColumns: [...SOURCE_TABLES.transactions, ...PROFIT_COLUMNS] },
    ),
    out,
    rules: { ...DEFAULT_RULES, ...rules },
  });

const query = queryExtract;

describe('the profit reading', () => {
  it('is detected as reporting from a USD line, publishes its INR profit as is and quarantines a line off by 0.02', async () => {
    const { manifest, snapshotDir } = await run([INR_OK, INR_PAISA, INR_BAD, USD_IN_INR]);
    expect(manifest.quality.rejected_by_reason).toEqual({ inconsistent_profit: 1 });
    expect(manifest.quality.profit_check).toEqual({
      reading: 'reporting',
      basis: 'detected',
      lines_checked: 4,
      lines_consistent: 3,
    });
    const db = join(snapshotDir, 'sales.duckdb');
    expect(await query(db, "SELECT profit, cost FROM x.fact_sales WHERE currency = 'USD'")).toEqual([
      { profit: 11625, cost: 25875 },
    ]);
    // The reject keeps the original row, profit columns included, as text.
    expect(
      await query(db, 'SELECT reason, order_date, profit_margin_percentage, profit_margin, cost_price FROM x.rejects'),
    ).toEqual([
      {
        reason: 'inconsistent_profit',
        order_date: '2020-01-03',
        profit_margin_percentage: '0.1',
        profit_margin: '100.02',
        cost_price: '900',
      },
    ]);
  });

  it('is detected as the line currency when USD lines add up in USD, and then converts profit and cost', async () => {
    const { manifest, snapshotDir } = await run([INR_OK, USD_IN_USD]);
    expect(manifest.quality.profit_check).toMatchObject({ reading: 'line', basis: 'detected', lines_consistent: 2 });
    expect(
      await query(join(snapshotDir, 'sales.duckdb'), "SELECT profit, cost FROM x.fact_sales WHERE currency = 'USD'"),
    ).toEqual([{ profit: 155 * 75, cost: 345 * 75 }]);
  });

  it('is undetermined when every line is in INR (both readings publish the same)', async () => {
    const { manifest } = await run([INR_OK]);
    expect(manifest.quality.profit_check).toMatchObject({ reading: 'reporting', basis: 'undetermined' });
  });

  it('fails the run, publishing nothing, when the data contradicts the configured reading', async () => {
    await expect(run([INR_OK, USD_IN_INR], { profitCurrency: 'line' })).rejects.toThrow(
      'profit_currency is "line" but the data contradicts it: profit + cost = amount holds in the reporting currency on 1 lines and in the line\'s currency on 0',
    );
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const { manifest } = await run([INR_OK, USD_IN_INR], { profitCurrency: 'reporting' });
    expect(manifest.quality.profit_check).toMatchObject({ reading: 'reporting', basis: 'configured' });
  });

  it('fails the run when lines disagree on the unit', async () => {
    await expect(run([USD_IN_INR, USD_IN_USD])).rejects.toThrow(/the profit columns mix units: .* on 1 lines .* on 1;/);
  });

  it('publishes an inconsistent or missing profit when the rule is off, and counts it as not consistent', async () => {
    const noProfit = line('2020-01-06', 1000, 'INR\r', null, null);
    const { manifest } = await run([INR_OK, INR_BAD, noProfit], { rejectInconsistentProfit: false });
    expect(manifest.quality.rows_rejected).toBe(0);
    expect(manifest.quality.profit_check).toMatchObject({ lines_checked: 3, lines_consistent: 1 });
    const quarantined = await run([INR_OK, INR_BAD, noProfit]);
    expect(quarantined.manifest.quality.rejected_by_reason).toEqual({ inconsistent_profit: 2 });
  });
});

describe('decideProfitReading() in an incremental run', () => {
  /** A `t_checked` of lines (rate, fits reporting, fits line), as buildFacts leaves it, and the decision on it. */
  async function decide(lines: [number, boolean, boolean][], previous?: ProfitReading) {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      await db.run('CREATE TABLE t_checked (reason VARCHAR, v_rate DOUBLE, fits_reporting BOOLEAN, fits_line BOOLEAN)');
      for (const [rate, r, l] of lines) await db.run('INSERT INTO t_checked VALUES (NULL, $1, $2, $3)', [rate, r, l]);
      return await decideProfitReading(db, DEFAULT_RULES, previous && { snapshotId: 'S-1', reading: previous });
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  }
  const INR: [number, boolean, boolean] = [1, true, true];
  const USD_REPORTING: [number, boolean, boolean] = [75, true, false];

  it('keeps the reading of the snapshot months are copied from when the months read do not decide', async () => {
    expect(await decide([INR], { reading: 'line', basis: 'detected' })).toEqual({ reading: 'line', basis: 'detected' });
    expect(await decide([INR])).toEqual({ reading: 'reporting', basis: 'undetermined' });
  });

  it('fails when the months read contradict it, and decides anew after an undetermined one', async () => {
    await expect(decide([USD_REPORTING], { reading: 'line', basis: 'detected' })).rejects.toThrow(
      /are now in the reporting currency .* but snapshot S-1 read them in the line's currency: run with --mode full$/,
    );
    expect(await decide([USD_REPORTING], { reading: 'reporting', basis: 'undetermined' })).toEqual({
      reading: 'reporting',
      basis: 'detected',
    });
  });
});
