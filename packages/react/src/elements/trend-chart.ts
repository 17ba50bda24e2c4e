import { AtliqTrendChart } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/** `<atliq-trend-chart>`: a measure over time. Alone: `import { TrendChart } from '@atliq/react/trend-chart'`. */
export const TrendChart: AtliqComponent<AtliqTrendChart, 'atliq-trend-chart'> = wrap(
  'atliq-trend-chart',
  AtliqTrendChart,
  'TrendChart',
);
