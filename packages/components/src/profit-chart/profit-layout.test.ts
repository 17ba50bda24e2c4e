import { expect, test } from 'vitest';
import { marginBars } from './profit-layout.ts';

const data = [
  { label: 'Kochi', margin: -2, revenueShare: 10, profitShare: -5 },
  { label: 'Delhi NCR', margin: 4, revenueShare: 60, profitShare: 80 },
  { label: 'Surat', margin: 1, revenueShare: 30, profitShare: 25 },
];

test('marginBars() diverges around zero, places the target, and flags markets below it with their gap', () => {
  const layout = marginBars(data, { width: 400, labelWidth: 60, target: 2 });
  expect(layout.bars.map((b) => b.label)).toEqual(['Delhi NCR', 'Surat', 'Kochi']);
  expect(layout.bars.map((b) => b.below)).toEqual([false, true, true]);
  expect(layout.bars.map((b) => b.gap)).toEqual([2, -1, -4]);
  const [delhi, surat, kochi] = layout.bars;
  expect(delhi!.x).toBeCloseTo(layout.zeroX, 9);
  expect(kochi!.x + kochi!.width).toBeCloseTo(layout.zeroX, 9);
  expect(layout.targetX).toBeGreaterThan(surat!.x + surat!.width);
  expect(layout.targetX).toBeLessThan(delhi!.x + delhi!.width);
});

test('marginBars() keeps room for the value label of a loss between the names and the bar', () => {
  const layout = marginBars(data, { width: 400, labelWidth: 60, target: 2 });
  const kochi = layout.bars.find((b) => b.label === 'Kochi')!;
  expect(kochi.x - layout.labelX).toBeGreaterThanOrEqual(48);
});
