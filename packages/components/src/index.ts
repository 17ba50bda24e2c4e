/**
 * @atliq/components — one script tag registers every `<atliq-*>` element:
 * `<script type="module" src=".../atliq.js"></script>` then `<atliq-dashboard src="extracts/manifest.json">`.
 * The same from a bundler: `import '@atliq/components'`. The classes alone, unregistered: `@atliq/components/elements`.
 */
import {
  AtliqDashboard,
  AtliqDataStatus,
  AtliqFilterBar,
  AtliqInsights,
  AtliqKpi,
  AtliqProfitChart,
  AtliqRevenueChart,
  AtliqTopList,
  AtliqTrendChart,
} from './elements.ts';

/** Where the engine's files are served from, when not beside the bundle: see `setEngineFiles` in @atliq/sdk. */
export { setEngineFiles } from '@atliq/sdk';
export * from './elements.ts';

const elements: Record<string, CustomElementConstructor> = {
  'atliq-dashboard': AtliqDashboard,
  'atliq-data-status': AtliqDataStatus,
  'atliq-filter-bar': AtliqFilterBar,
  'atliq-insights': AtliqInsights,
  'atliq-kpi': AtliqKpi,
  'atliq-profit-chart': AtliqProfitChart,
  'atliq-revenue-chart': AtliqRevenueChart,
  'atliq-top-list': AtliqTopList,
  'atliq-trend-chart': AtliqTrendChart,
};

/** Defined only once: a page may load the bundle twice (two widgets, each with its own script tag). */
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
