/**
 * Our publish as a user runs it (`pnpm etl publish`): the CLI's launcher in a child process, under /usr/bin/time
 * for its peak RSS.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Server } from './pipelines.ts';
import type { LatencySample, Writer } from './writer.ts';

export interface PublishRun {
  rows: number;
  /** The run as the CLI times it (connect to manifest swap, without node's start-up). */
  seconds: number;
  /** Each phase's share of the run, as the CLI's phase lines time it. */
  phases: string;
  maxRssMb: number;
  /** The writer's latencies while the extract phase ran (when a writer was given). */
  writerDuringExtract: LatencySample;
}

export const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
/** The same CLI from its TypeScript sources through tsx, as `pnpm etl` ran it before the launcher. */
export const TSX_CLI = ['--import', 'tsx', join(import.meta.dirname, '../src/cli.ts')];

export function runPublish(
  s: Server,
  out: string,
  writer?: Writer,
  extra: string[] = [],
  command: string[] = [cli],
): Promise<PublishRun> {
  const source = `mysql://${s.user}@${s.host}:${s.port}/${s.database}`;
  const args = ['-f', 'maxrss_kb=%M', process.execPath, ...command, 'publish', '--source', source];
  const child = spawn('/usr/bin/time', [...args, '--out', out, ...extra], {
    env: { ...process.env, MYSQL_PWD: s.password },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let extractStarted = false;
  let extractDone = false;
  let writerDuringExtract: LatencySample = { n: 0, p99: Number.NaN };
  // Phase lines (plain log lines: stderr is not a TTY) bracket the extract for the writer's sample.
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (!extractStarted && /\] extract\n/.test(stderr)) {
      extractStarted = true;
      writer?.sample();
    }
    if (!extractDone && /\] transform\n/.test(stderr)) {
      extractDone = true;
      if (writer) writerDuringExtract = writer.sample();
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const done = /published \S+: (\d+) rows, (\d+) quarantined .* in ([\d.]+)s/.exec(stderr);
      const rss = /maxrss_kb=(\d+)/.exec(stderr);
      if (code !== 0 || !done || !rss) return reject(new Error(`publish failed (${code}):\n${stderr}`));
      resolve({
        rows: Number(done[1]) + Number(done[2]),
        seconds: Number(done[3]),
        phases: phaseDurations(stderr, Number(done[3])),
        maxRssMb: Number(rss[1]) / 1024,
        writerDuringExtract,
      });
    });
  });
}

/** "extract 3.1 s, transform 6.0 s, …" from the `[12.3s] phase` lines. */
function phaseDurations(stderr: string, total: number): string {
  const marks = [...stderr.matchAll(/\[([\d.]+)s\] (\w+)\n/g)].map((m) => ({ at: Number(m[1]), phase: m[2]! }));
  return marks.map((m, i) => `${m.phase} ${((marks[i + 1]?.at ?? total) - m.at).toFixed(1)} s`).join(', ');
}
