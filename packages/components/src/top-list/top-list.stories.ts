import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import { DARK_THEME, EMPTY, EXTRACT, LOADING, statusText } from '../../test/story-sources.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqTopList } from './top-list.ts';

interface Args {
  src: string;
  by: string;
  n: string;
}

const listIn = (canvas: HTMLElement) => canvas.querySelector('atliq-top-list') as AtliqTopList;
const loaded = async (list: AtliqTopList) => {
  await waitFor(() => expect(list.data).toBeDefined(), { timeout: 25_000 });
  await list.updateComplete;
  return list.data!;
};

const meta = {
  title: 'Charts/Top list',
  component: 'atliq-top-list',
  args: { src: EXTRACT, by: 'customer', n: '5' },
  argTypes: { by: { control: 'select', options: ['customer', 'product'] } },
  render: ({ src, by, n }) =>
    html`<atliq-top-list src=${src} by=${by} n=${n} style="max-width: 480px"></atliq-top-list>`,
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
export const Loading: Story = {
  args: { src: LOADING },
  play: async ({ canvasElement }) => {
    const list = listIn(canvasElement);
    await list.updateComplete;
    await expect(statusText(list, 'status')).toBe('Loading the top list…');
  },
};

/** Nothing sold under the filters. */
export const Empty: Story = {
  args: { src: EMPTY },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(statusText(listIn(canvasElement), 'status')).toBe('Nothing sold for the current filters.'),
    );
  },
};

/** An invalid `n`: explained instead of queried. */
export const InvalidN: Story = {
  args: { n: 'all' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(statusText(listIn(canvasElement), 'alert')).toContain('The n attribute must be'));
  },
};

/** In a dashboard where the year 2018 is filtered. */
export const CrossFiltered: Story = {
  render: ({ src, by, n }) =>
    html`<atliq-dashboard src=${src}><atliq-top-list data-span="full" by=${by} n=${n}></atliq-top-list></atliq-dashboard>`,
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
  render: ({ src, by, n }) =>
    html`<div style="${DARK_THEME} max-width: 480px"><atliq-top-list src=${src} by=${by} n=${n}></atliq-top-list></div>`,
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
