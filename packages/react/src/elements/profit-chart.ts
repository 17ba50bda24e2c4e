import { AtliqProfitChart } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-profit-chart>`: profit margin by market against the target.
 * Alone: `import { ProfitChart } from '@atliq/react/profit-chart'`.
 */
export const ProfitChart: AtliqComponent<AtliqProfitChart, 'atliq-profit-chart'> = wrap(
  'atliq-profit-chart',
  AtliqProfitChart,
  'ProfitChart',
);
