import { describe, expect, test } from 'vitest';
import type { QuerySpec } from './compile.ts';
import { EngineNeededError } from './errors.ts';
import { wasmExtract } from './testing/recording-wasm-source.ts';

/**
 * day_market.json in real DuckDB-WASM over the published test extract (with profit): the days a like-for-like
 * baseline cuts short are answered from the file, with no engine query, and equal plain SQL over the published
 * fact_sales on a connection of its own.
 */

const extract = wasmExtract('/extracts-profit/manifest.json');
const { recordingSource } = extract;

/** Revenue, units, lines and profit of the facts from `from` to `to`, by market name (or in total), in plain SQL. */
async function truth(from: string, to: string, byMarket: boolean, market?: string) {
  const where = [`f.order_date BETWEEN DATE '${from}' AND DATE '${to}'`];
  if (market) where.push(`m.market_name = '${market.replaceAll("'", "''")}'`);
  return extract.facts.query(
    `SELECT ${byMarket ? 'm.market_name AS market, ' : ''}sum(f.revenue) AS revenue, sum(f.sales_qty)::DOUBLE AS quantity,
       count(*)::DOUBLE AS orders, sum(f.profit) AS profit
     FROM fact_sales f JOIN dim_market m USING (market_code) WHERE ${where.join(' AND ')}
     ${byMarket ? 'GROUP BY 1 ORDER BY 1' : ''}`,
    [],
  );
}

const MEASURES = ['revenue', 'quantity', 'orders', 'profit'];

function expectSame(rows: readonly Record<string, unknown>[], want: readonly Record<string, unknown>[]) {
  expect(rows).toHaveLength(want.length);
  rows.forEach((row, i) => {
    if ('market' in want[i]!) expect(row['market']).toBe(want[i]!['market']);
    for (const m of MEASURES) expect(Number(row[m])).toBeCloseTo(Number(want[i]![m]), 6);
  });
}

describe('AtliqSource and day_market.json', () => {
  test('the manifest lists the newest order day’s month a year, a quarter and a month earlier', () => {
    const newest = extract.manifest.files.find((f) => f.table === 'browser_db')!.max_order_date!;
    const back = (months: number) => {
      const d = new Date(`${newest.slice(0, 7)}-01T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - months);
      return d.toISOString().slice(0, 7);
    };
    expect(extract.manifest.day_market?.months).toEqual([back(12), back(3), back(1)].sort());
  });

  test("a year-to-date baseline (its months from month_market.json, its cut month's days from day_market.json) needs no engine query, and equals SQL on the facts", async () => {
    const { source, sql } = recordingSource();
    const newest = extract.manifest.files.find((f) => f.table === 'browser_db')!.max_order_date!;
    const year = Number(newest.slice(0, 4)) - 1;
    const [from, to] = [`${year}-01-01`, `${year}${newest.slice(4)}`];
    const cutFrom = `${to.slice(0, 7)}-01`;
    const specs: [QuerySpec, Promise<Record<string, unknown>[]>][] = [
      [{ measures: MEASURES, filters: { day: { from, to } } }, truth(from, to, false)],
      [{ measures: MEASURES, dimensions: ['market'], filters: { day: { from, to } } }, truth(from, to, true)],
      [
        { measures: MEASURES, dimensions: ['market'], filters: { day: { from: cutFrom, to } } },
        truth(cutFrom, to, true),
      ],
    ];
    const market = String((await specs[1]![1])[0]!['market']);
    specs.push([
      { measures: MEASURES, filters: { day: { from, to }, market: [market] } },
      truth(from, to, false, market),
    ]);
    for (const [spec, want] of specs) expectSame(await source.query(spec), await want);
    expect(sql).toEqual([]);
  });

  test('days outside the months it holds, or a finer grain, go to the engine', async () => {
    const { source, sql } = recordingSource();
    const held = new Set(extract.manifest.day_market!.months);
    const other = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']
      .map((m) => `2019-${m}`)
      .find((m) => !held.has(m))!;
    const spec = { measures: MEASURES, filters: { day: { from: `${other}-02`, to: `${other}-20` } } };
    expectSame(await source.query(spec), await truth(`${other}-02`, `${other}-20`, false));
    expect(sql).toHaveLength(1);
    const month = [...held][0]!;
    await source.query({
      measures: ['revenue'],
      dimensions: ['customer'],
      filters: { day: { from: `${month}-01`, to: `${month}-10` } },
    });
    expect(sql).toHaveLength(2);
  });

  test('with `local`, a year-to-date baseline by market is answered from the files (equal to SQL), and a question they do not hold rejects with EngineNeededError before any engine query', async () => {
    const { source, sql } = recordingSource();
    const newest = extract.manifest.files.find((f) => f.table === 'browser_db')!.max_order_date!;
    const year = Number(newest.slice(0, 4)) - 1;
    const [from, to] = [`${year}-01-01`, `${year}${newest.slice(4)}`];
    const spec = { measures: MEASURES, dimensions: ['market'], filters: { day: { from, to } } };
    expectSame(await source.query(spec, { local: true }), await truth(from, to, true));
    // Not the default comparison's period either, which bridge_grain.json holds by customer.
    const byCustomer = {
      measures: ['revenue'],
      dimensions: ['customer'],
      filters: { day: { from: `${year}-02-01`, to } },
    };
    await expect(source.query(byCustomer, { local: true })).rejects.toBeInstanceOf(EngineNeededError);
    const other = [...Array(12)]
      .map((_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
      .find((m) => !extract.manifest.day_market!.months.includes(m))!;
    const inside = { measures: ['revenue'], filters: { day: { from: `${other}-02`, to: `${other}-20` } } };
    await expect(source.query(inside, { local: true })).rejects.toBeInstanceOf(EngineNeededError);
    expect(sql).toEqual([]);
    // Nothing was cached as failed: the same question without `local` is answered by the engine.
    expect((await source.query(byCustomer)).length).toBeGreaterThan(0);
    expect(sql.length).toBeGreaterThan(0);
  });
});
