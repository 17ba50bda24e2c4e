import { AtliqSource, type Connector } from '@atliq/sdk';

/** Margin, revenue share and profit share by market, as a source with profit columns would answer. */
export const PROFIT_ROWS = [
  { market: 'Delhi NCR', margin: 3.2, revenue_share: 38.1, profit_share: 61.5 },
  { market: 'Mumbai', margin: 1.4, revenue_share: 19.7, profit_share: 13.9 },
  { market: 'Ahmedabad', margin: 0.6, revenue_share: 14.2, profit_share: 4.3 },
  { market: 'Kochi', margin: -1.8, revenue_share: 6.5, profit_share: -5.9 },
  { market: 'Nagpur', margin: 2.1, revenue_share: 21.5, profit_share: 26.2 },
];

/** The customers of a drilled market, as the same source answers when grouped by customer. */
export const PROFIT_CUSTOMER_ROWS = [
  { customer: 'Nova Stores', margin: -0.5, revenue_share: 55, profit_share: -20 },
  { customer: 'Atlas Stores', margin: 2.4, revenue_share: 45, profit_share: 120 },
];

/** Every query the profit sources received, for tests that check what was bound as a parameter. */
export const profitQueries: { sql: string; params: readonly unknown[] }[] = [];

/**
 * The test extract's manifest with `measures.profit` switched on and an engine that answers with
 * {@link PROFIT_ROWS} (by customer: {@link PROFIT_CUSTOMER_ROWS}): the with-profit states until a test extract with profit columns exists.
 */
export function registerProfitSource(url: string): string {
  const source = new AtliqSource(url, {
    fetch: async (input, init) => {
      const real = await fetch(String(input).replace(/\?.*$/, ''), init);
      const manifest = await real.json();
      manifest.measures.profit = true;
      return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });
    },
    connect: async (): Promise<Connector> => ({
      query: async (sql, params) => {
        profitQueries.push({ sql, params });
        return sql.includes('AS "customer"') ? PROFIT_CUSTOMER_ROWS : PROFIT_ROWS;
      },
      close: async () => {},
    }),
  });
  AtliqSource.register(source);
  return source.url;
}
