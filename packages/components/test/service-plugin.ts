import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import { testExtractMounts } from './extracts-plugin.ts';
import { NORTH, type ServiceRequest } from './service-readers.ts';

type Server = typeof import('../../server/src/index.ts');

/**
 * Runs the query service (`@atliq/server`, DuckDB engine) in Node over each test extract and puts a front server
 * before it on the Vite server, as a company's SSO proxy would: `/service/<extract>/<reader>/…` goes to the service
 * over `/<extract>/`'s folder with `X-Remote-User: <reader>` set by the front (a header the page sends is dropped, so
 * the page cannot choose its identity). The service scopes readers named `north…` to the North zone and lets the
 * others see everything. The front records each reader's requests: `GET /service-log/<reader>` lists them, for tests
 * that check which connector a page used. Answers are computed in Node, on the same published snapshot the browser's
 * DuckDB-WASM reads.
 */
export function queryServicePlugin(): Plugin {
  const log = new Map<string, ServiceRequest[]>();
  let services: Promise<Map<string, string>> | undefined;
  let close: (() => Promise<void>) | undefined;

  const start = async () => {
    const { startQueryServer } = (await tsImport('../../server/src/index.ts', import.meta.url)) as Server;
    const urls = new Map<string, string>();
    const started: { close(): Promise<void> }[] = [];
    for (const [prefix, extracts] of Object.entries(await testExtractMounts())) {
      const server = await startQueryServer({
        extracts,
        scopeOf: (user) => (user?.startsWith('north') ? { name: 'north', filter: { zone: [NORTH] } } : 'all'),
      });
      started.push(server);
      urls.set(prefix.slice(1), server.url);
    }
    close = async () => {
      await Promise.all(started.map((s) => s.close()));
    };
    return urls;
  };

  const front = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://front');
    const logged = /^\/service-log\/([^/]+)$/.exec(url.pathname);
    if (logged) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(JSON.stringify(log.get(decodeURIComponent(logged[1]!)) ?? []));
    }
    const routed = /^\/service\/([^/]+)\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!routed) return next();
    const [, extract, reader, rest] = routed as unknown as [string, string, string, string];
    services ??= start();
    const target = (await services).get(extract);
    if (!target) return next();
    const requests = log.get(reader) ?? [];
    log.set(reader, requests);
    requests.push({ method: req.method ?? 'GET', path: rest, range: (req.headers.range as string) ?? null });
    const headers = { ...req.headers, 'x-remote-user': reader, host: new URL(target).host };
    const upstream = httpRequest(`${target}${rest}${url.search}`, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  };

  return {
    name: 'atliq-test-query-service',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        front(req, res, next).catch(next);
      });
      server.httpServer?.once('close', () => void close?.());
    },
  };
}
