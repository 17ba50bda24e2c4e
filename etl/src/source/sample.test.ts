import { describe, expect, it } from 'vitest';
import { transactionRows } from '../sample/transactions.ts';
import { createSampleSource, SAMPLE_SNAPSHOT_AT } from './sample.ts';
import type { SourceValue } from './source.ts';

const streamAll = async (
  source: ReturnType<typeof createSampleSource>,
  table: 'transactions' | 'markets',
  columns: string[],
) =>
  source.withSnapshot(async (snapshot) => {
    const rows: SourceValue[][] = [];
    const count = await snapshot.streamTable(table, columns, (batch) => {
      rows.push(...batch);
    });
    return { count, rows };
  });

describe('createSampleSource()', () => {
  it('describes itself without a server or database', () => {
    expect(createSampleSource().info).toEqual({ kind: 'sample', server: null, database: null });
  });

  it('takes every snapshot at the same fixed instant', async () => {
    const at = await createSampleSource().withSnapshot(async (s) => s.snapshotAt.toISOString());
    expect(at).toBe(SAMPLE_SNAPSHOT_AT);
    expect(at).toBe('2020-06-27T00:00:00.000Z');
  });

  it('lists the profit columns only when asked to, typed as in the original dumps', async () => {
    const plain = await createSampleSource().withSnapshot((s) => s.columns('transactions'));
    const v2 = await createSampleSource({ withProfit: true }).withSnapshot((s) => s.columns('transactions'));
    expect(plain).toHaveLength(7);
    expect(plain.slice(3, 6)).toEqual([
      { name: 'order_date', type: 'date' },
      { name: 'sales_qty', type: 'integer' },
      { name: 'sales_amount', type: 'float' },
    ]);
    expect(v2.slice(7).map((c) => c.name)).toEqual(['profit_margin_percentage', 'profit_margin', 'cost_price']);
    expect(await createSampleSource().withSnapshot((s) => s.columns('customers'))).toEqual([
      { name: 'customer_code', type: 'text' },
      { name: 'custmer_name', type: 'text' },
      { name: 'customer_type', type: 'text' },
    ]);
  });

  it('streams the generated transactions, in the columns asked for', async () => {
    const source = createSampleSource({ rows: 12_345, seed: 4 });
    const expected = [...transactionRows({ rows: 12_345, seed: 4 })].flat();
    const columns = await source.withSnapshot(async (s) => (await s.columns('transactions')).map((c) => c.name));
    const all = await streamAll(source, 'transactions', columns);
    expect(all.count).toBe(12_345);
    expect(all.rows).toEqual(expected);
    const picked = await streamAll(source, 'transactions', ['currency', 'product_code']);
    expect(picked.rows).toEqual(expected.map((r) => [r[6], r[0]]));
  });

  it('streams the reference tables', async () => {
    const { count, rows } = await streamAll(createSampleSource(), 'markets', ['markets_code', 'zone']);
    expect(count).toBe(17);
    expect(rows.at(-1)).toEqual(['Mark999', '']);
  });

  it('waits for the consumer before sending the next batch', async () => {
    let inFlight = 0;
    let overlapped = false;
    let batches = 0;
    await createSampleSource({ rows: 35_000 }).withSnapshot((s) =>
      s.streamTable('transactions', ['sales_qty'], async () => {
        overlapped ||= inFlight > 0;
        inFlight++;
        batches++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
      }),
    );
    expect(batches).toBe(4);
    expect(overlapped).toBe(false);
  });

  it('rejects unknown columns and use after close', async () => {
    const source = createSampleSource({ rows: 10 });
    await expect(streamAll(source, 'markets', ['nope'])).rejects.toThrow(/no column nope/);
    await source.close();
    await expect(source.withSnapshot(async () => 1)).rejects.toThrow(/closed/);
  });
});
