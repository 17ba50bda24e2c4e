import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceValue } from '../source/source.ts';
import { KNOWN_PRODUCTS } from './reference-tables.ts';
import { TWIN_SHARE, transactionColumns, transactionRows, ZERO_AMOUNT_SHARE } from './transactions.ts';

const collect = (options: Parameters<typeof transactionRows>[0]) => [...transactionRows(options)].flat();
const share = (rows: SourceValue[][], test: (row: SourceValue[]) => boolean) => rows.filter(test).length / rows.length;
const quantile = (values: number[], q: number) => values.sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
const isTwin = (row: SourceValue[]) => !(row[6] as string).endsWith('\r');

describe('transactionRows()', () => {
  let rows: SourceValue[][];
  beforeAll(() => {
    rows = collect({});
  });

  it('produces the same rows for the same seed and size, other rows for another seed', () => {
    expect(collect({ rows: 20_000, seed: 9 })).toEqual(collect({ rows: 20_000, seed: 9 }));
    expect(collect({ rows: 20_000, seed: 10 })).not.toEqual(collect({ rows: 20_000, seed: 9 }));
  });

  it('produces exactly the requested lines, in batches of batchSize', () => {
    expect([...transactionRows({ rows: 0 })]).toEqual([]);
    expect(collect({ rows: 1 })).toHaveLength(1);
    expect([...transactionRows({ rows: 25_001, batchSize: 10_000 })].map((b) => b.length)).toEqual([
      10_000, 10_000, 5_001,
    ]);
    expect(rows).toHaveLength(150_000);
  });

  it('rejects sizes that are not whole numbers', () => {
    expect(() => collect({ rows: -1 })).toThrow(RangeError);
    expect(() => collect({ rows: 1.5 })).toThrow(RangeError);
    expect(() => collect({ batchSize: 0 })).toThrow(RangeError);
  });

  it('gives values the types mysql2 returns with dateStrings', () => {
    expect(transactionColumns()).toHaveLength(7);
    const wrong = rows.filter(
      (row) =>
        row.length !== 7 ||
        !row.slice(0, 3).every((v) => typeof v === 'string') ||
        !/^\d{4}-\d{2}-\d{2}$/.test(row[3] as string) ||
        !Number.isInteger(row[4]) ||
        !Number.isInteger(row[5]) ||
        typeof row[6] !== 'string',
    );
    expect(wrong).toEqual([]);
  });

  it("writes currency 'INR\\r' with a few 'USD\\r' lines of small amounts", () => {
    const usd = rows.filter((r) => r[6] === 'USD\r');
    expect(usd).toHaveLength(2);
    expect(usd.every((r) => r[5] === 250 || r[5] === 500)).toBe(true);
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['INR\r', 'USD\r', 'INR']));
    expect(share(rows, (r) => r[6] === 'INR\r')).toBeGreaterThan(0.99);
  });

  it("adds ≈ 0.19% twins: the line before again, the currency without its '\\r'", () => {
    const twins = rows.flatMap((row, i) => (isTwin(row) ? [i] : []));
    expect(twins.length / rows.length).toBeGreaterThan(TWIN_SHARE * 0.75);
    expect(twins.length / rows.length).toBeLessThan(TWIN_SHARE * 1.25);
    for (const i of twins) {
      const before = rows[i - 1]!;
      expect(isTwin(before)).toBe(false);
      expect(rows[i]).toEqual(before.with(6, (before[6] as string).trimEnd()));
    }
  });

  it('has no other duplicate lines', () => {
    const originals = rows.filter((row) => !isTwin(row)).map((row) => row.join('|'));
    expect(new Set(originals).size).toBe(originals.length);
  });

  it('has ≈ 1.07% zero amounts and exactly one of -1', () => {
    const originals = rows.filter((row) => !isTwin(row));
    expect(share(originals, (r) => r[5] === 0) / ZERO_AMOUNT_SHARE).toBeGreaterThan(0.85);
    expect(share(originals, (r) => r[5] === 0) / ZERO_AMOUNT_SHARE).toBeLessThan(1.15);
    expect(originals.filter((r) => r[5] === -1)).toHaveLength(1);
    expect(originals.filter((r) => (r[5] as number) < 0 && r[5] !== -1)).toHaveLength(0);
  });

  it('points about a third of the lines at products missing from `products`', () => {
    const missing = share(rows, (r) => Number((r[0] as string).slice(4)) > KNOWN_PRODUCTS);
    expect(missing).toBeGreaterThan(0.33);
    expect(missing).toBeLessThan(0.4);
    expect(new Set(rows.map((r) => r[0])).size).toBeGreaterThan(300);
  });

  it('weights the 15 trading markets like the dump, never the international ones', () => {
    const markets = new Set(rows.map((r) => r[2]));
    expect([...markets].sort()).toEqual(Array.from({ length: 15 }, (_, i) => `Mark${String(i + 1).padStart(3, '0')}`));
    expect(share(rows, (r) => r[2] === 'Mark011')).toBeCloseTo(47_923 / 150_283, 2);
    expect(share(rows, (r) => r[2] === 'Mark004')).toBeCloseTo(44_442 / 150_283, 2);
    expect(share(rows, (r) => r[2] === 'Mark013')).toBeLessThan(0.002);
  });

  it('orders lines by order_date within 2017-10-04..2020-06-26', () => {
    expect(rows[0]![3]).toBe('2017-10-04');
    expect(rows.at(-1)![3]).toBe('2020-06-26');
    expect(rows.every((row, i) => i === 0 || (rows[i - 1]![3] as string) <= (row[3] as string))).toBe(true);
  });

  it('skews quantities and amounts like the dump', () => {
    const qty = rows.map((r) => r[4] as number);
    expect(quantile(qty, 0.5)).toBe(1);
    expect(quantile(qty, 0.9)).toBeGreaterThan(15);
    expect(quantile(qty, 0.9)).toBeLessThan(60);
    expect(quantile(qty, 1)).toBeLessThanOrEqual(14_049);
    const amounts = rows.map((r) => r[5] as number);
    expect(quantile(amounts, 0.5)).toBeGreaterThan(300);
    expect(quantile(amounts, 0.5)).toBeLessThan(900);
    expect(quantile(amounts, 0.9)).toBeGreaterThan(5_000);
    expect(quantile(amounts, 1)).toBeGreaterThan(200_000);
  });
});

