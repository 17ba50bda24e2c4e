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

import { AtliqDashboard } from './dashboard/dashboard.ts';
import { AtliqDataStatus } from './data-status/data-status.ts';
import { AtliqFilterBar } from './filter-bar/filter-bar.ts';
import { AtliqInsights } from './insights/insights.ts';
import { AtliqKpi } from './kpi/kpi.ts';
import { AtliqProfitChart } from './profit-chart/profit-chart.ts';
import { AtliqRevenueChart } from './revenue-chart/revenue-chart.ts';
import { AtliqTopList } from './top-list/top-list.ts';
import { AtliqTrendChart } from './trend-chart/trend-chart.ts';

export type { Insight, InsightKind, InsightMath, Tone } from './insights/insights.ts';
export type { KpiMeasure } from './kpi/kpi.ts';
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

/**
 * Every element by its tag: the one list that `@atliq/components` registers and `@atliq/react` types its JSX tags
 * from. Using it brings in every element; a page that wants one imports that class alone.
 */
export const ATLIQ_ELEMENTS = {
  'atliq-dashboard': AtliqDashboard,
  'atliq-data-status': AtliqDataStatus,
  'atliq-filter-bar': AtliqFilterBar,
  'atliq-insights': AtliqInsights,
  'atliq-kpi': AtliqKpi,
  'atliq-profit-chart': AtliqProfitChart,
  'atliq-revenue-chart': AtliqRevenueChart,
  'atliq-top-list': AtliqTopList,
  'atliq-trend-chart': AtliqTrendChart,
} as const;

/** The tag of an `<atliq-*>` element. */
export type AtliqTagName = keyof typeof ATLIQ_ELEMENTS;
