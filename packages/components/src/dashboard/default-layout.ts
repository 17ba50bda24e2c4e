import { html, type TemplateResult } from 'lit';

/**
 * The full Sales Insights dashboard: filters, then the story — what changed and why, the headline first — then, as
 * the original Power BI report arranged them, the KPIs, revenue by market and
 * its change against last year or the previous period (in place of the report's quantity by market, which repeated the revenue ranking),
 * the trend, the top five customers and products, profit against its target, and whether the
 * numbers can be trusted. Charts that select carry ids, so a cross-filter kept in the URL hash finds them again. The
 * filter bar's control starts at `target` (empty: last year's margin); the profit chart follows the dashboard's target
 * through its context.
 */
export function defaultLayout(target: string, comparison: string): TemplateResult {
  // The KPIs, the compare chart and the insights all compare with what the dashboard's `comparison` names.
  const baseline = comparison.trim() === 'previous' ? 'the previous period' : 'last year';
  return html`
    <atliq-filter-bar id="filters" class="tile" data-span="full" target=${target} target-control>
    </atliq-filter-bar>
    <section class="tile" data-span="full"><h2>What changed</h2>
      <atliq-insights id="insights" max="5"></atliq-insights></section>
    <atliq-kpi class="tile" data-span="quarter" measure="revenue"></atliq-kpi>
    <atliq-kpi class="tile" data-span="quarter" measure="quantity"></atliq-kpi>
    <atliq-kpi class="tile" data-span="quarter" measure="profit"></atliq-kpi>
    <atliq-kpi class="tile" data-span="quarter" measure="margin"></atliq-kpi>
    <section class="tile" data-span="half"><h2>Revenue by market</h2>
      <atliq-revenue-chart id="revenue-by-market" by="market" measure="revenue"></atliq-revenue-chart></section>
    <section class="tile" data-span="half"><h2>Revenue against ${baseline} by market</h2>
      <atliq-revenue-chart id="revenue-change-by-market" by="market" measure="revenue" compare></atliq-revenue-chart>
    </section>
    <section class="tile" data-span="full"><h2>Revenue trend</h2>
      <atliq-trend-chart id="trend" grain="month" measure="revenue"></atliq-trend-chart></section>
    <section class="tile" data-span="half"><h2>Top 5 customers</h2>
      <atliq-top-list id="top-customers" by="customer" n="5"></atliq-top-list></section>
    <section class="tile" data-span="half"><h2>Top 5 products</h2>
      <atliq-top-list id="top-products" by="product" n="5"></atliq-top-list></section>
    <section class="tile" data-span="full"><h2>Profit margin by market</h2>
      <atliq-profit-chart id="profit"></atliq-profit-chart></section>
    <atliq-data-status class="tile" data-span="full"></atliq-data-status>
  `;
}
