import { describe, expect, test } from 'vitest';
import type { Connector, Row } from './connector.ts';
import { QueryError, UnavailableMeasureError } from './errors.ts';
import { AtliqSource, type SourceOptions } from './source.ts';
import { sampleManifest } from './testing/manifest.ts';

/**
 * An engine that records the parameters of every query it runs and answers each with one row naming them, once the
 * test opens its gate. `fail` makes the next query fail instead.
 */
function fakeEngine() {
  const calls: (readonly unknown[])[] = [];
  let open: () => void = () => {};
  let gate = Promise.resolve();
  const engine = {
    calls,
    fail: false,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
    connector: {
      async query(_sql, params) {
        calls.push(params);
        await gate;
        if (engine.fail) {
          engine.fail = false;
          throw new Error('engine fell over');
        }
        return [{ params: params.join() }];
      },
      close: async () => {},
    } satisfies Connector,
  };
  return engine;
}

function sourceOver(connector: Connector, options: Partial<SourceOptions> & { profit?: boolean } = {}) {
  const manifest = JSON.stringify(sampleManifest({ profit: options.profit ?? false }));
  return new AtliqSource('https://intranet/extracts/manifest.json', {
    fetch: (async () => new Response(manifest)) as typeof fetch,
    connect: async () => connector,
    ...options,
  });
}

const inMarket = (...market: string[]) => ({ measures: ['revenue'], filters: { market } });

describe('AtliqSource.query() as the coordinator', () => {
  test('query() runs identical queries in flight once, then answers from the cache with frozen rows', async () => {
    const engine = fakeEngine();
    const source = sourceOver(engine.connector);
    engine.hold();
    const first = source.query(inMarket('Chennai'));
    const second = source.query(inMarket('Chennai'));
    await expect.poll(() => engine.calls.length).toBe(1);
    engine.release();
    const rows = await first;
    expect(rows).toEqual([{ params: 'Chennai' }]);
    expect(await second).toBe(rows);
    expect(await source.query(inMarket('Chennai'))).toBe(rows);
    expect(engine.calls).toHaveLength(1);
    expect(() => {
      (rows[0] as Row).params = 'changed';
    }).toThrow(TypeError);
  });

  test('query() keys the cache by parameters and evicts the least recently used result', async () => {
    const engine = fakeEngine();
    const source = sourceOver(engine.connector, { cacheSize: 2 });
    for (const market of ['Chennai', 'Mumbai', 'Chennai', 'Delhi NCR', 'Chennai', 'Mumbai']) {
      await source.query(inMarket(market));
    }
    // Chennai, used again before Delhi NCR arrived, stayed; Mumbai was pushed out and runs again.
    expect(engine.calls.map((p) => p[0])).toEqual(['Chennai', 'Mumbai', 'Delhi NCR', 'Mumbai']);
  });

  test('query() forgets a failure so the next identical query runs again', async () => {
    const engine = fakeEngine();
    const source = sourceOver(engine.connector);
    engine.fail = true;
    const error = await source.query(inMarket('Chennai')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).params).toEqual(['Chennai']);
    expect((error as QueryError).cause).toEqual(new Error('engine fell over'));
    expect(await source.query(inMarket('Chennai'))).toEqual([{ params: 'Chennai' }]);
    expect(engine.calls).toHaveLength(2);
  });

  test('query() rejects an aborted caller with the reason while a caller sharing the query gets its rows', async () => {
    const engine = fakeEngine();
    const source = sourceOver(engine.connector);
    engine.hold();
    const controller = new AbortController();
    const aborted = source.query(inMarket('Chennai'), { signal: controller.signal });
    const kept = source.query(inMarket('Chennai'));
    await expect.poll(() => engine.calls.length).toBe(1);
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(aborted).rejects.toThrow('gone');
    engine.release();
    expect(await kept).toEqual([{ params: 'Chennai' }]);
    await expect(source.query(inMarket('Mumbai'), { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(engine.calls).toHaveLength(1);
  });

  test('query() refuses profit measures when the manifest says the source has no profit', async () => {
    const engine = fakeEngine();
    const without = sourceOver(engine.connector, { profit: false });
    for (const measure of ['profit', 'margin', 'profit_share']) {
      const error = await without.query({ measures: ['revenue', measure] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnavailableMeasureError);
      expect((error as UnavailableMeasureError).measure).toBe(measure);
    }
    expect(engine.calls).toHaveLength(0);
    const withProfit = sourceOver(engine.connector, { profit: true });
    await expect(withProfit.query({ measures: ['margin'] })).resolves.toHaveLength(1);
  });

  test('close() releases the connection and forgets results; the next query reads the manifest and attaches again', async () => {
    const engine = fakeEngine();
    let closed = 0;
    let connects = 0;
    let manifests = 0;
    const source = new AtliqSource('https://intranet/extracts/manifest.json', {
      fetch: (async () => {
        manifests++;
        return new Response(JSON.stringify(sampleManifest()));
      }) as typeof fetch,
      connect: async () => {
        connects++;
        return { ...engine.connector, close: async () => void closed++ };
      },
    });
    await source.close();
    expect(closed).toBe(0);
    await source.query(inMarket('Chennai'));
    await source.close();
    expect([closed, source.manifest]).toEqual([1, undefined]);
    await source.query(inMarket('Chennai'));
    expect([connects, manifests, engine.calls.length]).toEqual([2, 2, 2]);
  });
});
