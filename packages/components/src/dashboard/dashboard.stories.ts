import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_PAGE, EMPTY, EXTRACT, LOADING, MISSING, PROFIT_EXTRACT, statusText } from '../../test/story-sources.ts';
import { loaded } from '../../test/story-states.ts';
import type { AtliqDashboard } from './dashboard.ts';

interface Args {
  src: string;
}

const dashboardIn = (canvas: HTMLElement) => canvas.querySelector('atliq-dashboard') as AtliqDashboard;
/** The components of the default layout, in order. */
const tilesOf = (dashboard: AtliqDashboard) =>
  [...dashboard.shadowRoot!.querySelectorAll('*')].filter((el) => el.localName.startsWith('atliq-'));
const stateOf = (el: Element) => el.shadowRoot?.querySelector('[part~="status"]')?.getAttribute('data-state');

const meta = {
  title: 'Dashboard/Dashboard',
  component: 'atliq-dashboard',
  args: { src: EXTRACT },
  parameters: { layout: 'fullscreen' },
  render: ({ src }) => html`<atliq-dashboard src=${src} style="padding: 16px"></atliq-dashboard>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The full Sales Insights dashboard: what the sales director opens. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const root = dashboardIn(canvasElement).shadowRoot!;
    const kpi = root.querySelector('atliq-kpi')!;
    await waitFor(() => expect(kpi.data?.value).toBeGreaterThan(0), { timeout: 25_000 });
    await expect(root.querySelectorAll('atliq-revenue-chart')).toHaveLength(2);
  },
};

/** An extract with profit columns: profit and margin KPIs, the profit chart and the filter bar's target. */
export const WithProfit: Story = {
  args: { src: PROFIT_EXTRACT },
  play: async ({ canvasElement }) => {
    const root = dashboardIn(canvasElement).shadowRoot!;
    const chart = root.querySelector('atliq-profit-chart')!;
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(1), { timeout: 25_000 });
    const bar = root.querySelector('atliq-filter-bar')!;
    await waitFor(() => expect(bar.shadowRoot!.querySelector('input[name="target"]')).toBeTruthy(), {
      timeout: 25_000,
    });
  },
};

/** While the manifest and the engine load: every tile says it is loading, none shows an error or a zero. */
export const Loading: Story = {
  args: { src: LOADING },
  play: async ({ canvasElement }) => {
    const dashboard = dashboardIn(canvasElement);
    await dashboard.updateComplete;
    const tiles = tilesOf(dashboard);
    await expect(tiles.map((el) => el.localName)).toEqual([
      'atliq-filter-bar',
      'atliq-insights',
      ...Array(4).fill('atliq-kpi'),
      'atliq-revenue-chart',
      'atliq-revenue-chart',
      'atliq-trend-chart',
      'atliq-top-list',
      'atliq-top-list',
      'atliq-profit-chart',
      'atliq-data-status',
    ]);
    await waitFor(() => expect(tiles.map(stateOf)).toEqual(tiles.map(() => 'loading')), { timeout: 10_000 });
    await expect(statusText(tiles[1]!, 'status')).toBe('Looking for insights…');
    await expect(statusText(tiles[2]!, 'status')).toBe('Loading revenue…');
  },
};

/** An extract whose queries find no rows: each tile says so in its own words instead of drawing zeros. */
export const Empty: Story = {
  args: { src: EMPTY },
  play: async ({ canvasElement }) => {
    const root = dashboardIn(canvasElement).shadowRoot!;
    const revenue = root.querySelector('atliq-revenue-chart')!;
    await waitFor(() => expect(statusText(revenue, 'status')).toBe('No revenue in this extract.'), { timeout: 25_000 });
    const list = root.querySelector('atliq-top-list')!;
    await waitFor(() => expect(statusText(list, 'status')).toBe('Nothing sold for the current filters.'), {
      timeout: 25_000,
    });
    const kpi = root.querySelector('atliq-kpi')!;
    await waitFor(() => expect(kpi.shadowRoot!.querySelector('[part="value"]')?.textContent?.trim()).toBe('—'), {
      timeout: 25_000,
    });
  },
};

/**
 * The extract was published without profit columns: the profit and margin tiles and the profit chart say profit is
 * not available in this source (not an error), the filter bar offers no profit target, and the rest works.
 */
export const ProfitUnavailable: Story = {
  args: { src: EXTRACT },
  play: async ({ canvasElement }) => {
    const root = dashboardIn(canvasElement).shadowRoot!;
    const [revenue, , profit, margin] = root.querySelectorAll('atliq-kpi');
    await waitFor(() => expect(statusText(profit!, 'status')).toContain('Profit is not available in this source'), {
      timeout: 25_000,
    });
    await waitFor(() => expect(statusText(margin!, 'status')).toContain('Margin is not available in this source'), {
      timeout: 25_000,
    });
    const chart = root.querySelector('atliq-profit-chart')!;
    await waitFor(() => expect(statusText(chart, 'status')).toMatch(/^Not available in this source/), {
      timeout: 25_000,
    });
    for (const tile of [profit!, margin!, chart]) await expect(stateOf(tile)).toBe('unavailable');
    await waitFor(() => expect(revenue!.data?.value).toBeGreaterThan(0), { timeout: 25_000 });
    const bar = root.querySelector('atliq-filter-bar')!;
    await loaded(bar);
    await expect(bar.shadowRoot!.querySelector('select')).not.toBeNull();
    await expect(bar.shadowRoot!.querySelector('input[name="target"]')).toBeNull();
  },
};

/** A market clicked in the revenue chart: every other tile shows that market only. */
export const CrossFiltered: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = dashboardIn(canvasElement);
    const root = dashboard.shadowRoot!;
    const chart = root.querySelector('atliq-revenue-chart')!;
    const kpi = root.querySelector('atliq-kpi')!;
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(1), { timeout: 25_000 });
    await chart.updateComplete;
    const before = await waitFor(() => kpi.data!.value!, { timeout: 25_000 });
    chart.shadowRoot!.querySelector('g.mark')!.dispatchEvent(new MouseEvent('click'));
    // The KPI now counts the clicked market's year to date: less than the market's bar, which spans every year.
    await waitFor(() => expect(kpi.data?.value).toBeLessThan(before), { timeout: 10_000 });
    await expect(kpi.data!.value!).toBeLessThan(chart.data![0]!.value);
    await expect(kpi.data!.period).toBe('1 Jan–26 Jun 2020');
  },
};

/** Host-chosen layout: slotted components, sized with data-span. */
export const CustomLayout: Story = {
  render: ({ src }) => html`<atliq-dashboard src=${src} style="padding: 16px">
    <atliq-kpi data-span="third" measure="revenue"></atliq-kpi>
    <atliq-kpi data-span="third" measure="quantity"></atliq-kpi>
    <atliq-kpi data-span="third" measure="orders"></atliq-kpi>
    <atliq-revenue-chart data-span="full" by="zone"></atliq-revenue-chart>
  </atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const dashboard = dashboardIn(canvasElement);
    await dashboard.updateComplete;
    await expect(dashboard.shadowRoot!.querySelector('atliq-kpi')).toBeNull();
    const kpis = canvasElement.querySelectorAll('atliq-kpi');
    await waitFor(() => expect(kpis[2]!.data?.value).toBeGreaterThan(0), { timeout: 25_000 });
  },
};

/** Themed for a dark intranet page. */
export const DarkTheme: Story = {
  render: ({ src }) => html`<div style=${DARK_PAGE}><atliq-dashboard theme="dark" src=${src}></atliq-dashboard></div>`,
  play: async ({ canvasElement }) => {
    const root = dashboardIn(canvasElement).shadowRoot!;
    await expect(getComputedStyle(root.querySelector('.tile')!).backgroundColor).toBe('rgb(28, 34, 45)');
  },
};

/** `src` points nowhere: every tile explains the 404. */
export const MissingManifest: Story = {
  args: { src: MISSING },
  play: async ({ canvasElement }) => {
    const kpi = dashboardIn(canvasElement).shadowRoot!.querySelector('atliq-kpi')!;
    await waitFor(() => expect(statusText(kpi, 'alert')).toContain('HTTP 404'), { timeout: 10_000 });
  },
};
