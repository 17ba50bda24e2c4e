import { AtliqDashboard } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-dashboard>`: one extract and one cross-filter for everything inside; hears the events of its children.
 * Alone: `import { Dashboard } from '@atliq/react/dashboard'`.
 */
export const Dashboard: AtliqComponent<AtliqDashboard, 'atliq-dashboard'> = wrap(
  'atliq-dashboard',
  AtliqDashboard,
  'Dashboard',
);
