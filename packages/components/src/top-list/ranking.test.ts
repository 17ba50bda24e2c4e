import { expect, test } from 'vitest';
import { rank } from './ranking.ts';

test('rank() keeps the largest n, shares of the whole total, extents relative to the first', () => {
  const rows = [
    { customer: 'B', revenue: 200 },
    { customer: 'A', revenue: 200 },
    { customer: 'C', revenue: 100 },
    { customer: null, revenue: 500 },
    { customer: 'D', revenue: 0 },
  ];
  expect(rank(rows, 'customer', 'revenue', 2)).toEqual([
    { rank: 1, member: 'A', label: 'A', value: 200, share: 40, extent: 1 },
    { rank: 2, member: 'B', label: 'B', value: 200, share: 40, extent: 1 },
  ]);
  expect(rank(rows, 'customer', 'revenue', 5).map((r) => r.extent)).toEqual([1, 1, 0.5, 0]);
});
