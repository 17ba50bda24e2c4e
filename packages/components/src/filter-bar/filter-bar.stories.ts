import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_PAGE, EMPTY, EXTRACT, LOADING, MISSING, PROFIT_EXTRACT } from '../../test/story-sources.ts';
import { loaded, statusStory } from '../../test/story-states.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqFilterBar } from './filter-bar.ts';

interface Args {
  src: string;
  target: string;
}

const TAG = 'atliq-filter-bar';
const barIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqFilterBar;
const targetInput = (bar: AtliqFilterBar) => bar.shadowRoot!.querySelector<HTMLInputElement>('input[name="target"]');

const meta = {
  title: 'Dashboard/Filter bar',
  component: TAG,
  args: { src: EXTRACT, target: '' },
  argTypes: { target: { control: 'text', description: 'Profit target (margin %) to offer; empty offers none.' } },
  render: ({ src, target }) =>
    html`<atliq-dashboard src=${src}><atliq-filter-bar data-span="full" target=${target}></atliq-filter-bar></atliq-dashboard>`,
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
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Loading filters…');

/** Queries that find no members: every slicer offers only "All", and there is nothing to clear. */
export const Empty: Story = {
  args: { src: EMPTY },
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    const options = await loaded(bar);
    await expect(Object.values(options).every((members) => members.length === 0)).toBe(true);
    const selects = [...bar.shadowRoot!.querySelectorAll('select')];
    await expect(selects).toHaveLength(5);
    await expect(selects.map((s) => [...s.options].map((o) => o.text))).toEqual(selects.map(() => ['All']));
    await expect(bar.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear"]')?.disabled).toBe(true);
  },
};

/** The extract cannot be found. */
export const MissingManifest: Story = statusStory(TAG, { src: MISSING }, 'alert', /^Filters unavailable.*HTTP 404/);

/** An extract with profit columns: the what-if profit target is offered, and changing it tells the dashboard. */
export const ProfitTarget: Story = {
  args: { src: PROFIT_EXTRACT, target: '2' },
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await loaded(bar);
    await waitFor(() => expect(targetInput(bar)?.value).toBe('2'), { timeout: 25_000 });
    const heard = new Promise<number | null>((resolve) =>
      canvasElement.addEventListener('atliq-target-change', (e) => resolve(e.detail.target), { once: true }),
    );
    const input = targetInput(bar)!;
    input.value = '3.5';
    input.dispatchEvent(new Event('change'));
    await expect(await heard).toBe(3.5);
    await expect((canvasElement.querySelector('atliq-dashboard') as AtliqDashboard).target).toBe('3.5');
  },
};

/** A target asked of an extract without profit columns: the control is left out, the slicers are all there. */
export const ProfitUnavailable: Story = {
  args: { target: '2' },
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await loaded(bar);
    await expect(bar.shadowRoot!.querySelectorAll('select')).toHaveLength(5);
    await expect(targetInput(bar)).toBeNull();
  },
};

/** `fiscal-year-start="4"` on the dashboard: India's April–March years, "FY 2019-20" chosen. */
export const FiscalYears: Story = {
  render: ({ src }) =>
    html`<atliq-dashboard src=${src} fiscal-year-start="4"><atliq-filter-bar data-span="full"></atliq-filter-bar></atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await loaded(bar);
    bar.choose('year', 2019);
    await bar.updateComplete;
    const select = bar.shadowRoot!.querySelector<HTMLSelectElement>('select[name="year"]')!;
    await expect([...select.options].map((o) => o.text)).toEqual([
      'All',
      'FY 2017-18',
      'FY 2018-19',
      'FY 2019-20',
      'FY 2020-21',
    ]);
    await expect(select.selectedOptions[0]?.text).toBe('FY 2019-20');
  },
};

/**
 * A year chosen and a market selected in a chart: the chip shows the chart's selection, and the market slicer shows
 * it too ("Mumbai (from a chart)") rather than "All"; choosing a market there replaces it.
 */
export const CrossFiltered: Story = {
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    const { year } = await loaded(bar);
    bar.choose('year', year[0]!);
    const dashboard = canvasElement.querySelector('atliq-dashboard') as AtliqDashboard;
    dashboard.selection.set('chart', { filters: { market: ['Mumbai'] }, label: 'Market: Mumbai' });
    await bar.updateComplete;
    await expect(bar.shadowRoot!.querySelector('[part="chip"] span')?.textContent).toBe('Market: Mumbai');
    await expect(bar.shadowRoot!.querySelector<HTMLSelectElement>('select[name="year"]')!.selectedIndex).toBe(1);
    const market = bar.shadowRoot!.querySelector<HTMLSelectElement>('select[name="market"]')!;
    await expect(market.options[market.selectedIndex]?.textContent).toBe('Mumbai (from a chart)');
  },
};

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src }) =>
    html`<div style=${DARK_PAGE}><atliq-filter-bar theme="dark" src=${src}></atliq-filter-bar></div>`,
  play: async ({ canvasElement }) => {
    const bar = barIn(canvasElement);
    await loaded(bar);
    await expect(getComputedStyle(bar.shadowRoot!.querySelector('select')!).backgroundColor).toBe('rgb(35, 42, 54)');
  },
};
