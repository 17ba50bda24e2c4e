/**
 * @atliq/components — one script tag registers every `<atliq-*>` element:
 * `<script type="module" src=".../atliq.js"></script>` then `<atliq-revenue-chart src="extracts/manifest.json">`.
 */
import { AtliqRevenueChart } from './revenue-chart/revenue-chart.ts';

export type { AtliqErrorDetail, AtliqEventMap } from './base/events.ts';
export { AtliqRevenueChart };

/** Defined only once: a page may load the bundle twice (two widgets, each with its own script tag). */
if (!customElements.get('atliq-revenue-chart')) customElements.define('atliq-revenue-chart', AtliqRevenueChart);
