/**
 * @atliq/components/elements — the element classes without registering them, for a page that defines its own tags
 * (`customElements.define('my-kpi', AtliqKpi)`), or imports only the elements it uses so the rest stays out of its
 * bundle. `@atliq/components` (or `atliq.js`) defines every one under its `atliq-*` tag.
 */
export type { DrillStep } from './base/drill.ts';
export type {
  AtliqDrillDetail,
  AtliqErrorDetail,
  AtliqEventMap,
  AtliqFilterChangeDetail,
  AtliqSelectDetail,
  AtliqTargetChangeDetail,
} from './base/events.ts';
export { AtliqDashboard } from './dashboard/dashboard.ts';
export { AtliqDataStatus } from './data-status/data-status.ts';
export { AtliqFilterBar } from './filter-bar/filter-bar.ts';
export { AtliqInsights, type Insight, type InsightKind, type InsightMath, type Tone } from './insights/insights.ts';
export { AtliqKpi } from './kpi/kpi.ts';
export { AtliqProfitChart } from './profit-chart/profit-chart.ts';
export { AtliqRevenueChart } from './revenue-chart/revenue-chart.ts';
export { AtliqTopList } from './top-list/top-list.ts';
export { AtliqTrendChart } from './trend-chart/trend-chart.ts';
