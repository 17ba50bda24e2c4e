import { AtliqKpi } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-kpi>`: a measure over the current period against the same days a year earlier.
 * Alone: `import { Kpi } from '@atliq/react/kpi'`.
 */
export const Kpi: AtliqComponent<AtliqKpi, 'atliq-kpi'> = wrap('atliq-kpi', AtliqKpi, 'Kpi');
