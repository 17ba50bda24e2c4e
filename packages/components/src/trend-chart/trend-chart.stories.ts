import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_PAGE, EMPTY, EXTRACT, LOADING, statusText } from '../../test/story-sources.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqTrendChart } from './trend-chart.ts';

interface Args {
  src: string;
  grain: string;
  measure: string;
}

const chartIn = (canvas: HTMLElement) => canvas.querySelector('atliq-trend-chart') as AtliqTrendChart;
const loaded = async (chart: AtliqTrendChart) => {
  await waitFor(() => expect(chart.data?.length).toBeGreaterThan(0), { timeout: 25_000 });
  await chart.updateComplete;
  return chart.data!;
};

const meta = {
  title: 'Charts/Trend chart',
  component: 'atliq-trend-chart',
  args: { src: EXTRACT, grain: 'month', measure: 'revenue' },
  render: ({ src, grain, measure }) =>
    html`<atliq-trend-chart src=${src} grain=${grain} measure=${measure} style="max-width: 900px"></atliq-trend-chart>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Revenue per month, last year dashed alongside. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const points = await loaded(chart);
    await expect(points.some((p) => p.previous !== null)).toBe(true);
    await expect(chart.shadowRoot!.querySelector('path.previous')?.getAttribute('d')).toMatch(/^M/);
  },
};

/** Quantity per year. */
export const ByYear: Story = {
  args: { grain: 'year', measure: 'quantity' },
  play: async ({ canvasElement }) => {
    const points = await loaded(chartIn(canvasElement));
    await expect(points.every((p) => /^\d{4}$/.test(p.key))).toBe(true);
  },
};

/** While the engine starts. */
export const Loading: Story = {
  args: { src: LOADING },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await chart.updateComplete;
    await expect(statusText(chart, 'status')).toBe('Loading the trend…');
  },
};

/** No sales at all. */
export const Empty: Story = {
  args: { src: EMPTY },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(chartIn(canvasElement), 'status')).toBe('No sales in this period.'), {
      timeout: 10_000,
    });
  },
};

/** An unknown grain: explained, nothing queried. */
export const UnknownGrain: Story = {
  args: { grain: 'week' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(statusText(chartIn(canvasElement), 'alert')).toContain('grain must be year, month or day'),
    );
  },
};

/** A period brushed (here with the keyboard): highlighted, and filtering the rest of the dashboard. */
export const Brushed: Story = {
  render: ({ src, grain, measure }) =>
    html`<atliq-dashboard src=${src}><atliq-trend-chart data-span="full" grain=${grain} measure=${measure}></atliq-trend-chart></atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    const svg = chart.shadowRoot!.querySelector('svg')!;
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await chart.updateComplete;
    await expect(chart.shadowRoot!.querySelector('rect.brush')).not.toBeNull();
    const dashboard = canvasElement.querySelector('atliq-dashboard') as AtliqDashboard;
    await expect(dashboard.selection.clauses().size).toBe(1);
  },
};

/** A year opened by month (drill mode on, Enter on the year): the breadcrumb leads back to all years. */
export const Drilled: Story = {
  args: { grain: 'year' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const years = await loaded(chart);
    const year = years[Math.min(1, years.length - 1)]!.key;
    const root = chart.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part="drill-toggle"]')!.click();
    const svg = root.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    svg.focus();
    for (const p of years) {
      if (p.key === year) break;
      svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    }
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitFor(() => expect(chart.data?.[0]?.key.startsWith(`${year}-`)).toBe(true), { timeout: 25_000 });
    await chart.updateComplete;
    const months = chart.data!.map((p) => p.key);
    await expect(months.every((m) => new RegExp(`^${year}-(0[1-9]|1[0-2])$`).test(m))).toBe(true);
    await expect(months).toEqual([...months].sort());
    await expect(months.length).toBeGreaterThan(1);
    const crumbs = [...root.querySelectorAll('[part="breadcrumb"] li')].map((li) => li.textContent?.trim());
    await expect(crumbs).toEqual(['All years', year]);
    await expect(root.querySelector('[part="crumb"]')?.textContent).toBe('All years');
  },
};

/** A period focused from the keyboard (Tab, then arrows): outlined, with its tooltip. */
export const KeyboardFocus: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    const points = await loaded(chart);
    const svg = chart.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    svg.focus();
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await chart.updateComplete;
    await expect(svg.getAttribute('aria-activedescendant')).toBe('period-1');
    await expect(chart.shadowRoot!.querySelector('[part="tooltip"]')?.textContent).toContain(`${points[1]!.key}: `);
  },
};

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src, grain, measure }) =>
    html`<div style="${DARK_PAGE} max-width: 900px"><atliq-trend-chart theme="dark" src=${src} grain=${grain} measure=${measure}></atliq-trend-chart></div>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await expect(getComputedStyle(chart.shadowRoot!.querySelector('path.line')!).stroke).toBe('rgb(110, 168, 255)');
  },
};
