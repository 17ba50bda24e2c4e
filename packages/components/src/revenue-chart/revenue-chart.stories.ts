import { AtliqSource, type Connector } from '@atliq/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import type { AtliqRevenueChart } from './revenue-chart.ts';

interface Args {
  src: string;
  by: string;
}

/** The test extract Storybook serves under /extracts/, addressed relatively as a host page would. */
const EXTRACT = 'extracts/manifest.json';

/** Sources for states the real extract cannot show: an answer that never comes, and a query with no rows. */
const LOADING = `${EXTRACT}?state=loading`;
const EMPTY = `${EXTRACT}?state=empty`;
const noRows: Connector = { query: async () => [], close: async () => {} };
AtliqSource.register(new AtliqSource(LOADING, { fetch: () => new Promise<Response>(() => {}) }));
AtliqSource.register(new AtliqSource(EMPTY, { connect: async () => noRows }));

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
    <div style="background: #151a23; padding: 16px; max-width: 720px;
      --atliq-bar-color: #6ea8ff; --atliq-text-color: #e6e9ef; --atliq-muted-color: #a9b3c2;">
      <atliq-revenue-chart src=${src} by=${by}></atliq-revenue-chart>
    </div>`,
};
