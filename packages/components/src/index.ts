/**
 * @atliq/components — one script tag registers every `<atliq-*>` element:
 * `<script type="module" src=".../atliq.js"></script>` then `<atliq-dashboard src="extracts/manifest.json">`.
 */
import { AtliqDashboard } from './dashboard/dashboard.ts';
import { AtliqDataStatus } from './data-status/data-status.ts';
import { AtliqFilterBar } from './filter-bar/filter-bar.ts';
import { AtliqInsights } from './insights/insights.ts';
import { AtliqKpi } from './kpi/kpi.ts';
import { AtliqProfitChart } from './profit-chart/profit-chart.ts';
import { AtliqRevenueChart } from './revenue-chart/revenue-chart.ts';
import { AtliqTopList } from './top-list/top-list.ts';
import { AtliqTrendChart } from './trend-chart/trend-chart.ts';

export type { DrillStep } from './base/drill.ts';
export type {
  AtliqDrillDetail,
  AtliqErrorDetail,
  AtliqEventMap,
  AtliqFilterChangeDetail,
  AtliqSelectDetail,
  AtliqTargetChangeDetail,
} from './base/events.ts';
export type { Insight, InsightKind, InsightMath, Tone } from './insights/insights.ts';
export {
  AtliqDashboard,
  AtliqDataStatus,
  AtliqFilterBar,
  AtliqInsights,
  AtliqKpi,
  AtliqProfitChart,
  AtliqRevenueChart,
  AtliqTopList,
  AtliqTrendChart,
};

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
