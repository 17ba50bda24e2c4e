import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_THEME, EXTRACT, PROFIT_EXTRACT, statusText } from '../../test/story-sources.ts';
import type { AtliqDashboard } from './dashboard.ts';

interface Args {
  src: string;
}

const dashboardIn = (canvas: HTMLElement) => canvas.querySelector('atliq-dashboard') as AtliqDashboard;

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

/** A market clicked in the revenue chart: every other tile shows that market only. */
export const CrossFiltered: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = dashboardIn(canvasElement);
    const root = dashboard.shadowRoot!;
    const chart = root.querySelector('atliq-revenue-chart')!;
    const kpi = root.querySelector('atliq-kpi')!;
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(1), { timeout: 25_000 });
    await chart.updateComplete;
    chart.shadowRoot!.querySelector('g.mark')!.dispatchEvent(new MouseEvent('click'));
    await waitFor(() => expect(kpi.data?.value).toBeCloseTo(chart.data![0]!.value, 2), { timeout: 10_000 });
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
  render: ({ src }) => html`<div style=${DARK_THEME}><atliq-dashboard src=${src}></atliq-dashboard></div>`,
  play: async ({ canvasElement }) => {
    const root = dashboardIn(canvasElement).shadowRoot!;
    await expect(getComputedStyle(root.querySelector('.tile')!).backgroundColor).toBe('rgb(28, 34, 45)');
  },
};

/** `src` points nowhere: every tile explains the 404. */
export const MissingManifest: Story = {
  args: { src: 'extracts/missing/manifest.json' },
  play: async ({ canvasElement }) => {
    const kpi = dashboardIn(canvasElement).shadowRoot!.querySelector('atliq-kpi')!;
    await waitFor(() => expect(statusText(kpi, 'alert')).toContain('HTTP 404'), { timeout: 10_000 });
  },
};
