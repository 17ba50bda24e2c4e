import type { Filters, QuerySpec, Row } from '@atliq/sdk';

/**
 * {@link dashboardSpecs} cross-filtered by the market with the most revenue and its zone, as `ask` (an engine, the
 * service) answers which that is.
 */
export async function topMarketSpecs(
  asOf: string,
  ask: (spec: QuerySpec) => Promise<readonly Row[]>,
): Promise<QuerySpec[]> {
  const [top] = await ask({
    measures: ['revenue'],
    dimensions: ['market', 'zone'],
    sort: [{ field: 'revenue', order: 'desc' }],
    limit: 1,
  });
  if (!top) throw new Error('no market has revenue: the dashboard has nothing to cross-filter by');
  return dashboardSpecs(asOf, String(top['market']), String(top['zone']));
}

/**
 * The queries the default dashboard (`defaultLayout` in packages/components/src/dashboard/default-layout.ts) sends,
 * listed from the components' code for an extract whose newest day is `asOf` (`YYYY-MM-DD`): the first paint with no
 * cross-filter and the year to date against the same days a year before, then the same charts cross-filtered by a
 * market and a zone, as a click on a bar or a slicer sends them.
 */
export function dashboardSpecs(asOf: string, market: string, zone: string): QuerySpec[] {
  const year = Number(asOf.slice(0, 4));
  const current = { day: { from: `${year}-01-01`, to: asOf } };
  const baseline = { day: { from: `${year - 1}-01-01`, to: `${year - 1}${asOf.slice(4)}` } };
  // Whole months of a day range, as the month rollups answer them (snapshot-days.ts `daysAsMonths`).
  const months = { month: { from: `${year}-01`, to: asOf.slice(0, 7) } };
  const crossFilters: Filters[] = [{}, { market: [market] }, { zone: [zone] }, { market: [market], year: [year] }];
  const specs: QuerySpec[] = [
    // filter-bar.ts `optionsQuery`: each slicer's members, once each.
    ...['year', 'month_of_year', 'market', 'zone', 'customer_type'].map((d) => ({
      measures: [],
      dimensions: [d],
      sort: [{ field: d }],
    })),
    // data-status.ts: the extract's total.
    { measures: ['revenue'] },
  ];
  for (const cross of crossFilters) {
    // A period replaces the cross-filter's period conditions (period.ts `withDays`), keeping the others.
    const { year: _y, month: _m, day: _d, ...others } = cross;
    const period = (p: Filters): Filters => ({ ...others, ...p });
    specs.push(
      // kpi-query.ts: each KPI's value over the current period and over the baseline.
      ...['revenue', 'quantity', 'profit', 'margin'].flatMap((m) => [
        { measures: [m], filters: period(current) },
        { measures: [m], filters: period(baseline) },
        { measures: [m], filters: period(months) },
      ]),
      // revenue-query.ts: revenue by market, and against the baseline (compare).
      { measures: ['revenue'], dimensions: ['market'], filters: cross },
      { measures: ['revenue'], dimensions: ['market'], filters: period(current) },
      { measures: ['revenue'], dimensions: ['market'], filters: period(baseline) },
      // trend-query.ts: revenue by month, and last year's months for a period filter.
      { measures: ['revenue'], dimensions: ['month'], filters: cross },
      {
        measures: ['revenue'],
        dimensions: ['month'],
        filters: period({ month: { from: `${year - 1}-01`, to: `${year - 1}-12` } }),
      },
      { measures: ['revenue'], dimensions: ['day'], filters: period({ month: [asOf.slice(0, 7)] }) },
      // top-query.ts: customers, and products with their type (the list keeps the top five).
      { measures: ['revenue'], dimensions: ['customer'], filters: cross },
      { measures: ['revenue'], dimensions: ['product', 'product_type'], filters: cross },
      // profit-query.ts: margins and shares by market over the current period, and last year's margin.
      { measures: ['margin', 'revenue_share', 'profit_share'], dimensions: ['market'], filters: period(current) },
      { measures: ['margin'], filters: period(baseline) },
      // change-insights.ts, other-insights.ts: the bridges, concentration, leaks and trend series.
      ...['market', 'zone', 'customer_type', 'product_type', 'customer'].flatMap((d) => [
        { measures: ['revenue'], dimensions: [d], filters: period(current) },
        { measures: ['revenue'], dimensions: [d], filters: period(baseline) },
      ]),
      {
        measures: ['revenue'],
        dimensions: ['customer'],
        filters: period(current),
        sort: [{ field: 'revenue', order: 'desc' as const }],
      },
      { measures: ['revenue', 'profit', 'margin'], dimensions: ['market'], filters: period(current) },
      {
        measures: ['revenue'],
        dimensions: ['month', 'market'],
        filters: { ...cross, month: { from: '0000-01', to: asOf.slice(0, 7) } },
      },
    );
  }
  return specs;
}

/** Cases the dashboard rarely sends, where the engines' defaults differ unless the compiler says what DuckDB does. */
export const EDGE_SPECS: readonly [what: string, spec: QuerySpec][] = [
  ['an empty list matches nothing', { measures: ['revenue', 'orders', 'quantity'], filters: { zone: [] } }],
  ['nothing found: NULL sums, a count of 0', { measures: ['revenue', 'orders', 'margin'], filters: { year: [1900] } }],
  ['NULL members group and sort last', { measures: ['orders', 'revenue_share'], dimensions: ['zone'] }],
  [
    'ties broken by the dimensions, limited after sorting',
    {
      measures: ['orders'],
      dimensions: ['customer_type', 'year'],
      sort: [{ field: 'orders', order: 'desc' }],
      limit: 3,
    },
  ],
  [
    'ranges on numbers and on text',
    {
      measures: ['avg_price'],
      dimensions: ['month_of_year'],
      filters: { year: { from: 2018, to: '2019' }, month: { from: '2018-03', to: '2019-10' } },
    },
  ],
  [
    'members asked as text for a numeric dimension',
    { measures: ['quantity'], dimensions: ['year'], filters: { year: ['2019', 2020] } },
  ],
];
