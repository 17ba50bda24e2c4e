import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_PAGE, EMPTY, EXTRACT, LOADING, MISSING } from '../../test/story-sources.ts';
import { loaded, statusStory } from '../../test/story-states.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqTopList } from './top-list.ts';

interface Args {
  src: string;
  by: string;
  n: string;
  measure: string;
}

const TAG = 'atliq-top-list';
const listIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqTopList;

const meta = {
  title: 'Charts/Top list',
  component: TAG,
  args: { src: EXTRACT, by: 'customer', n: '5', measure: 'revenue' },
  render: ({ src, by, n, measure }) =>
    html`<atliq-top-list src=${src} by=${by} n=${n} measure=${measure} style="max-width: 480px"></atliq-top-list>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Top five customers by revenue. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const rows = await loaded(listIn(canvasElement));
    await expect(rows).toHaveLength(5);
    await expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  },
};

/** Top ten products. */
export const Products: Story = {
  args: { by: 'product', n: '10' },
  play: async ({ canvasElement }) => {
    await expect(await loaded(listIn(canvasElement))).toHaveLength(10);
  },
};

/** While the engine starts. */
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Loading the top list…');

/** Nothing sold under the filters. */
export const Empty: Story = statusStory(TAG, { src: EMPTY }, 'status', 'Nothing sold for the current filters.');

/** An invalid `n`: explained instead of queried. */
export const InvalidN: Story = statusStory(TAG, { n: 'all' }, 'alert', /The n attribute must be/);

/** `src` points nowhere: the list explains the 404. */
export const MissingManifest: Story = statusStory(TAG, { src: MISSING }, 'alert', /^Top list unavailable.*HTTP 404/);

/** In a dashboard where the year 2018 is filtered. */
export const CrossFiltered: Story = {
  render: ({ src, by, n, measure }) =>
    html`<atliq-dashboard src=${src}><atliq-top-list data-span="full" by=${by} n=${n} measure=${measure}></atliq-top-list></atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const list = listIn(canvasElement);
    const all = await loaded(list);
    (canvasElement.querySelector('atliq-dashboard') as AtliqDashboard).selection.set('story', {
      filters: { year: [2018] },
      label: 'Year: 2018',
    });
    await waitFor(() => expect(list.data![0]!.value).not.toBe(all[0]!.value), { timeout: 10_000 });
  },
};

/** Themed for a dark page, one customer selected. */
export const DarkTheme: Story = {
  render: ({ src, by, n, measure }) =>
    html`<div style="${DARK_PAGE} max-width: 480px"><atliq-top-list theme="dark" src=${src} by=${by} n=${n} measure=${measure}></atliq-top-list></div>`,
  play: async ({ canvasElement }) => {
    const list = listIn(canvasElement);
    await loaded(list);
    list.shadowRoot!.querySelector<HTMLElement>('[part~="item"]')!.click();
    await list.updateComplete;
    await expect(list.shadowRoot!.querySelector('[aria-pressed="true"]')).not.toBeNull();
    await expect(getComputedStyle(list.shadowRoot!.querySelector('.bar')!).backgroundColor).toBe('rgb(110, 168, 255)');
  },
};

/** Drilled into the largest customer: its top five products, with the breadcrumb back to all customers. */
export const Drilled: Story = {
  play: async ({ canvasElement }) => {
    const list = listIn(canvasElement);
    const [first] = await loaded(list);
    list.drillPath = [{ dimension: 'customer', member: first!.member, label: first!.label }];
    await waitFor(() => expect(list.shadowRoot!.querySelector('[part="list"]')?.ariaLabel).toContain('products'), {
      timeout: 10_000,
    });
    const crumbs = [...list.shadowRoot!.querySelectorAll('[part="breadcrumb"] li')].map((li) => li.textContent);
    await expect(crumbs).toEqual(['All customers', first!.label]);
  },
};
