import { AtliqInsights } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/**
 * `<atliq-insights>`: what changed and why; clicking one selects its member.
 * Alone: `import { Insights } from '@atliq/react/insights'`.
 */
export const Insights: AtliqComponent<AtliqInsights, 'atliq-insights'> = wrap(
  'atliq-insights',
  AtliqInsights,
  'Insights',
);
