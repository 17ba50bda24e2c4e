/**
 * In-page probes for the benchmark, read by Playwright through `window.__bench`. They measure from outside the
 * components: each `<atliq-*>` class's `updated()` (called by Lit after a render is committed to the DOM) is wrapped
 * to note when an element first rendered with data, and when it rendered with new data after a click.
 */
import type { AtliqSource } from '@atliq/sdk';
import { engineStats } from './counting-connect.ts';

/** A tile; `<atliq-insights>` also says what it is still reading (`pending`: its first stage is on screen). */
type DataElement = HTMLElement & { data?: unknown; pending?: string | null; shadowRoot: ShadowRoot };

export interface BenchProbe {
  /**
   * Milliseconds since navigation start: engineReady, firstChart (a chart, not a KPI figure), allTiles, insights (the
   * first insights shown) and insightsComplete (every insight in).
   */
  readonly marks: Record<string, number>;
  readonly errors: string[];
  /** Number of bars of the revenue-by-market chart. */
  bars(): number;
  /**
   * A pointer entering the revenue chart, as before a person's first click on it; resolves with the ms until
   * every cube the other tiles' sources were asked to prepare is built (0 when none was: the baseline).
   */
  activate(): Promise<number>;
  /** Clicks bar `index` of the revenue chart; resolves once every cross-filtered tile re-rendered. */
  click(index: number): Promise<Click>;
}

