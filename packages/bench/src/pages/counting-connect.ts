import type { Connect } from '@atliq/sdk';

/** Queries that reached the engine (cache misses), and when the page's first one started and resolved. */
export const engineStats = { queries: 0, firstStart: Number.NaN, firstEnd: Number.NaN };

/**
 * `connect` with every engine query counted: the source's cache answers hits without calling the connector, so
 * this tells cold work from cached work from outside the SDK.
 */
export function counting(connect: Connect): Connect {
  return async (dbUrl) => {
    const connector = await connect(dbUrl);
    return {
      async query(sql, params) {
        engineStats.queries++;
        if (Number.isNaN(engineStats.firstStart)) engineStats.firstStart = performance.now();
        const rows = await connector.query(sql, params);
        if (Number.isNaN(engineStats.firstEnd)) engineStats.firstEnd = performance.now();
        return rows;
      },
      close: () => connector.close(),
    };
  };
}
