import type { Connect } from '@atliq/sdk';

/** Queries that reached the engine (cache misses), and when the page's first one started and resolved. */
export const engineStats = {
  queries: 0,
  firstStart: Number.NaN,
  firstEnd: Number.NaN,
  /** Every engine query: its SQL and when it was sent and answered (ms since navigation start). */
  log: [] as { sql: string; start: number; end: number }[],
};

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
        const entry = { sql, start: performance.now(), end: Number.NaN };
        engineStats.log.push(entry);
        const rows = await connector.query(sql, params);
        entry.end = performance.now();
        if (Number.isNaN(engineStats.firstEnd)) engineStats.firstEnd = entry.end;
        return rows;
      },
      close: () => connector.close(),
    };
  };
}
