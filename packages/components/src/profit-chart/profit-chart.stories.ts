import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { registerProfitSource } from '../../test/profit-source.ts';
import { DARK_THEME, EXTRACT, LOADING, statusText } from '../../test/story-sources.ts';
import type { AtliqProfitChart } from './profit-chart.ts';

interface Args {
  src: string;
  target: string;
}

/** The test extract has no profit columns: this source answers as one with profit would. */
const WITH_PROFIT = registerProfitSource(`${EXTRACT}?profit=story`);
const chartIn = (canvas: HTMLElement) => canvas.querySelector('atliq-profit-chart') as AtliqProfitChart;
const loaded = async (chart: AtliqProfitChart) => {
  await waitFor(() => expect(chart.data).toBeDefined(), { timeout: 25_000 });
  await chart.updateComplete;
};

const meta = {
  title: 'Charts/Profit chart',
  component: 'atliq-profit-chart',
  args: { src: WITH_PROFIT, target: '1.5' },
  render: ({ src, target }) =>
    html`<atliq-profit-chart src=${src} target=${target} style="max-width: 720px"></atliq-profit-chart>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Margin by market against a 1.5% target: three markets miss it. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await expect(chart.shadowRoot!.querySelectorAll('rect.bar.below')).toHaveLength(3);
  },
};

/** A target every market meets. */
export const AllMeetTarget: Story = {
  args: { target: '-5' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await expect(chart.shadowRoot!.querySelector('[part="below-list"]')?.textContent?.trim()).toBe(
      'Every market meets the -5.0% target.',
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

/** Drilled into Kochi, the loss-making market: the margins of its customers against the target. */
export const Drilled: Story = {
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    chart.drillPath = [{ dimension: 'market', member: 'Kochi', label: 'Kochi' }];
    await waitFor(() => expect(chart.data?.map((d) => d.label)).toEqual(['Nova Stores', 'Atlas Stores']), {
      timeout: 10_000,
    });
    await chart.updateComplete;
    const crumbs = [...chart.shadowRoot!.querySelectorAll('[part="breadcrumb"] li')].map((li) => li.textContent);
    await expect(crumbs).toEqual(['All markets', 'Kochi']);
  },
};
