/**
 * @atliq/react — the `<atliq-*>` web components as React components (React 18 and 19), made with `@lit/react`:
 * props set the elements' properties, `on…` props listen to their events with typed details, and `ref` is the
 * element. Importing this module defines every `atliq-*` tag that is not defined yet.
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
} from '@atliq/components/elements';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { onDrill, onError, onFilterChange, onSelect, onTargetChange } from './events.ts';

export type {
  AtliqDrillDetail,
  AtliqErrorDetail,
  AtliqFilterChangeDetail,
  AtliqSelectDetail,
  AtliqTargetChangeDetail,
} from '@atliq/components/elements';
export type { AtliqEvent } from './events.ts';

/**
 * Defines `tagName` (unless the page already did, e.g. with the `atliq.js` script tag) and wraps it. Nothing is
 * defined on a server, where there is no `customElements`: the elements render in the browser only.
 */
function wrap<I extends HTMLElement, E extends Record<string, EventName>>(
  tagName: string,
  elementClass: new () => I,
  displayName: string,
  events: E,
) {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) {
    customElements.define(tagName, elementClass);
  }
  return createComponent({ react: React, tagName, elementClass, events, displayName });
}

const charts = { onSelect, onDrill, onError };

/** `<atliq-dashboard>`: one extract and one cross-filter for everything inside; hears the events of its children. */
export const Dashboard = wrap('atliq-dashboard', AtliqDashboard, 'Dashboard', {
  onSelect,
  onFilterChange,
  onTargetChange,
  onDrill,
  onError,
});
/** `<atliq-data-status>`: how fresh and how complete the extract is. */
export const DataStatus = wrap('atliq-data-status', AtliqDataStatus, 'DataStatus', { onError });
/** `<atliq-filter-bar>`: the slicers (and the profit target control). */
export const FilterBar = wrap('atliq-filter-bar', AtliqFilterBar, 'FilterBar', {
  onFilterChange,
  onTargetChange,
  onError,
});
/** `<atliq-insights>`: what changed and why; clicking one selects its member. */
export const Insights = wrap('atliq-insights', AtliqInsights, 'Insights', { onSelect, onError });
/** `<atliq-kpi>`: a measure over the current period against the same days a year earlier. */
export const Kpi = wrap('atliq-kpi', AtliqKpi, 'Kpi', { onError });
/** `<atliq-profit-chart>`: profit margin by market against the target. */
export const ProfitChart = wrap('atliq-profit-chart', AtliqProfitChart, 'ProfitChart', charts);
/** `<atliq-revenue-chart>`: a measure by a dimension, as bars. */
export const RevenueChart = wrap('atliq-revenue-chart', AtliqRevenueChart, 'RevenueChart', charts);
/** `<atliq-top-list>`: the top members of a dimension. */
export const TopList = wrap('atliq-top-list', AtliqTopList, 'TopList', charts);
/** `<atliq-trend-chart>`: a measure over time. */
export const TrendChart = wrap('atliq-trend-chart', AtliqTrendChart, 'TrendChart', charts);
