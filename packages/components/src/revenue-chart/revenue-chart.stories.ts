import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_THEME, EMPTY, EXTRACT, LOADING } from '../../test/story-sources.ts';
import type { AtliqRevenueChart } from './revenue-chart.ts';

interface Args {
  src: string;
  by: string;
}

const chartIn = (canvas: HTMLElement) => canvas.querySelector('atliq-revenue-chart') as AtliqRevenueChart;
const statusText = (chart: AtliqRevenueChart, role: 'status' | 'alert') =>
  chart.shadowRoot?.querySelector(`[role="${role}"]`)?.textContent ?? '';

const meta = {
  title: 'Charts/Revenue chart',
  component: 'atliq-revenue-chart',
  args: { src: EXTRACT, by: 'market' },
  argTypes: {
    by: { control: 'select', options: ['market', 'zone', 'customer_type', 'product_type', 'year'] },
  },
  render: ({ src, by }) =>
    html`<atliq-revenue-chart src=${src} by=${by} style="max-width: 720px"></atliq-revenue-chart>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Revenue by market from the published test extract, largest first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
    await chart.updateComplete;
    const data = chart.data!;
    const values = data.map((d) => d.value);
    await expect(values).toEqual([...values].sort((a, b) => b - a));
    const root = chart.shadowRoot!;
    await expect(root.querySelectorAll('rect.bar')).toHaveLength(data.length);
    await expect(root.querySelector('text.label')?.textContent).toBe(data[0]!.label);
    await expect(root.querySelectorAll('tbody tr')).toHaveLength(data.length);
  },
};

/** Grouped by zone instead of market. */
export const ByZone: Story = { args: { by: 'zone' } };

/** While the manifest and the engine load. */
export const Loading: Story = {
  args: { src: LOADING },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await chart.updateComplete;
    await expect(statusText(chart, 'status')).toBe('Loading revenue…');
  },
};

/** The query ran and found no revenue. */
export const Empty: Story = {
  args: { src: EMPTY },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(statusText(chart, 'status')).toBe('No revenue in this extract.'), { timeout: 10_000 });
  },
};

/** The manifest is not where `src` points: the chart says so and what to check. */
export const MissingManifest: Story = {
  args: { src: 'extracts/missing/manifest.json' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(statusText(chart, 'alert')).toMatch(/No extract at .*\(HTTP 404\)\. Check the src/));
  },
};

/** A typo in `by`: explained, and nothing is loaded. */
export const UnknownDimension: Story = {
  args: { by: 'city' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(statusText(chart, 'alert')).toContain('Unknown dimension "city"'));
  },
};

/** Themed through CSS custom properties, on a dark surface. */
export const DarkTheme: Story = {
  render: ({ src, by }) => html`
    <div style="${DARK_THEME} max-width: 720px;">
      <atliq-revenue-chart src=${src} by=${by}></atliq-revenue-chart>
    </div>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
    await chart.updateComplete;
    const bar = chart.shadowRoot!.querySelector('rect.bar')!;
    await expect(getComputedStyle(bar).fill).toBe('rgb(110, 168, 255)');
  },
};

/** Quantity instead of revenue, top three markets only. */
export const QuantityTop3: Story = {
  render: ({ src }) =>
    html`<atliq-revenue-chart src=${src} by="market" measure="quantity" top="3" style="max-width: 720px"></atliq-revenue-chart>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data).toHaveLength(3), { timeout: 25_000 });
    await chart.updateComplete;
    await expect(chart.shadowRoot!.querySelector('caption')?.textContent).toBe('Quantity by market, largest first');
  },
};

/** A member selected (click or Enter): the others are dimmed, and the selection filters the rest of a dashboard. */
export const Selected: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(1), { timeout: 25_000 });
    await chart.updateComplete;
    chart.shadowRoot!.querySelectorAll('g.mark')[1]!.dispatchEvent(new MouseEvent('click'));
    await waitFor(() => expect(chart.selected).toBe(chart.data![1]!.member));
    await chart.updateComplete;
    await expect(chart.shadowRoot!.querySelectorAll('g.mark[data-dimmed="true"]')).toHaveLength(chart.data!.length - 1);
  },
};

/** Drilled from the largest market into its largest customer: the bars are that customer's products there. */
export const Drilled: Story = {
  args: { by: 'market' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
    const market = chart.data![0]!;
    // Bars by market come from month_market.json at once; the drilled levels wait for the engine to start.
    chart.drillPath = [{ dimension: 'market', member: market.member!, label: market.label }];
    await waitFor(() => expect(chart.shadowRoot!.querySelector('caption')?.textContent).toContain('by customer in'), {
      timeout: 25_000,
    });
    const customer = chart.data![0]!;
    chart.drillPath = [...chart.drillPath, { dimension: 'customer', member: customer.member!, label: customer.label }];
    await waitFor(() => expect(chart.shadowRoot!.querySelector('caption')?.textContent).toContain('by product in'), {
      timeout: 25_000,
    });
    await chart.updateComplete;
    const crumbs = [...chart.shadowRoot!.querySelectorAll('[part="breadcrumb"] li')].map((li) => li.textContent);
    await expect(crumbs).toEqual(['All markets', market.label, customer.label]);
    await expect(chart.shadowRoot!.querySelectorAll('[part="crumb"]')).toHaveLength(2);
  },
};

/** In US dollars at the extract's published rate, formatted for a US reader. */
export const InUsd: Story = {
  render: ({ src, by }) =>
    html`<atliq-revenue-chart src=${src} by=${by} currency="USD" locale="en-US" style="max-width: 720px"></atliq-revenue-chart>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
    await chart.updateComplete;
    await expect(chart.shadowRoot!.querySelector('text.value')?.textContent).toMatch(/^\$[\d.]+[KM]$/);
    await expect(chart.toCSV().split('\r\n')[0]).toBe('Market,Revenue (USD),Share of total (%)');
  },
};
