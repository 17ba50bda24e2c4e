import { AtliqRevenueChart } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-revenue-chart>`: a measure by a dimension, as bars.
 * Alone: `import { RevenueChart } from '@atliq/react/revenue-chart'`.
 */
export const RevenueChart: AtliqComponent<AtliqRevenueChart, 'atliq-revenue-chart'> = wrap(
  'atliq-revenue-chart',
  AtliqRevenueChart,
  'RevenueChart',
);
