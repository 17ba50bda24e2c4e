import { AtliqSource, type Connector } from '@atliq/sdk';
import { editedManifestSource } from './manifest-source.ts';

/** The test extract Storybook serves under /extracts/, addressed relatively as a host page would. */
export const EXTRACT = 'extracts/manifest.json';
/** The same sample published with profit columns, served under /extracts-profit/. */
export const PROFIT_EXTRACT = 'extracts-profit/manifest.json';

/** A manifest URL with nothing behind it: the server answers 404. */
export const MISSING = 'extracts/missing/manifest.json';

/** Sources for states the real extract cannot show: an answer that never comes, and queries with no rows. */
export const LOADING = `${EXTRACT}?state=loading`;
export const EMPTY = `${EXTRACT}?state=empty`;
const noRows: Connector = { query: async () => [], close: async () => {} };
AtliqSource.register(new AtliqSource(LOADING, { fetch: () => new Promise<Response>(() => {}) }));
AtliqSource.register(new AtliqSource(EMPTY, { connect: async () => noRows, preaggregates: false }));
/** No rows from the extract with profit columns: profit is available, there is just nothing sold. */
export const PROFIT_EMPTY = `${PROFIT_EXTRACT}?state=empty`;
AtliqSource.register(new AtliqSource(PROFIT_EMPTY, { connect: async () => noRows, preaggregates: false }));

/**
 * The extract with profit whose engine never starts, as published before bridge_grain.json (its manifest without
 * it): what the snapshot's month and day files answer is all there is, as in the seconds before DuckDB-WASM has read
 * a large extract of an older ETL. (With the file, every insight shows without the engine.)
 */
export const ENGINE_STALLED = `${PROFIT_EXTRACT}?state=engine-stalled`;
AtliqSource.register(
  new AtliqSource(ENGINE_STALLED, {
    connect: () => new Promise<Connector>(() => {}),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/manifest.json')) return response;
      const { bridge_grain: _, ...manifest } = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });
    },
  }),
);

/**
 * The extract with profit whose engine never starts, with its bridge_grain.json: every insight, customers and
 * products too, comes from the snapshot's files before DuckDB-WASM has read anything.
 */
export const GRAIN_ONLY = `${PROFIT_EXTRACT}?state=grain-only`;
AtliqSource.register(new AtliqSource(GRAIN_ONLY, { connect: () => new Promise<Connector>(() => {}) }));

/** The markets of the South zone in the ETL's sample database (`etl/src/sample/reference-tables.ts`). */
export const SOUTH_MARKETS: readonly string[] = ['Chennai', 'Bengaluru', 'Kochi', 'Hyderabad', 'Bhubaneshwar'];

/**
 * A KPI's year to date after a loss: this year ₹1,93,000; last year's same days -₹1,00,000, so the change is from a
 * negative base. The baseline (1 Jan–26 Jun 2019) is asked as January–May (nothing here) plus 1–26 June (the loss).
 */
export const LOSS_LAST_YEAR = `${EXTRACT}?state=loss-last-year`;
const afterLoss: Connector = {
  query: async (sql, params) => {
    if (sql.startsWith('SELECT DISTINCT')) return [{ month: '2019-01' }, { month: '2020-01' }];
    const days = params.map(String);
    if (days.some((p) => p.startsWith('2019-06'))) return [{ revenue: -100_000 }];
    return [{ revenue: days.some((p) => p.startsWith('2019')) ? 0 : 193_000 }];
  },
  close: async () => {},
};
AtliqSource.register(new AtliqSource(LOSS_LAST_YEAR, { connect: async () => afterLoss, preaggregates: false }));

/** The test extract as if refreshed incrementally: one month read, the rest copied from the snapshot before. */
export const INCREMENTAL = editedManifestSource(`${EXTRACT}?state=incremental`, (m) => {
  m.refresh = {
    mode: 'incremental',
    from_snapshot: '20200626T000000Z-previous',
    months_read: 1,
    months_reused: 32,
    rows_reused: 19_412,
  };
});

/** The test extract as if published with `--reconcile off`: not checked against the source's own totals. */
export const UNRECONCILED = editedManifestSource(`${EXTRACT}?state=unreconciled`, (m) => {
  m.quality.reconciliation = { status: 'off' };
});

/** A dark intranet page; the elements on it take `theme="dark"`, the palette the library ships. */
export const DARK_PAGE = 'background: #151a23; padding: 16px;';

/** Text of the first element in `el`'s shadow root with `role`. */
export const statusText = (el: Element, role: 'status' | 'alert') =>
  el.shadowRoot?.querySelector(`[role="${role}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
