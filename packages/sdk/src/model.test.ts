import { describe, expect, test } from 'vitest';
import { MONTH_MARKET_COLUMNS, TABLES } from './contract.ts';
import { CUBE_MEASURES } from './cube-answer.ts';
import { BASE_MEASURES, columnsOf, MEASURES, type MeasureName, STORED } from './model.ts';

const names = Object.keys(MEASURES) as MeasureName[];

describe('the model of stored columns', () => {
  test("STORED lists every column both rollups keep after their grain, in the contract's order", () => {
    expect(Object.keys(TABLES.agg_sales_month.columns)).toEqual([
      'year',
      'month',
      'market_code',
      'customer_code',
      'product_code',
      ...Object.keys(STORED),
    ]);
    expect(Object.keys(TABLES.agg_sales_month_market.columns)).toEqual([
      'year',
      'month',
      'market_code',
      ...Object.keys(STORED),
    ]);
  });

  test('every stored column a measure reads has a base measure, so cubes and month_market.json carry it', () => {
    for (const m of names) {
      for (const column of columnsOf(MEASURES[m].aggregate))
        expect(BASE_MEASURES.has(column), `${m}: ${column}`).toBe(true);
    }
    expect(CUBE_MEASURES).toEqual(['revenue', 'quantity', 'orders', 'profit']);
    expect(MONTH_MARKET_COLUMNS).toEqual([
      'year',
      'month',
      'market',
      'zone',
      'revenue',
      'sales_qty',
      'orders',
      'profit',
    ]);
  });

  test('a measure requires what the stored columns it reads require: profit, for profit, margin and profit share', () => {
    expect(names.filter((m) => MEASURES[m].requires === 'profit')).toEqual(['profit', 'margin', 'profit_share']);
    expect(names.filter((m) => MEASURES[m].requires !== undefined && MEASURES[m].requires !== 'profit')).toEqual([]);
  });
});
