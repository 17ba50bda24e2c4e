import { UsageError } from '../cli/source-url.ts';

/** Where `--sink clickhouse://…` publishes: one HTTP endpoint per shard of the cluster, and the database. */
export interface ClickHouseSinkSpec {
  /** `http://host:port`, one per node; the first one receives the inserts. */
  nodes: string[];
  database: string;
  user: string;
  /** From CLICKHOUSE_PASSWORD; empty for none. */
  password: string;
}

export const SINK_FORMAT = 'clickhouse://[USER@]HOST:PORT[,HOST:PORT…]/DATABASE (one HTTP endpoint per shard)';

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;
const DATABASE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Parses `--sink clickhouse://[USER@]HOST:PORT[,HOST:PORT…]/DATABASE`: the HTTP interface (port 8123 by default
 * in ClickHouse) of every node of the cluster `atliq`, one per shard, because each node gets its own tables (`ON
 * CLUSTER` would need ZooKeeper). The password comes from `CLICKHOUSE_PASSWORD`; one in the URL is refused.
 */
export function parseSink(spec: string, env: Record<string, string | undefined>): ClickHouseSinkSpec {
  const m = /^clickhouse:\/\/(?:([^@/]*)@)?([^/]*)\/(.*)$/.exec(spec);
  if (!m) throw new UsageError(`--sink "${redactSink(spec)}" is not a ClickHouse URL: use ${SINK_FORMAT}`);
  const [, userInfo, hosts, database] = m as unknown as [string, string | undefined, string, string];
  if (userInfo?.includes(':')) {
    throw new UsageError(
      `--sink "${redactSink(spec)}": a password in the URL stays in shell history and shows in every process list — ` +
        'remove it and set CLICKHOUSE_PASSWORD',
    );
  }
  if (userInfo === '') throw new UsageError(`--sink "${spec}": empty user before "@"`);
  const nodes: string[] = [];
  for (const hostPort of hosts.split(',')) {
    const hp = HOST_PORT.exec(hostPort);
    const port = hp ? Number(hp[2]) : 0;
    if (!hp || port < 1 || port > 65535) {
      throw new UsageError(
        `--sink "${spec}": "${hostPort}" is not HOST:PORT (the HTTP port, e.g. db1:8123); use ${SINK_FORMAT}`,
      );
    }
    const url = `http://${hp[1]}:${port}`;
    if (nodes.includes(url)) throw new UsageError(`--sink "${spec}": ${hostPort} is listed twice`);
    nodes.push(url);
  }
  if (!DATABASE.test(database)) {
    throw new UsageError(
      `--sink "${spec}": the database must be letters, digits and "_" (not starting with a digit), got "${database}"`,
    );
  }
  return {
    nodes,
    database,
    user: userInfo ? decodeURIComponent(userInfo) : 'default',
    password: env['CLICKHOUSE_PASSWORD'] ?? '',
  };
}

/** The URL without anything after a `:` in its user part (a password), for messages. */
export function redactSink(spec: string): string {
  return spec.replace(/^(clickhouse:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}
