import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_THEME, EXTRACT, LOADING, statusText } from '../../test/story-sources.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqFilterBar } from './filter-bar.ts';

interface Args {
  src: string;
}

const barIn = (canvas: HTMLElement) => canvas.querySelector('atliq-filter-bar') as AtliqFilterBar;

const meta = {
  title: 'Dashboard/Filter bar',
  component: 'atliq-filter-bar',
  args: { src: EXTRACT },
  render: ({ src }) =>
    html`<atliq-dashboard src=${src}><atliq-filter-bar data-span="full"></atliq-filter-bar></atliq-dashboard>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The slicers with the extract's members. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await waitFor(() => expect(bar.data?.market.length).toBeGreaterThan(0), { timeout: 25_000 });
    await bar.updateComplete;
    await expect(bar.shadowRoot!.querySelectorAll('select')).toHaveLength(5);
  },
};

/** While the engine starts. */
export const Loading: Story = {
  render: () => html`<atliq-filter-bar src=${LOADING}></atliq-filter-bar>`,
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await bar.updateComplete;
    await expect(statusText(bar, 'status')).toBe('Loading filters…');
  },
};

/** The extract cannot be found. */
export const MissingManifest: Story = {
  render: () => html`<atliq-filter-bar src="extracts/missing/manifest.json"></atliq-filter-bar>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(barIn(canvasElement), 'alert')).toContain('HTTP 404'), { timeout: 10_000 });
  },
};

/** A year chosen and a market selected in a chart: the chip shows the chart's selection. */
export const CrossFiltered: Story = {
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await waitFor(() => expect(bar.data).toBeDefined(), { timeout: 25_000 });
    bar.choose('year', bar.data!.year[0]!);
    const dashboard = canvasElement.querySelector('atliq-dashboard') as AtliqDashboard;
    dashboard.selection.set('chart', { filters: { market: ['Mumbai'] }, label: 'Market: Mumbai' });
    await bar.updateComplete;
    await expect(bar.shadowRoot!.querySelector('[part="chip"] span')?.textContent).toBe('Market: Mumbai');
    await expect(bar.shadowRoot!.querySelector<HTMLSelectElement>('select[name="year"]')!.selectedIndex).toBe(1);
  },
};

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src }) => html`<div style=${DARK_THEME}><atliq-filter-bar src=${src}></atliq-filter-bar></div>`,
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await waitFor(() => expect(bar.data).toBeDefined(), { timeout: 25_000 });
    await bar.updateComplete;
    await expect(getComputedStyle(bar.shadowRoot!.querySelector('select')!).backgroundColor).toBe('rgb(35, 42, 54)');
  },
};
