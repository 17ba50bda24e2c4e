/**
 * @atliq/react — the `<atliq-*>` web components as React components (React 18 and 19), made with `@lit/react`:
 * props set the elements' properties, `on…` props listen to their events with typed details, and `ref` is the
 * element. Importing this module defines every `atliq-*` tag that is not defined yet; a page that uses one wrapper
 * imports it alone (`@atliq/react/kpi`), which defines and bundles that element only.
 */
export type {
  AtliqDrillDetail,
  AtliqErrorDetail,
  AtliqFilterChangeDetail,
  AtliqSelectDetail,
  AtliqTargetChangeDetail,
} from '@atliq/components/elements';
export * from './elements/dashboard.ts';
export * from './elements/data-status.ts';
export * from './elements/filter-bar.ts';
export * from './elements/insights.ts';
export * from './elements/kpi.ts';
export * from './elements/profit-chart.ts';
export * from './elements/revenue-chart.ts';
export * from './elements/top-list.ts';
export * from './elements/trend-chart.ts';
export type { AtliqEvent } from './events.ts';
