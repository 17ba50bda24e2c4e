import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Mounts, staticHandler } from './static.ts';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the static server on 127.0.0.1 (port 0 picks a free one). */
export async function startServer(mounts: Mounts, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const handle = staticHandler(mounts);
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`server error: ${err.message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
