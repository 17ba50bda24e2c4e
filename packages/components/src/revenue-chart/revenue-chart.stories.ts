import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import {
  DARK_PAGE,
  EMPTY,
  EXTRACT,
  LOADING,
  MISSING,
  PROFIT_EXTRACT,
  SOUTH_MARKETS,
  statusText,
} from '../../test/story-sources.ts';
import { loaded, statusStory } from '../../test/story-states.ts';
import type { AtliqRevenueChart } from './revenue-chart.ts';

interface Args {
  src: string;
  by: string;
  measure: string;
  top: string;
}

const TAG = 'atliq-revenue-chart';
const chartIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqRevenueChart;
const caption = (chart: AtliqRevenueChart) => chart.shadowRoot!.querySelector('caption')?.textContent;
const revenueChart = ({ src, by, measure, top }: Args, theme?: 'dark') =>
  html`<atliq-revenue-chart src=${src} by=${by} measure=${measure} top=${top} theme=${theme ?? nothing}></atliq-revenue-chart>`;

const meta = {
  title: 'Charts/Revenue chart',
  component: TAG,
  args: { src: EXTRACT, by: 'market', measure: 'revenue', top: '' },
  argTypes: {
    top: { control: 'text', description: 'Show only the largest N (1–1000); empty shows all.' },
  },
  render: (args) => html`<div style="max-width: 720px">${revenueChart(args)}</div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Revenue by market from the published test extract, largest first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const data = await loaded(chart);
    await expect(data.length).toBeGreaterThan(1);
    const values = data.map((d) => d.value);
    await expect(values).toEqual([...values].sort((a, b) => b - a));
    const root = chart.shadowRoot!;
    await expect(root.querySelectorAll('rect.bar')).toHaveLength(data.length);
    await expect(root.querySelector('text.label')?.textContent).toBe(data[0]!.label);
    await expect(root.querySelectorAll('tbody tr')).toHaveLength(data.length);
  },
};

/**
 * `compare`: each market's revenue change from the same days a year earlier (the year to the newest order day, as
 * the KPIs count it), rises in blue, falls in the negative colour; the tooltip gives both values, the table both periods.
 */
export const AgainstLastYear: Story = {
  render: (args) =>
    html`<div style="max-width: 720px"><atliq-revenue-chart src=${args.src} by=${args.by} compare></atliq-revenue-chart></div>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const data = await loaded(chart);
    const changes = data.map((d) => d.value);
    await expect(changes).toEqual([...changes].sort((a, b) => b - a));
    await expect(data.every((d) => d.compared && d.value === d.compared.current - d.compared.baseline)).toBe(true);
    const root = chart.shadowRoot!;
    await expect(root.querySelectorAll('rect.bar.negative')).toHaveLength(changes.filter((v) => v < 0).length);
    await expect(caption(chart)).toMatch(/^Revenue change by market, 1 Jan–.* vs 1 Jan–.*, largest change first$/);
  },
};

/** Grouped by zone instead of market: one bar per zone of the sample's markets. */
export const ByZone: Story = {
  args: { by: 'zone' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const data = await loaded(chart);
    await expect(caption(chart)).toBe('Revenue by zone, largest first');
    const labels = [...chart.shadowRoot!.querySelectorAll('text.label')].map((t) => t.textContent);
    await expect(labels).toEqual(data.map((d) => d.label));
    await expect([...labels].sort()).toEqual(['Central', 'North', 'South']);
  },
};

/** While the manifest and the engine load. */
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Loading revenue…');

/** The query ran and found no revenue. */
export const Empty: Story = statusStory(TAG, { src: EMPTY }, 'status', 'No revenue in this extract.');

/** The manifest is not where `src` points: the chart says so and what to check. */
export const MissingManifest: Story = statusStory(
  TAG,
  { src: MISSING },
  'alert',
  /No extract at .*\(HTTP 404\)\. Check the src/,
);

/** A typo in `by`: explained, and nothing is loaded. */
export const UnknownDimension: Story = statusStory(TAG, { by: 'city' }, 'alert', /Unknown dimension "city"/);

/** Profit asked of an extract published without profit columns: a fact about the source, not an error. */
export const ProfitUnavailable: Story = {
  args: { measure: 'profit' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(
      () =>
        expect(statusText(chart, 'status')).toMatch(
          /^Not available in this source\s*Profit is not available in this source: .* without profit columns\.$/,
        ),
      { timeout: 25_000 },
    );
    const root = chart.shadowRoot!;
    await expect(root.querySelector('[part~="status"]')?.getAttribute('data-state')).toBe('unavailable');
    await expect(root.querySelector('[role="alert"]')).toBeNull();
    await expect(root.querySelector('rect.bar')).toBeNull();
    await expect(root.querySelector<HTMLButtonElement>('[part="export-csv"]')?.disabled).toBe(true);
  },
};

