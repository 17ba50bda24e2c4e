import { AtliqFilterBar } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-filter-bar>`: the slicers (and the profit target control).
 * Alone: `import { FilterBar } from '@atliq/react/filter-bar'`.
 */
export const FilterBar: AtliqComponent<AtliqFilterBar, 'atliq-filter-bar'> = wrap(
  'atliq-filter-bar',
  AtliqFilterBar,
  'FilterBar',
);
