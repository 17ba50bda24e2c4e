/**
 * A private, throw-away ClickHouse cluster for tests: N `clickhouse-server` processes (Debian's 18.16 package), each
 * with its own config, data, tmp and log folders under one temporary folder and its own loopback ports, forming the
 * cluster `atliq` (one shard per process, no replicas, so no ZooKeeper). `stop()` ends them and deletes the folder.
 * It never touches a system-wide server or its files.
 *
 * Shared by the ETL's sink tests and the query service's: import it by path, e.g.
 * `import { startClickHouseCluster } from '../../../etl/src/testing/clickhouse.ts'`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary, freePort } from './local-server.ts';

/** The cluster name in every node's `remote_servers`: the sink's `Distributed` tables name it. */
export const CLUSTER = 'atliq';

export interface ClickHouseNode {
  host: string;
  /** HTTP interface port (`http://host:http/`). */
  http: number;
  /** Native protocol port: the one `remote_servers` names, which the Distributed engine talks to. */
  tcp: number;
  interserver: number;
  /** `http://127.0.0.1:<http>` */
  url: string;
  /** This node's folder (config.xml, data/, tmp/, log/). */
  dir: string;
  /** Ends the process (SIGKILL by default: a crash; SIGTERM: a clean shutdown, ~8 s on 18.16). Its data stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same ports and data (after kill). */
  start(): Promise<void>;
}

export interface ClickHouseCluster {
  nodes: ClickHouseNode[];
  cluster: typeof CLUSTER;
  /** Wall time from the first spawn to every node answering /ping, in ms. */
  startMs: number;
  /** Ends every node (SIGKILL) and deletes the cluster's folder. */
  stop(): Promise<void>;
}

export interface ClickHouseClusterOptions {
  /** Shards, one process each (default 2). */
  shards?: number;
}

/**
 * Every server still running: killed when this process exits, whatever way it exits short of SIGKILL (a crashed
 * bench or test worker left its servers running otherwise, holding ports and disk).
 */
const live = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

const INSTALL_HINT = "run: bash .ci/setup test (it installs Debian's clickhouse-server)";
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** Starts a cluster of `shards` single-replica shards on loopback and waits until every node answers. */
export async function startClickHouseCluster(options: ClickHouseClusterOptions = {}): Promise<ClickHouseCluster> {
  const shards = options.shards ?? 2;
  const binary = await findBinary('clickhouse-server', INSTALL_HINT);
  const root = await mkdtemp(join(tmpdir(), 'atliq-clickhouse-'));
  const processes: (ChildProcess | undefined)[] = [];
  const stopNode = async (i: number, signal: NodeJS.Signals): Promise<void> => {
    const child = processes[i];
    processes[i] = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  const stop = async (): Promise<void> => {
    // SIGKILL: the folder is deleted next, and 18.16 takes ~8 s to shut down on SIGTERM.
    await Promise.all(processes.map((_, i) => stopNode(i, 'SIGKILL')));
    await rm(root, { recursive: true, force: true });
  };
  try {
    const ports: { http: number; tcp: number; interserver: number }[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < shards; i++) {
      ports.push({ http: await freshPort(taken), tcp: await freshPort(taken), interserver: await freshPort(taken) });
    }
    const nodes: ClickHouseNode[] = ports.map((p, i) => {
      const dir = join(root, `node${i + 1}`);
      const node: ClickHouseNode = {
        host: '127.0.0.1',
        ...p,
        url: `http://127.0.0.1:${p.http}`,
        dir,
        kill: (signal = 'SIGKILL') => stopNode(i, signal),
        start: async () => {
          if (processes[i]) return;
          const child = spawn(binary, [`--config-file=${join(dir, 'config.xml')}`], {
            cwd: dir,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          processes[i] = child;
          track(child);
          await whenReady(child, node, dir);
        },
      };
      return node;
    });
    for (const [i, node] of nodes.entries()) {
      for (const sub of ['data', 'tmp', 'log', 'user_files', 'format_schemas']) {
        await mkdir(join(node.dir, sub), { recursive: true });
      }
      await writeFile(join(node.dir, 'config.xml'), configXml(node, nodes, i));
    }
    const started = performance.now();
    await Promise.all(nodes.map((node) => node.start()));
    const startMs = performance.now() - started;
    return { nodes, cluster: CLUSTER, startMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const xml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * One node's whole configuration, users included (18.16 reads `<users>` from the main file when no users.xml sits
 * beside it): loopback only, small caches, `default` without a password from 127.0.0.1 only.
 */
function configXml(node: ClickHouseNode, nodes: ClickHouseNode[], index: number): string {
  const dir = xml(node.dir);
  const shards = nodes
    .map((n) => `      <shard><replica><host>${n.host}</host><port>${n.tcp}</port></replica></shard>`)
    .join('\n');
  return `<?xml version="1.0"?>
<!-- atliq test cluster, node ${index + 1} of ${nodes.length} -->
<yandex>
  <logger>
    <level>warning</level>
    <log>${dir}/log/server.log</log>
    <errorlog>${dir}/log/error.log</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>${node.host}</listen_host>
  <http_port>${node.http}</http_port>
  <tcp_port>${node.tcp}</tcp_port>
  <interserver_http_port>${node.interserver}</interserver_http_port>
  <interserver_http_host>${node.host}</interserver_http_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <max_concurrent_queries>50</max_concurrent_queries>
  <!-- 18.16 closes an idle connection after 3 s; fetch (undici) keeps one for 4 s and a request sent on it in
       between failed with "other side closed". Longer here, so the client always closes first. -->
  <keep_alive_timeout>600</keep_alive_timeout>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <timezone>UTC</timezone>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <quotas><default></default></quotas>
  <remote_servers>
    <${CLUSTER}>
${shards}
    </${CLUSTER}>
  </remote_servers>
</yandex>
`;
}

/** Resolves when the node answers `GET /ping`; rejects with its error log if it exits or hangs first. */
async function whenReady(child: ChildProcess, node: ClickHouseNode, dir: string): Promise<void> {
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = String(signal ?? code);
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && exit === undefined) {
    try {
      const res = await fetch(`${node.url}/ping`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok && (await res.text()).startsWith('Ok')) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await readFile(join(dir, 'log', 'error.log'), 'utf8').catch(() => '');
  child.kill('SIGKILL');
  const why = exit === undefined ? `not ready after ${START_TIMEOUT_MS} ms` : `exited (${exit}) while starting`;
  throw new Error(`clickhouse-server on port ${node.http} ${why}:\n${(log || stderr).slice(-4000)}`);
}

/** A TCP port nobody listens on right now, as the kernel hands it out, and not one handed out before. */
async function freshPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
}
