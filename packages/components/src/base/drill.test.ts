import { expect, test } from 'vitest';
import { canDrill, drillFilters, drillLevel, drillLevels, TIME_HIERARCHY, validPath } from './drill.ts';

const mumbai = { dimension: 'market', member: 'Mumbai', label: 'Mumbai' };
const nova = { dimension: 'customer', member: 'Nova Stores', label: 'Nova Stores' };

test('drillLevels() walks market → customer → product from where `by` starts; other dimensions do not drill', () => {
  expect(drillLevels('market')).toEqual(['market', 'customer', 'product']);
  expect(drillLevels('customer')).toEqual(['customer', 'product']);
  expect(drillLevels('product')).toEqual(['product']);
  expect(drillLevels('zone')).toEqual(['zone']);
});

test('drillLevel() and canDrill() follow the path down to the bottom level', () => {
  expect([drillLevel('market', []), canDrill('market', [])]).toEqual(['market', true]);
  expect([drillLevel('market', [mumbai]), canDrill('market', [mumbai])]).toEqual(['customer', true]);
  expect([drillLevel('market', [mumbai, nova]), canDrill('market', [mumbai, nova])]).toEqual(['product', false]);
  expect([drillLevel('zone', []), canDrill('zone', [])]).toEqual(['zone', false]);
});

test('validPath() keeps the prefix that fits the hierarchy below `by`', () => {
  expect(validPath('market', [mumbai, nova])).toEqual([mumbai, nova]);
  expect(validPath('customer', [mumbai])).toEqual([]);
  expect(validPath('market', [nova, mumbai])).toEqual([]);
  expect(validPath('market', [mumbai, { dimension: 'customer', member: { x: 1 } as never, label: '' }])).toEqual([
    mumbai,
  ]);
  // Nothing can be opened below the bottom level.
  expect(validPath('market', [mumbai, nova, { dimension: 'product', member: 'P1', label: 'P1' }])).toHaveLength(2);
});

test('drillFilters() adds the opened members to the cross-filter, intersecting a dimension both name', () => {
  expect(drillFilters({ year: [2020] }, [mumbai, nova])).toEqual({
    year: [2020],
    market: ['Mumbai'],
    customer: ['Nova Stores'],
  });
  expect(drillFilters({ market: ['Mumbai', 'Delhi NCR'] }, [mumbai])).toEqual({ market: ['Mumbai'] });
  expect(drillFilters({ market: ['Delhi NCR'] }, [mumbai])).toEqual({ market: [] });
});

test('drillLevels() and validPath() follow the hierarchy a chart declares: year → month → day for the trend', () => {
  expect(drillLevels('year', TIME_HIERARCHY)).toEqual(['year', 'month', 'day']);
  expect(drillLevels('month', TIME_HIERARCHY)).toEqual(['month', 'day']);
  expect(drillLevels('day', TIME_HIERARCHY)).toEqual(['day']);
  const y2019 = { dimension: 'year', member: 2019, label: '2019' };
  const mar = { dimension: 'month', member: '2019-03', label: 'Mar 2019' };
  expect([drillLevel('year', [y2019], TIME_HIERARCHY), canDrill('year', [y2019], TIME_HIERARCHY)]).toEqual([
    'month',
    true,
  ]);
  expect(canDrill('year', [y2019, mar], TIME_HIERARCHY)).toBe(false);
  expect(validPath('month', [y2019, mar], TIME_HIERARCHY)).toEqual([]);
  expect(validPath('month', [mar], TIME_HIERARCHY)).toEqual([mar]);
  // The market hierarchy knows nothing of dates.
  expect(validPath('year', [y2019])).toEqual([]);
  expect(drillFilters({ month: { from: '2019-02', to: '2020-01' } }, [y2019, mar])).toEqual({
    month: ['2019-03'],
    year: [2019],
  });
});