/** Profit by market from the extract with profit columns: loss-making markets grow left of zero, in red. */
export const Losses: Story = {
  args: { src: PROFIT_EXTRACT, measure: 'profit' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const data = await loaded(chart);
    await expect(caption(chart)).toBe('Profit by market, largest first');
    const losses = data.filter((d) => d.value < 0).map((d) => d.label);
    await expect(losses.length).toBeGreaterThan(0);
    await expect(losses.length).toBeLessThan(data.length);
    const root = chart.shadowRoot!;
    const flagged = [...root.querySelectorAll('g.mark')]
      .filter((g) => g.querySelector('rect.bar.negative'))
      .map((g) => g.querySelector('text.label')?.textContent);
    await expect(flagged).toEqual(losses);
    const loss = root.querySelector('rect.bar.negative')!;
    const gain = root.querySelector('rect.bar:not(.negative)')!;
    await expect(getComputedStyle(loss).fill).toBe('rgb(192, 57, 43)');
    await expect(getComputedStyle(gain).fill).not.toBe(getComputedStyle(loss).fill);
    // Both start from the zero line: a gain to its right, a loss ending at it.
    const attr = (rect: Element, name: string) => Number(rect.getAttribute(name));
    await expect(attr(loss, 'x') + attr(loss, 'width')).toBeCloseTo(attr(gain, 'x'), 6);
  },
};

/** Themed through CSS custom properties, on a dark surface. */
export const DarkTheme: Story = {
  render: (args) => html`<div style="${DARK_PAGE} max-width: 720px;">${revenueChart(args, 'dark')}</div>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    const bar = chart.shadowRoot!.querySelector('rect.bar')!;
    await expect(getComputedStyle(bar).fill).toBe('rgb(110, 168, 255)');
  },
};

/** Quantity instead of revenue, top three markets only. */
export const QuantityTop3: Story = {
  args: { measure: 'quantity', top: '3' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await waitFor(() => expect(chart.data).toHaveLength(3), { timeout: 25_000 });
    await chart.updateComplete;
    await expect(caption(chart)).toBe('Quantity by market, largest first');
    await expect(chart.shadowRoot!.querySelectorAll('rect.bar')).toHaveLength(3);
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

/**
 * In a dashboard, filtered by another chart: the South zone clicked in the chart by zone, this one shows only the
 * South's markets, whose revenue adds up to the zone's. Its own bars are not dimmed: it selected nothing.
 */
export const CrossFiltered: Story = {
  render: (args) => html`<atliq-dashboard src=${args.src} style="max-width: 960px">
    <atliq-revenue-chart data-span="half" by="zone" measure=${args.measure}></atliq-revenue-chart>
    <atliq-revenue-chart data-span="half" by=${args.by} measure=${args.measure} top=${args.top}></atliq-revenue-chart>
  </atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const [zones, markets] = canvasElement.querySelectorAll(TAG);
    const all = await loaded(markets!);
    const south = (await loaded(zones!)).findIndex((d) => d.member === 'South');
    await expect(south).toBeGreaterThanOrEqual(0);
    zones!.shadowRoot!.querySelector(`g.mark[data-index="${south}"]`)!.dispatchEvent(new MouseEvent('click'));
    await waitFor(() => expect(markets!.data!.every((d) => SOUTH_MARKETS.includes(d.label))).toBe(true), {
      timeout: 25_000,
    });
    await markets!.updateComplete;
    const shown = markets!.data!;
    await expect(shown.length).toBeGreaterThan(0);
    await expect(shown.length).toBeLessThan(all.length);
    const total = shown.reduce((sum, d) => sum + d.value, 0);
    await expect(total / zones!.data![south]!.value).toBeCloseTo(1, 9);
    await expect(markets!.selected).toBeUndefined();
    await expect(markets!.shadowRoot!.querySelectorAll('g.mark[data-dimmed="true"]')).toHaveLength(0);
    await expect(markets!.shadowRoot!.querySelectorAll('rect.bar')).toHaveLength(shown.length);
  },
};

/** Drilled from the largest market into its largest customer: the bars are that customer's products there. */
export const Drilled: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const [market] = await loaded(chart);
    // Bars by market come from month_market.json at once; the drilled levels wait for the engine to start.
    chart.drillPath = [{ dimension: 'market', member: market!.member!, label: market!.label }];
    await waitFor(() => expect(caption(chart)).toContain('by customer in'), { timeout: 25_000 });
    const customer = chart.data![0]!;
    chart.drillPath = [...chart.drillPath, { dimension: 'customer', member: customer.member!, label: customer.label }];
    await waitFor(() => expect(caption(chart)).toContain('by product in'), { timeout: 25_000 });
    await chart.updateComplete;
    const crumbs = [...chart.shadowRoot!.querySelectorAll('[part="breadcrumb"] li')].map((li) => li.textContent);
    await expect(crumbs).toEqual(['All markets', market!.label, customer.label]);
    await expect(chart.shadowRoot!.querySelectorAll('[part="crumb"]')).toHaveLength(2);
  },
};

/** In US dollars at the extract's published rate, formatted for a US reader. */
export const InUsd: Story = {
  render: ({ src, by }) =>
    html`<atliq-revenue-chart src=${src} by=${by} currency="USD" locale="en-US" style="max-width: 720px"></atliq-revenue-chart>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await expect(chart.shadowRoot!.querySelector('text.value')?.textContent).toMatch(/^\$[\d.]+[KM]$/);
    await expect(chart.toCSV().split('\r\n')[0]).toBe('Market,Revenue (USD),Share of total (%)');
  },
};
