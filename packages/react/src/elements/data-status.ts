import { AtliqDataStatus } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-data-status>`: how fresh and how complete the extract is.
 * Alone: `import { DataStatus } from '@atliq/react/data-status'`.
 */
export const DataStatus: AtliqComponent<AtliqDataStatus, 'atliq-data-status'> = wrap(
  'atliq-data-status',
  AtliqDataStatus,
  'DataStatus',
);
