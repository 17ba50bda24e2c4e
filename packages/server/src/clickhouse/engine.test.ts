import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openClickHouse } from './engine.ts';

/**
 * The HTTP side of openClickHouse() against a stand-in server: what it sends and how it reads failures. Its SQL and
 * rows are tested on real ClickHouse (compile.chdb.test.ts, cluster.test.ts).
 */

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that drops the connection of the first `drops` requests without answering, then answers `body`. */
async function flaky(drops: number, body: string): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    if (asked.length <= drops) request.socket.destroy();
    else response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

const PUBLISHED = JSON.stringify({ meta: [], data: [] });

describe('openClickHouse()', () => {
  it('sends a read again once when the server closed the connection (seen with 18.16)', async () => {
    const { url, asked } = await flaky(1, PUBLISHED);
    expect(await openClickHouse({ url, database: 'db' }).current()).toBeNull();
    expect(asked).toHaveLength(2);
    expect(new URL(asked[1]!, url).searchParams.get('database')).toBe('db');
  });

  it('fails when the connection is closed twice', async () => {
    const { url, asked } = await flaky(2, PUBLISHED);
    await expect(openClickHouse({ url, database: 'db' }).current()).rejects.toThrow(/fetch failed/);
    expect(asked).toHaveLength(2);
  });
});
