import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import {
  DARK_PAGE,
  EMPTY,
  EXTRACT,
  LOADING,
  LOSS_LAST_YEAR,
  MISSING,
  PROFIT_EXTRACT,
} from '../../test/story-sources.ts';
import { loaded, statusStory } from '../../test/story-states.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqKpi } from './kpi.ts';

interface Args {
  src: string;
  measure: string;
}

const TAG = 'atliq-kpi';
const kpiIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqKpi;

/** The tile's data once its comparison has loaded too (the figure comes first). */
async function compared(kpi: AtliqKpi) {
  const data = await loaded(kpi);
  await waitFor(() => expect(kpi.data?.comparison).not.toBeUndefined(), { timeout: 25_000 });
  await kpi.updateComplete;
  return kpi.data ?? data;
}

const meta = {
  title: 'Charts/KPI',
  component: TAG,
  args: { src: EXTRACT, measure: 'revenue' },
  render: ({ src, measure }) => html`<atliq-kpi src=${src} measure=${measure} style="max-width: 280px"></atliq-kpi>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * Revenue of the year to the snapshot's newest order day (26 Jun 2020), against the same days a year earlier: the
 * period line gives the exact days, because the year is not complete.
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const data = await compared(kpiIn(canvasElement));
    await expect(data.value).toBeGreaterThan(0);
    await expect(data.period).toBe('1 Jan–26 Jun 2020');
    await expect(data.comparison?.label).toBe('1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019');
  },
};

/** `fiscal-year-start="4"`: India's April–March year, so the year to date starts on 1 April. */
export const FiscalYear: Story = {
  render: ({ src, measure }) =>
    html`<atliq-kpi src=${src} measure=${measure} fiscal-year-start="4" style="max-width: 280px"></atliq-kpi>`,
  play: async ({ canvasElement }) => {
    const data = await compared(kpiIn(canvasElement));
    await expect(data.comparison?.label).toBe('1 Apr–26 Jun 2020 vs 1 Apr–26 Jun 2019');
  },
};

/** `as-of="2019-12-31"`: the complete year 2019 against the complete 2018. */
export const AsOfYearEnd: Story = {
  render: ({ src, measure }) =>
    html`<atliq-kpi src=${src} measure=${measure} as-of="2019-12-31" style="max-width: 280px"></atliq-kpi>`,
  play: async ({ canvasElement }) => {
    const data = await compared(kpiIn(canvasElement));
    await expect(data.comparison?.label).toBe('2019 vs 2018');
  },
};

/** 2018 against a 2017 whose sales start on 4 October: not a fair comparison, so no change is shown. */
export const NotComparable: Story = {
  render: ({ src, measure }) =>
    html`<atliq-kpi src=${src} measure=${measure} as-of="2018-12-31" style="max-width: 280px"></atliq-kpi>`,
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    const data = await compared(kpi);
    await expect(data.comparison?.change).toBeNull();
    await expect(kpi.shadowRoot!.querySelector('[part="comparison"]')?.textContent).toContain(
      "not comparable: the extract's sales start on 4 Oct 2017",
    );
  },
};

/** Units sold. */
export const Quantity: Story = {
  args: { measure: 'quantity' },
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    await loaded(kpi);
    await expect(kpi.shadowRoot!.querySelector('[part="label"]')?.textContent).toBe('Quantity');
  },
};

/** While the engine starts. */
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Loading revenue…');

/** No rows at all: a dash, not a misleading zero. */
export const Empty: Story = {
  args: { src: EMPTY },
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    await waitFor(() => expect(kpi.shadowRoot!.querySelector('[part="value"]')?.textContent?.trim()).toBe('—'));
  },
};

/** Profit, from the extract published with profit columns. */
export const Profit: Story = {
  args: { src: PROFIT_EXTRACT, measure: 'profit' },
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    await expect((await loaded(kpi)).value).not.toBeNull();
    await expect(kpi.shadowRoot!.querySelector('[part="label"]')?.textContent).toBe('Profit');
  },
};

/** Margin %, with its change in percentage points. */
export const Margin: Story = {
  args: { src: PROFIT_EXTRACT, measure: 'margin' },
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    await loaded(kpi);
    await expect(kpi.shadowRoot!.querySelector('[part="value"]')?.textContent?.trim()).toMatch(/^-?\d+\.\d%$/);
  },
};

/** The extract was published without profit columns. */
export const ProfitUnavailable: Story = statusStory(
  TAG,
  { measure: 'profit' },
  'status',
  /Profit is not available in this source/,
);

/** A hostile or misspelt measure: explained, nothing queried. */
export const UnknownMeasure: Story = statusStory(
  TAG,
  { measure: 'turnover' },
  'alert',
  /Unknown KPI measure "turnover"/,
);

/** `src` points nowhere: the tile explains the 404 instead of showing a number. */
export const MissingManifest: Story = statusStory(TAG, { src: MISSING }, 'alert', /^Revenue unavailable.*HTTP 404/);

/** In a dashboard with the (complete) year 2019 filtered: compared with the complete 2018. */
export const CrossFiltered: Story = {
  render: ({ src, measure }) =>
    html`<atliq-dashboard src=${src}><atliq-kpi measure=${measure} style="max-width: 280px"></atliq-kpi></atliq-dashboard>`,
  play: async ({ canvasElement }) => {
    const dashboard = canvasElement.querySelector('atliq-dashboard') as AtliqDashboard;
    dashboard.selection.set('story', { filters: { year: [2019] }, label: 'Year: 2019' });
    const kpi = kpiIn(canvasElement);
    await waitFor(() => expect(kpi.data?.comparison?.label).toBe('2019 vs 2018'), { timeout: 25_000 });
  },
};

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src, measure }) =>
    html`<div style="${DARK_PAGE} max-width: 280px"><atliq-kpi theme="dark" src=${src} measure=${measure}></atliq-kpi></div>`,
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    await loaded(kpi);
    await expect(getComputedStyle(kpi.shadowRoot!.querySelector('[part="value"]')!).color).toBe('rgb(230, 233, 239)');
  },
};

/** Last year was a loss: a percentage change would mislead, so the tile shows the amount and says why. */
export const ChangeFromNegativeBase: Story = {
  args: { src: LOSS_LAST_YEAR },
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    const data = await compared(kpi);
    await expect(data.comparison?.change).toEqual({ value: 293_000, unit: 'amount' });
    const comparison = kpi.shadowRoot!.querySelector('[part="comparison"]')!;
    await expect(comparison.querySelector('.change:not([aria-hidden])')?.textContent).toBe('+₹2.9L');
    await expect(comparison.getAttribute('title')).toMatch(/previous period was zero or negative/);
  },
};

/** Revenue in US dollars, converted at the extract's published rate, formatted for the US. */
export const InUsd: Story = {
  render: ({ src }) =>
    html`<atliq-kpi src=${src} measure="revenue" currency="USD" locale="en-US" style="max-width: 280px"></atliq-kpi>`,
  play: async ({ canvasElement }) => {
    const kpi = kpiIn(canvasElement);
    const data = await loaded(kpi);
    await expect(data.money.currency).toBe('USD');
    await expect(kpi.shadowRoot!.querySelector('[part="value"]')?.textContent?.trim()).toMatch(/^\$[\d.]+[KM]$/);
  },
};
