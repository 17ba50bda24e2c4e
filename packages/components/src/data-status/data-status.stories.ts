import { AtliqSource } from '@atliq/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import {
  DARK_PAGE,
  EXTRACT,
  INCREMENTAL,
  LOADING,
  MISSING,
  PROFIT_EXTRACT,
  UNRECONCILED,
} from '../../test/story-sources.ts';
import { statusStory } from '../../test/story-states.ts';
import type { AtliqDataStatus } from './data-status.ts';

interface Args {
  src: string;
  staleAfter: string;
  locale: string;
  /** Hours between the snapshot and "now"; negative leaves the real clock. */
  hoursAfterSnapshot: number;
}

const TAG = 'atliq-data-status';
const panelIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqDataStatus;

/** Pins "now" relative to the snapshot once the manifest is known, so the story reads the same every day. */
async function pinNow(panel: AtliqDataStatus, hours: number) {
  await waitFor(() => expect(panel.data).toBeDefined(), { timeout: 25_000 });
  if (hours < 0) return;
  const manifest = await AtliqSource.for(panel.src).ready;
  panel.now = new Date(Date.parse(manifest.source.snapshot_at) + hours * 36e5);
  await panel.updateComplete;
}

const meta = {
  title: 'Dashboard/Data status',
  component: TAG,
  args: { src: EXTRACT, staleAfter: '24h', locale: 'en-IN', hoursAfterSnapshot: 5 },
  render: ({ src, staleAfter, locale }) =>
    html`<atliq-data-status src=${src} stale-after=${staleAfter} locale=${locale} style="max-width: 960px"></atliq-data-status>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A fresh extract, reconciled with its source: only the data-quality findings to bear in mind. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    await expect(panel.data![0]).toMatchObject({ level: 'ok', title: 'Current: snapshot taken 5 hours ago' });
    await expect(panel.data!.find((f) => f.id === 'totals')?.title).toMatch(
      /^Reconciled with the source: 20,000 lines/,
    );
    await expect(panel.shadowRoot!.querySelectorAll('[part="finding"]').length).toBeGreaterThanOrEqual(4);
  },
};

/** The ETL stopped three days ago: the first finding says so and what to do. */
export const Stale: Story = {
  args: { hoursAfterSnapshot: 72 },
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    const first = panel.shadowRoot!.querySelector('[part="finding"]')!;
    await expect(first.getAttribute('data-level')).toBe('warn');
    await expect(first.textContent).toContain('ask the data team');
  },
};

/** Refreshed incrementally: one month read from the source, the others copied from the previous snapshot. */
export const IncrementalRefresh: Story = {
  args: { src: INCREMENTAL },
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    await expect(panel.data![1]).toMatchObject({
      id: 'refresh',
      title: 'Incremental refresh: 1 month read, 32 copied from the previous snapshot',
    });
  },
};

/** An extract with profit columns: the ETL checked cost + profit = revenue on every line, and says how it read them. */
export const ProfitChecked: Story = {
  args: { src: PROFIT_EXTRACT },
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    await expect(panel.data!.find((f) => f.id === 'profit')).toMatchObject({
      level: 'ok',
      title: 'Profit checked: cost + profit = revenue on every published line',
    });
  },
};

/** Published with `--reconcile off`: the totals were not checked against the source's own, and it says so. */
export const NotReconciled: Story = {
  args: { src: UNRECONCILED },
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    await expect(panel.data!.find((f) => f.id === 'totals')).toMatchObject({
      level: 'warn',
      title: 'Not reconciled with the source',
    });
  },
};

/**
 * `locale="de-DE"`: counts, percentages, dates and times formatted for Germany. The sentences stay English: the
 * components have no translations, only locale-aware number and date formats.
 */
export const GermanNumberFormat: Story = {
  args: { locale: 'de-DE' },
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    const reconcile = panel.data!.find((f) => f.id === 'reconcile')!;
    await expect(reconcile.detail).toMatch(/^\d{1,3}(\.\d{3})* rows read/);
  },
};

/** While the manifest loads. */
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Checking the data…');

/** No extract where `src` points. */
export const MissingManifest: Story = statusStory(TAG, { src: MISSING }, 'alert', /^Data status unavailable.*HTTP 404/);

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src, staleAfter, locale }) =>
    html`<div style="${DARK_PAGE} max-width: 960px"><atliq-data-status theme="dark" src=${src} stale-after=${staleAfter}
      locale=${locale}></atliq-data-status></div>`,
  play: async ({ canvasElement, args }) => {
    const panel = panelIn(canvasElement);
    await pinNow(panel, args.hoursAfterSnapshot);
    await expect(getComputedStyle(panel.shadowRoot!.querySelector('strong')!).color).toBe('rgb(230, 233, 239)');
  },
};