describe('transactionRows({ withProfit: true })', () => {
  const rows = collect({ rows: 20_000, seed: 3, withProfit: true });

  it('appends margin %, profit and cost price, in INR like the Atliq dump version 2 (USD lines at 75)', () => {
    expect(transactionColumns(true).slice(7)).toEqual(['profit_margin_percentage', 'profit_margin', 'cost_price']);
    const cents = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
    expect(rows.filter((r) => r[6] === 'USD\r').length).toBeGreaterThan(0);
    const wrong = rows.filter((row) => {
      const [line, margin, profit, cost] = [row[5], row[7], row[8], row[9]] as number[];
      const amount = line * (row[6] === 'USD\r' ? 75 : 1);
      return (
        row.length !== 10 ||
        !(margin >= -0.35 && margin <= 0.4 && cents(margin)) ||
        Math.abs(profit - amount * margin) > 0.005 ||
        Math.abs(cost - (amount - profit)) > 0.005 ||
        !cents(profit) ||
        !cents(cost) ||
        Object.is(profit, -0) ||
        Object.is(cost, -0)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('makes a good share of the lines loss-making', () => {
    const losses = share(rows, (r) => (r[8] as number) < 0);
    expect(losses).toBeGreaterThan(0.3);
    expect(losses).toBeLessThan(0.6);
  });
});
