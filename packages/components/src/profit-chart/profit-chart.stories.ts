import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import {
  DARK_PAGE,
  EXTRACT,
  LOADING,
  PROFIT_EMPTY,
  PROFIT_EXTRACT,
  SOUTH_MARKETS,
  statusText,
} from '../../test/story-sources.ts';
import { loaded, statusStory } from '../../test/story-states.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqProfitChart } from './profit-chart.ts';

interface Args {
  src: string;
  target: string;
}

const TAG = 'atliq-profit-chart';
const chartIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqProfitChart;

const meta = {
  title: 'Charts/Profit chart',
  component: TAG,
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

/** No target set: last year's margin (the same days a year earlier) is the target, and the line and list say so. */
export const LastYearTarget: Story = {
  args: { target: '' },
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    await waitFor(() => expect(chart.target).not.toBe(''), { timeout: 25_000 });
    const shown = `${Number(chart.target).toFixed(1)}%`;
    await expect(chart.shadowRoot!.querySelector('.target-label')?.textContent).toBe(`Last year ${shown}`);
    await expect(chart.shadowRoot!.querySelector('[part="below-list"] strong')?.textContent).toBe(
      `Below last year's margin (${shown}):`,
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
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Loading profit…');

/** Profit columns are there, but nothing was sold. */
export const Empty: Story = statusStory(TAG, { src: PROFIT_EMPTY }, 'status', 'No sales for the current filters.');

/** A target that is not a percentage. */
export const InvalidTarget: Story = statusStory(TAG, { target: 'high' }, 'alert', /target must be a margin/);

/**
 * In a dashboard where another component selected the South zone (the filter bar shows its chip): only the South's
 * markets, each with the margin it has on its own, and the target list names only them.
 */
export const CrossFiltered: Story = {
  render: ({ src, target }) => html`<atliq-dashboard src=${src} style="max-width: 720px">
    <atliq-filter-bar data-span="full"></atliq-filter-bar>
    <atliq-profit-chart data-span="full" target=${target}></atliq-profit-chart>
  </atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const chart = chartIn(canvasElement);
    await loaded(chart);
    const all = new Map(chart.data!.map((d) => [d.label, d.margin]));
    (canvasElement.querySelector('atliq-dashboard') as AtliqDashboard).selection.set('story', {
      filters: { zone: ['South'] },
      label: 'Zone: South',
    });
    await waitFor(() => expect(chart.data!.every((d) => SOUTH_MARKETS.includes(d.label))).toBe(true), {
      timeout: 25_000,
    });
    await chart.updateComplete;
    const shown = chart.data!;
    await expect(shown.length).toBeGreaterThan(0);
    await expect(shown.length).toBeLessThan(all.size);
    for (const d of shown) await expect(d.margin).toBeCloseTo(all.get(d.label)!, 9);
    const root = chart.shadowRoot!;
    const drawn = [...root.querySelectorAll('g.mark text.label')].map((t) => t.textContent);
    await expect(drawn).toEqual(shown.map((d) => d.label));
    const below = [...root.querySelectorAll('[part="below-list"] .gap')].map((g) => g.textContent?.split(' ')[0]);
    await expect(below.every((market) => SOUTH_MARKETS.includes(market!))).toBe(true);
    await expect(root.querySelectorAll('g.mark[data-dimmed="true"]')).toHaveLength(0);
    const chip = () => canvasElement.querySelector('atliq-filter-bar')!.shadowRoot!.querySelector('[part="chip"] span');
    await waitFor(() => expect(chip()?.textContent).toBe('Zone: South'), { timeout: 25_000 });
  },
};

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src, target }) =>
    html`<div style="${DARK_PAGE} max-width: 720px"><atliq-profit-chart theme="dark" src=${src} target=${target}></atliq-profit-chart></div>`,
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
