import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../index.ts';
import {
  DARK_PAGE,
  ENGINE_STALLED,
  EXTRACT,
  GRAIN_ONLY,
  LOADING,
  MISSING,
  PROFIT_EXTRACT,
} from '../../test/story-sources.ts';
import { loaded, statusStory } from '../../test/story-states.ts';
import type { AtliqDashboard } from '../dashboard/dashboard.ts';
import type { AtliqInsights, InsightKind } from './insights.ts';

interface Args {
  src: string;
  kinds: string;
  target: string;
}

const TAG = 'atliq-insights';
const insightsIn = (canvas: HTMLElement) => canvas.querySelector(TAG) as AtliqInsights;

const meta = {
  title: 'Insights/Insights',
  component: TAG,
  args: { src: PROFIT_EXTRACT, kinds: '', target: '' },
  render: ({ src, kinds, target }) =>
    html`<atliq-insights src=${src} kinds=${kinds} target=${target} max="8" style="max-width: 760px"></atliq-insights>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A story that shows one kind of insight, and checks that the extract has one to show. */
function kindStory(kind: InsightKind, args: Partial<Args> = {}): Story {
  return {
    args: { kinds: kind, ...args },
    play: async ({ canvasElement }) => {
      const items = await loaded(insightsIn(canvasElement));
      await expect(items.length).toBeGreaterThan(0);
      await expect(items.every((i) => i.kind === kind)).toBe(true);
    },
  };
}

/** Everything worth saying about the year to 26 Jun 2020, most important first; the first as the headline. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = insightsIn(canvasElement);
    const items = await loaded(el);
    await expect(items[0]?.text).toMatch(/^Revenue (fell|rose)/);
    await expect(el.shadowRoot!.querySelector('[part~="headline"]')).not.toBeNull();
    await expect(el.shadowRoot!.querySelector('[part="caveats"]')?.textContent).toContain('complete only to the 26th');
  },
};

/** The change and the members that explain two thirds of it, as a waterfall. */
export const Change: Story = kindStory('change');
/** Margin's change split into a mix and a rate effect. */
export const Margin: Story = kindStory('margin');
/** A market's revenue falling month after month (Mann–Kendall, Theil–Sen). */
export const Trend: Story = kindStory('trend');
/**
 * A month far outside the band expected of it (February 2020 of the extract without profit columns), with its own
 * bridge against February 2019: the markets that led it, as a waterfall under the band.
 */
export const UnusualMonth: Story = {
  args: { kinds: 'unusual-month', src: EXTRACT },
  play: async ({ canvasElement }) => {
    const el = insightsIn(canvasElement);
    await waitFor(() => expect(el.data?.[0]?.contributions).toBeDefined(), { timeout: 25_000 });
    await expect(el.data![0]!.text).toMatch(/, led by /);
    const pictures = el.shadowRoot!.querySelectorAll('[data-kind="unusual-month"] [part="picture"]');
    await expect(pictures.length).toBe(2);
  },
};
/** Loss-makers, grouped by market, customer and product type. */
export const Loss: Story = kindStory('loss');
/** Markets below a 5 % profit target, with the profit the gap costs. */
export const BelowTarget: Story = kindStory('below-target', { target: '5' });

/** One kind of insight inside a dashboard cross-filtered to one market, where the extract has one to show. */
function inMarketStory(
  kind: InsightKind,
  market: string,
  args: Partial<Args> = {},
  check: (el: AtliqInsights) => Promise<void> = async () => {},
): Story {
  return {
    args,
    render: ({ src }) => html`<atliq-dashboard src=${src}>
      <atliq-insights kinds=${kind} data-span="full"></atliq-insights></atliq-dashboard>`,
    play: async ({ canvasElement }) => {
      const dashboard = canvasElement.querySelector('atliq-dashboard') as AtliqDashboard;
      dashboard.selection.set('story', { filters: { market: [market] }, label: `Market: ${market}` });
      const el = insightsIn(canvasElement);
      await waitFor(() => expect(el.data?.[0]?.kind).toBe(kind), { timeout: 25_000 });
      await el.updateComplete;
      await check(el);
    },
  };
}

/**
 * Customer concentration in one market (Kanpur), where a few customers carry the business: the Pareto curve of the
 * cumulative share of its customers, largest first, with the largest and the 80 % point marked.
 */
export const Concentration: Story = inMarketStory('concentration', 'Kanpur', {}, async (el) => {
  const curve = el.shadowRoot!.querySelector('[data-kind="concentration"] svg.pareto');
  await expect(curve?.getAttribute('aria-label')).toMatch(/^Share of revenue by customers, largest first/);
});

/** New customers against lost ones in one market (Bengaluru of the extract without profit columns). */
export const Customers: Story = inMarketStory('customers', 'Bengaluru', { src: EXTRACT });

/** As of the end of the first year of data there is no earlier period: nothing to say, and it says so. */
export const NothingUnusual: Story = {
  args: { src: EXTRACT },
  render: ({ src }) => html`<atliq-insights src=${src} as-of="2017-12-31" style="max-width: 760px"></atliq-insights>`,
  play: async ({ canvasElement }) => {
    const el = insightsIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="nothing"]')).not.toBeNull(), { timeout: 25_000 });
  },
};

/** The extract without profit columns: the change, months and trends; no margin or loss insights. */
export const WithoutProfit: Story = {
  args: { src: EXTRACT },
  play: async ({ canvasElement }) => {
    const items = await loaded(insightsIn(canvasElement));
    await expect(items.some((i) => i.kind === 'margin' || i.kind === 'loss')).toBe(false);
  },
};

/**
 * Before the engine has read the extract, on an extract with bridge_grain.json: every insight at once, customers'
 * and product types' losses included, with no note that more follows.
 */
export const BeforeTheEngine: Story = {
  args: { src: GRAIN_ONLY },
  play: async ({ canvasElement }) => {
    const el = insightsIn(canvasElement);
    // A first stage may show for a moment while the file loads; then every insight, with no note that more follows.
    await waitFor(() => expect(el.data !== undefined && el.pending === null).toBe(true), { timeout: 25_000 });
    const items = el.data!;
    await expect(items[0]?.text).toMatch(/^Revenue (fell|rose)/);
    // Customers' losses: what only the grain (or the engine) answers, never the month and day files.
    await expect(items.some((i) => i.kind === 'loss' && /customers? lost/.test(i.text))).toBe(true);
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector('[part="pending"]')).toBeNull();
  },
};

/**
 * An extract published before bridge_grain.json, before the engine has read it: the change by market, margin, trends and market leaks come from the
 * snapshot's month and day files at once, with a note that customer and product insights follow.
 */
export const FirstStage: Story = {
  args: { src: ENGINE_STALLED },
  play: async ({ canvasElement }) => {
    const el = insightsIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="pending"]')).not.toBeNull(), { timeout: 25_000 });
    await expect(el.data?.[0]?.text).toMatch(/^Revenue (fell|rose)/);
  },
};

/** While the engine starts. */
export const Loading: Story = statusStory(TAG, { src: LOADING }, 'status', 'Looking for insights…');

/** A kind that does not exist: explained, nothing queried. */
export const UnknownKind: Story = statusStory(TAG, { kinds: 'gossip' }, 'alert', /kinds must list insight kinds/);

/** `src` points nowhere. */
export const MissingManifest: Story = statusStory(TAG, { src: MISSING }, 'alert', /^Insights unavailable.*HTTP 404/);

/** Themed for a dark page. */
export const DarkTheme: Story = {
  render: ({ src }) =>
    html`<div style="${DARK_PAGE} max-width: 760px"><atliq-insights theme="dark" src=${src}></atliq-insights></div>`,
  play: async ({ canvasElement }) => {
    await loaded(insightsIn(canvasElement));
  },
};
