import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest, TABLES } from '@atliq/sdk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIRTY_TRANSACTIONS, queryExtract } from '../testing/fixtures.ts';
import { memorySource } from '../testing/memory-source.ts';
import { publish } from './publish.ts';

const customers = [
  ['Cus001', 'Surge Stores', 'Brick & Mortar'],
  ['Cus002', 'Nixon', 'E-Commerce'],
];
const products = [
  ['Prod001', 'Own Brand\r'],
  ['Prod002', 'Distribution\r'],
];
const markets = [
  ['Mark001', 'Chennai', 'South'],
  ['Mark007', 'Bhopal', 'Central'],
  ['Mark013', 'Bhopal', 'Central'],
  ['Mark999', 'Paris', ''],
];
const transactions = DIRTY_TRANSACTIONS;

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-publish-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const query = queryExtract;

describe('publish()', () => {
  it('quarantines every dirty row with its reason and publishes the rest in INR', async () => {
    const { manifest, snapshotDir } = await publish({
      source: memorySource({ transactions, customers, products, markets }),
      out,
    });
    expect(manifest.quality).toMatchObject({
      rows_read: 8,
      rows_published: 3,
      rows_rejected: 5,
      rejected_by_reason: { duplicate: 1, non_positive_amount: 2, unknown_currency: 1, invalid_date: 1 },
    });
    const db = join(snapshotDir, 'sales.duckdb');
    const facts = await query(
      db,
      'SELECT product_code, revenue, currency, sales_amount FROM x.fact_sales ORDER BY 1, 2',
    );
    expect(facts).toEqual([
      { product_code: 'Prod001', revenue: 41241, currency: 'INR', sales_amount: 41241 },
      { product_code: 'Prod002', revenue: 1000, currency: 'INR', sales_amount: 1000 },
      { product_code: 'Prod404', revenue: 37500, currency: 'USD', sales_amount: 500 },
    ]);
    // The twin without the carriage return is the one quarantined, with its original bytes.
    const dup = await query(db, "SELECT currency FROM x.rejects WHERE reason = 'duplicate'");
    expect(dup).toEqual([{ currency: 'INR' }]);
    const eur = await query(db, "SELECT currency, sales_amount FROM x.rejects WHERE reason = 'unknown_currency'");
    expect(eur).toEqual([{ currency: 'EUR', sales_amount: '875' }]);
    const rollups = await query(
      db,
      `SELECT (SELECT sum(revenue) FROM x.agg_sales_month) AS a, (SELECT sum(revenue) FROM x.agg_sales_month_market) AS b,
              (SELECT sum(orders) FROM x.agg_sales_month) AS orders`,
    );
    expect(rollups).toEqual([{ a: 79741, b: 79741, orders: 3n }]);
  });

  it('keeps unknown product codes under an explicit Unknown member and reports their revenue', async () => {
    const { manifest, snapshotDir } = await publish({
      source: memorySource({ transactions, customers, products, markets }),
      out,
    });
    expect(manifest.quality.unknown_members).toEqual([
      { dimension: 'product', code: 'Prod404', rows: 1, revenue: 37500 },
    ]);
    const db = join(snapshotDir, 'sales.duckdb');
    expect(await query(db, "SELECT * FROM x.dim_product WHERE product_code = 'Prod404'")).toEqual([
      { product_code: 'Prod404', product_type: 'Unknown', known: false },
    ]);
    expect(await query(db, "SELECT product_type FROM x.dim_product WHERE product_code = 'Prod001'")).toEqual([
      { product_type: 'Own Brand' },
    ]);
    expect(await query(db, "SELECT zone FROM x.dim_market WHERE market_code = 'Mark999'")).toEqual([{ zone: null }]);
  });

  it('writes a manifest that validates and lists every file with its checksum', async () => {
    const { manifest, manifestPath } = await publish({
      source: memorySource({ transactions, customers, products, markets }),
      out,
    });
    const onDisk = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')));
    expect(onDisk).toEqual(manifest);
    const tables = new Set(onDisk.files.map((f) => f.table));
    // Rollups live only in the browser replica; every other table is also a Parquet file.
    const portable = Object.keys(TABLES).filter((t) => !t.startsWith('agg_'));
    expect([...tables].sort()).toEqual([...portable, 'browser_db'].sort());
    const facts = onDisk.files.filter((f) => f.table === 'fact_sales');
    expect(facts.map((f) => f.path.split('/').slice(2).join('/'))).toEqual([
      'fact_sales/year=2017/part-0.parquet',
      'fact_sales/year=2018/part-0.parquet',
      'fact_sales/year=2019/part-0.parquet',
    ]);
    expect(facts.reduce((n, f) => n + f.rows, 0)).toBe(3);
  });

  it('declares profit available only when the source has the profit columns', async () => {
    const v2 = transactions.slice(0, 1).map((r) => [...r, 0.1, 4124.1, 37116.9]);
    const { manifest, snapshotDir } = await publish({
      source: memorySource(
        { transactions: v2, customers, products, markets },
        {
          transactionColumns: [
            'product_code',
            'customer_code',
            'market_code',
            'order_date',
            'sales_qty',
            'sales_amount',
            'currency',
            'profit_margin_percentage',
            'profit_margin',
            'cost_price',
          ],
        },
      ),
      out,
    });
    expect(manifest.measures.profit).toBe(true);
    const rows = await query(join(snapshotDir, 'sales.duckdb'), 'SELECT profit, cost FROM x.fact_sales');
    expect(rows).toEqual([{ profit: 4124.1, cost: 37116.9 }]);
  });

  it('leaves the previous manifest serving and no debris when a run fails mid-extract', async () => {
    const good = await publish({ source: memorySource({ transactions, customers, products, markets }), out });
    const before = await readFile(good.manifestPath, 'utf8');
    await expect(
      publish({ source: memorySource({ transactions, customers, products, markets }, { failOn: 'products' }), out }),
    ).rejects.toThrow(/connection lost while reading products/);
    expect(await readFile(good.manifestPath, 'utf8')).toBe(before);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'v']);
    expect(await readdir(join(out, 'v'))).toEqual([good.manifest.snapshot_id]);
  });

  it('names the memory limit and the flag that raises it when the staging database runs out of memory', async () => {
    const good = await publish({ source: memorySource({ transactions, customers, products, markets }), out });
    const before = await readFile(good.manifestPath, 'utf8');
    // 1 MB: less than read_csv's 4 MB buffer for the first staged rows.
    await expect(
      publish({ source: memorySource({ transactions, customers, products, markets }), out, memoryLimitMb: 1 }),
    ).rejects.toThrow(
      /needed more than its 1 MB memory limit \(Out of Memory Error: .*\): run again with a higher --memory-limit/,
    );
    expect(await readFile(good.manifestPath, 'utf8')).toBe(before);
    expect(await readdir(join(out, 'v'))).toEqual([good.manifest.snapshot_id]);
  });

  it('after publishing, deletes older snapshots beyond the retention, never by default within the hour', async () => {
    const run = (keep?: number) =>
      publish({
        source: memorySource({ transactions, customers, products, markets }),
        out,
        ...(keep === undefined ? {} : { retention: { keep, keepForMs: 0 } }),
      });
    // Runs within the same second still get ids in run order: retention relies on it.
    const first = await run();
    const second = await run();
    expect((await readdir(join(out, 'v'))).sort()).toEqual([first, second].map((r) => r.manifest.snapshot_id));
    const third = await run(1);
    expect(await readdir(join(out, 'v'))).toEqual([third.manifest.snapshot_id]);
  });
});
