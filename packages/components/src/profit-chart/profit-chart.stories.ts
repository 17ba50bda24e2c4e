import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_THEME, EXTRACT, LOADING, PROFIT_EXTRACT, statusText } from '../../test/story-sources.ts';
import type { AtliqProfitChart } from './profit-chart.ts';

interface Args {
  src: string;
  target: string;
}

const chartIn = (canvas: HTMLElement) => canvas.querySelector('atliq-profit-chart') as AtliqProfitChart;
const loaded = async (chart: AtliqProfitChart) => {
  await waitFor(() => expect(chart.data).toBeDefined(), { timeout: 25_000 });
  await chart.updateComplete;
};

const meta = {
  title: 'Charts/Profit chart',
  component: 'atliq-profit-chart',
  args: { src: PROFIT_EXTRACT, target: '2' },
  render: ({ src, target }) =>
    html`<atliq-profit-chart src=${src} target=${target} style="max-width: 720px"></atliq-profit-chart>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Margin by market against a 2% target: loss-making markets in red, the others that miss it in orange. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    const losses = chart.data!.filter((d) => d.margin < 0).length;
    await expect(losses).toBeGreaterThan(0);
    await expect(chart.shadowRoot!.querySelectorAll('rect.bar.loss')).toHaveLength(losses);
    await expect(chart.shadowRoot!.querySelectorAll('rect.bar.below')).toHaveLength(
      chart.data!.filter((d) => d.margin < 2).length,
    );
  },
};

/** A target every market meets. */
export const AllMeetTarget: Story = {
  args: { target: '-20' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await expect(chart.shadowRoot!.querySelector('[part="below-list"]')?.textContent?.trim()).toBe(
      'Every market meets the -20.0% target.',
    );
  },
};

/** The real test extract, published without profit columns. */
export const ProfitUnavailable: Story = {
  args: { src: EXTRACT },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(statusText(chartIn(canvasElement), 'status')).toContain('Not available in this source'),
      {
        timeout: 25_000,
      },
    );
    const toggle = chartIn(canvasElement).shadowRoot!.querySelector<HTMLButtonElement>('[part="drill-toggle"]');
    await expect(toggle?.disabled).toBe(true);
  },
};

/** While the engine starts. */
export const Loading: Story = {
  args: { src: LOADING },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await chart.updateComplete;
    await expect(statusText(chart, 'status')).toBe('Loading profit…');
  },
};

/** A target that is not a percentage. */
export const InvalidTarget: Story = {
  args: { target: 'high' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(chartIn(canvasElement), 'alert')).toContain('target must be a margin'));
  },
};

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src, target }) =>
    html`<div style="${DARK_THEME} max-width: 720px"><atliq-profit-chart src=${src} target=${target}></atliq-profit-chart></div>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await expect(getComputedStyle(chart.shadowRoot!.querySelector('rect.bar:not(.below)')!).fill).toBe(
      'rgb(110, 168, 255)',
    );
  },
};

/** Drilled into Delhi NCR, the largest market and a loss-making one: the margins of its customers. */
export const Drilled: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    chart.drillPath = [{ dimension: 'market', member: 'Delhi NCR', label: 'Delhi NCR' }];
    const svg = () => chart.shadowRoot!.querySelector('svg[part="chart"]');
    await waitFor(() => expect(svg()?.getAttribute('aria-label')).toMatch(/^Profit margin by customer in Delhi NCR/), {
      timeout: 10_000,
    });
    const crumbs = [...chart.shadowRoot!.querySelectorAll('[part="breadcrumb"] li')].map((li) => li.textContent);
    await expect(crumbs).toEqual(['All markets', 'Delhi NCR']);
  },
};

/** A bar focused from the keyboard: outlined, with its tooltip. */
export const KeyboardFocus: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    chart.shadowRoot!.querySelector<SVGGElement>('g.mark[data-index="1"]')!.focus();
    await chart.updateComplete;
    await expect(chart.shadowRoot!.querySelector('[part="tooltip"]')?.textContent).toContain(chart.data![1]!.label);
  },
};
