import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerFromGrain, grainPeriod, loadBridgeGrain } from './bridge-grain-load.ts';
import type { QuerySpec } from './compile.ts';
import { BRIDGE_GRAIN_COLUMNS, type BridgeGrainFile, type Manifest } from './contract.ts';

const PERIODS = [
  { from: '2020-01-01', to: '2020-06-26' },
  { from: '2019-01-01', to: '2019-06-26' },
];
const DATA = { from: '2017-10-04', to: '2020-06-26' };

const spec = (filters: QuerySpec['filters'], dimensions = ['customer']): QuerySpec => ({
  measures: ['revenue'],
  dimensions,
  filters,
});

describe('grainPeriod()', () => {
  it('finds the period a customer or product split asks, however its days are written', () => {
    expect(grainPeriod(spec({ day: PERIODS[0]! }), PERIODS, DATA)).toBe(0);
    expect(grainPeriod(spec({ day: PERIODS[1]! }), PERIODS, DATA)).toBe(1);
    // January to June of a snapshot whose newest day is 26 June: the same days (the source writes it so).
    expect(grainPeriod(spec({ month: { from: '2020-01', to: '2020-06' } }), PERIODS, DATA)).toBe(0);
    expect(grainPeriod(spec({ year: ['2020'] }), PERIODS, DATA)).toBe(0);
    // Filters on the grain's dimensions are fine; grouping by two of them too.
    expect(
      grainPeriod(spec({ day: PERIODS[0]!, market: ['Delhi NCR'] }, ['product_type', 'zone']), PERIODS, DATA),
    ).toBe(0);
    expect(grainPeriod(spec({ day: PERIODS[1]!, customer: ['Atlas Stores'] }, []), PERIODS, DATA)).toBe(1);
  });

  it('answers a period of one market only for that market', () => {
    const month = { from: '2020-02-01', to: '2020-02-29', market: 'Mumbai' };
    const periods = [...PERIODS, month];
    expect(grainPeriod(spec({ day: month, market: ['Mumbai'] }), periods, DATA)).toBe(2);
    expect(grainPeriod(spec({ month: ['2020-02'], market: ['Mumbai'], customer: ['Control'] }), periods, DATA)).toBe(2);
    expect(grainPeriod(spec({ day: month }), periods, DATA)).toBe(-1);
    expect(grainPeriod(spec({ day: month, market: ['Mumbai', 'Nagpur'] }), periods, DATA)).toBe(-1);
    expect(grainPeriod(spec({ day: month, market: ['Nagpur'] }), periods, DATA)).toBe(-1);
  });

  it('leaves other periods, other dimensions and market-only questions alone', () => {
    expect(grainPeriod(spec({ day: { from: '2020-02-01', to: '2020-06-26' } }), PERIODS, DATA)).toBe(-1);
    expect(grainPeriod(spec({ year: ['2019'] }), PERIODS, DATA)).toBe(-1);
    expect(grainPeriod(spec({}), PERIODS, DATA)).toBe(-1);
    expect(grainPeriod(spec({ day: PERIODS[0]! }, ['customer_code']), PERIODS, DATA)).toBe(-1);
    expect(grainPeriod(spec({ day: PERIODS[0]!, month_of_year: [1] }), PERIODS, DATA)).toBe(-1);
    expect(grainPeriod(spec({ day: PERIODS[0]! }, ['customer', 'month']), PERIODS, DATA)).toBe(-1);
    // Markets and zones alone: the month and day files' questions.
    expect(grainPeriod(spec({ day: PERIODS[0]! }, ['market']), PERIODS, DATA)).toBe(-1);
  });
});

function listed(text: string): Manifest {
  return {
    bridge_grain: {
      path: 'v/x/bridge_grain.json',
      rows: 3,
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      periods: PERIODS,
    },
  } as unknown as Manifest;
}

const FILE: BridgeGrainFile = {
  columns: BRIDGE_GRAIN_COLUMNS,
  periods: PERIODS,
  members: {
    market: [
      ['Delhi NCR', 'North'],
      ['Chennai', 'South'],
    ],
    customer: [
      ['Atlas Stores', 'Brick & Mortar'],
      ['Control', 'E-Commerce'],
    ],
    product: [['Prod001', 'Own Brand']],
  },
  rows: [
    [0, 0, 0, 0, 100.25, 2, 1, 10],
    [0, 1, 0, 0, 50.5, 1, 1, -5],
    [1, 0, 1, 0, 70, 3, 2, 7],
  ],
};

describe('loadBridgeGrain() and answerFromGrain()', () => {
  it('answers a period’s split from the rows of that period only, as SQL would', async () => {
    const text = `${JSON.stringify(FILE)}\n`;
    const fetchFn = (async () => new Response(text)) as typeof fetch;
    const grain = (await loadBridgeGrain('https://x/manifest.json', listed(text), fetchFn))!;
    expect(grain.periods).toEqual(PERIODS);
    const now = { measures: ['revenue', 'profit'], dimensions: ['customer'], filters: { day: PERIODS[0]! } };
    expect(answerFromGrain(now, grain, 0)).toEqual([{ customer: 'Atlas Stores', revenue: 150.75, profit: 5 }]);
    const south = { measures: ['revenue'], dimensions: ['zone'], filters: { day: PERIODS[0]!, zone: ['South'] } };
    expect(answerFromGrain(south, grain, 0)).toEqual([{ zone: 'South', revenue: 50.5 }]);
    const before = { measures: ['quantity', 'orders'], dimensions: ['customer_type'], filters: { day: PERIODS[1]! } };
    expect(answerFromGrain(before, grain, 1)).toEqual([{ customer_type: 'E-Commerce', quantity: 3, orders: 2 }]);
  });

  it('is null when the file is not exactly the listed one', async () => {
    const text = `${JSON.stringify(FILE)}\n`;
    const other = `${JSON.stringify({ ...FILE, rows: FILE.rows.slice(1) })}\n`;
    const serve = (body: string) => (async () => new Response(body)) as typeof fetch;
    expect(await loadBridgeGrain('https://x/manifest.json', listed(text), serve(other))).toBeNull();
    const badIndex = `${JSON.stringify({ ...FILE, rows: [...FILE.rows.slice(1), [0, 5, 0, 0, 1, 1, 1, 1]] })}\n`;
    expect(await loadBridgeGrain('https://x/manifest.json', listed(badIndex), serve(badIndex))).toBeNull();
    expect(await loadBridgeGrain('https://x/manifest.json', {} as Manifest, serve(text))).toBeNull();
  });
});