/** One click, in ms since it was dispatched. */
export interface Click {
  /** Every cross-filtered tile re-rendered with its new data. */
  rendered: number;
  /** The last query the click caused resolved: the rest of `rendered` is rendering (Lit, D3, layout). */
  data: number;
  /** Queries the tiles asked the source for (cache hits included). */
  queries: number;
  /** Of those, the ones that reached the engine (cache misses). */
  engineQueries: number;
  /**
   * `<atliq-insights>` re-rendered with the click's insights: timed on its own, since the charts do not wait for it
   * (NaN when the page has none).
   */
  insights: number;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

/**
 * Whether a tile shows everything it will: a KPI draws its figure before its comparison, the trend its cut last
 * period before that period's earlier days; neither counts as rendered until the second part is there.
 */
function settled(el: DataElement): boolean {
  const data = el.data as { comparison?: unknown } | readonly { to?: string; previous: unknown }[] | undefined;
  if (data === undefined) return false;
  if (el.localName === 'atliq-kpi') return (data as { comparison?: unknown }).comparison !== undefined;
  if (el.localName === 'atliq-trend-chart') {
    const last = (data as readonly { to?: string; previous: unknown }[]).at(-1);
    return last?.to === undefined || last.previous !== null;
  }
  return true;
}

/** The insights panel: timed apart from the tiles (`marks.insights`, `Click.insights`). */
const INSIGHTS = 'atliq-insights';

const TAGS = [
  'insights',
  'kpi',
  'revenue-chart',
  'trend-chart',
  'top-list',
  'profit-chart',
  'filter-bar',
  'data-status',
];
const CHARTS = new Set(['atliq-revenue-chart', 'atliq-trend-chart', 'atliq-top-list', 'atliq-profit-chart']);
// Declared `crossFiltered: false` in the components: a selection never changes their data.
const UNFILTERED = new Set(['atliq-filter-bar', 'atliq-data-status']);
const CLICK_TIMEOUT_MS = 120_000;

/** Creates the page's full default `<atliq-dashboard>` for `src` and exposes the probes as `window.__bench`. */
/**
 * Mounts the default dashboard on `source` and installs `window.__bench`. With `timeInsights`, each click also waits
 * for `<atliq-insights>` and times it (`Click.insights`); without, the panel still computes (the same dashboard) but
 * nothing waits for it — the baseline's insights, every query a full scan, would outlast the click timeout.
 */
export function mountDashboard(src: string, source: AtliqSource, { timeInsights = true } = {}): void {
  const marks: Record<string, number> = {};
  const errors: string[] = [];
  let onRender: ((el: DataElement) => void) | undefined;
  const queries = countQueries(source);
  const preparing = watchPrepare(source);
  const dashboard = document.createElement('atliq-dashboard');
  const tiles = () =>
    [...(dashboard.shadowRoot?.querySelectorAll<DataElement>('*') ?? [])].filter((e) =>
      e.localName.startsWith('atliq-'),
    );

  for (const tag of TAGS) {
    const proto = customElements.get(`atliq-${tag}`)!.prototype as { updated(changed: unknown): void };
    const updated = proto.updated;
    proto.updated = function (this: DataElement, changed: unknown) {
      updated.call(this, changed);
      if (this.data !== undefined) {
        const now = performance.now();
        if (CHARTS.has(this.localName)) marks['firstChart'] ??= now;
        if (this.localName === INSIGHTS) {
          marks['insights'] ??= now;
          if (!this.pending) marks['insightsComplete'] ??= now;
        }
        if (marks['allTiles'] === undefined && tiles().every((t) => t.localName === INSIGHTS || settled(t))) {
          Object.assign(marks, { allTiles: now, firstQueryStart: engineStats.firstStart });
          Object.assign(marks, { firstQueryEnd: engineStats.firstEnd, loadQueries: engineStats.queries });
        }
      }
      onRender?.(this);
    };
  }
  source.ready.then(
    () => {
      marks['engineReady'] = performance.now();
    },
    (e: Error) => errors.push(e.message),
  );
  addEventListener('atliq-error', (e) => errors.push((e as CustomEvent<{ message: string }>).detail.message));

  const revenueChart = () => dashboard.shadowRoot!.querySelector<DataElement>('#revenue-by-market')!;
  window.__bench = {
    marks,
    errors,
    bars: () => revenueChart().shadowRoot.querySelectorAll('g.mark').length,
    async activate() {
      preparing.length = 0;
      const start = performance.now();
      revenueChart().dispatchEvent(new PointerEvent('pointerenter'));
      await Promise.all(preparing);
      return preparing.length === 0 ? 0 : performance.now() - start;
    },
    click(index) {
      const chart = revenueChart();
      const bar = chart.shadowRoot.querySelector(`g.mark[data-index="${index}"]`);
      if (!bar) return Promise.reject(new Error(`no bar ${index} in the revenue chart`));
      const before = new Map(
        tiles()
          .filter((t) => t !== chart && !UNFILTERED.has(t.localName) && t.localName !== INSIGHTS)
          .map((t) => [t, t.data]),
      );
      let chartRendered = false;
      const insights = tiles().find((t) => t.localName === INSIGHTS);
      const insightsBefore = insights?.data;
      let insightsAt = insights && timeInsights ? Number.NaN : 0;
      let chartsAt: number | undefined;
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          const left = [...before.keys(), ...(Number.isNaN(insightsAt) ? [insights!] : [])]
            .map((t) => t.id || t.localName)
            .join(', ');
          reject(new Error(`not re-rendered after ${CLICK_TIMEOUT_MS} ms: ${left}; errors: ${errors.join('; ')}`));
        }, CLICK_TIMEOUT_MS);
        onRender = (el) => {
          if (el === chart) chartRendered = true;
          // A click's insights count when every one is in, not when a first stage shows.
          if (el === insights && el.data !== insightsBefore && !el.pending && Number.isNaN(insightsAt)) {
            insightsAt = performance.now();
          }
          // Rendered with a new result, not the previous one kept on screen while the query runs.
          else if (before.has(el) && el.data !== before.get(el) && settled(el)) before.delete(el);
          if (chartRendered && before.size === 0) chartsAt ??= performance.now();
          if (chartsAt !== undefined && !Number.isNaN(insightsAt)) {
            clearTimeout(timer);
            onRender = undefined;
            resolve(chartsAt);
          }
        };
      });
      queries.count = 0;
      const engineBefore = engineStats.queries;
      const start = performance.now();
      queries.lastEnd = start;
      bar.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return done.then((end) => ({
        rendered: end - start,
        data: queries.lastEnd - start,
        queries: queries.count,
        engineQueries: engineStats.queries - engineBefore,
        insights: insights && timeInsights ? insightsAt - start : Number.NaN,
      }));
    },
  };
  dashboard.setAttribute('src', src);
  document.body.append(dashboard);
}

/** Counts the source's queries and notes when the last one resolved, by wrapping `query` on this instance only. */
function countQueries(source: AtliqSource): { count: number; lastEnd: number } {
  const stats = { count: 0, lastEnd: 0 };
  const query = source.query.bind(source);
  source.query = (spec, options) => {
    stats.count++;
    return query(spec, options).finally(() => {
      stats.lastEnd = performance.now();
    });
  };
  return stats;
}

/** Collects the promises of the source's `prepare` calls (the tiles' cube builds), by wrapping it on this instance. */
function watchPrepare(source: AtliqSource): Promise<void>[] {
  const pending: Promise<void>[] = [];
  // An SDK without cubes (an older version) has no prepare: nothing to wait for.
  const prepare = (source as Partial<AtliqSource>).prepare?.bind(source);
  if (prepare) {
    source.prepare = (specs, index) => {
      const done = prepare(specs, index);
      pending.push(done);
      return done;
    };
  }
  return pending;
}
