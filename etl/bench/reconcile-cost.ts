/**
 * What the reconciliation costs the source: the server's aggregate scan (`totalsSql`, as a run sends it) inside a
 * consistent snapshot, timed, with the CPU the server process spent on it read from /proc (utime + stime).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { totalsSql } from '../src/source/mysql-totals.ts';
import type { Server } from './pipelines.ts';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds the process has used so far (user + system). */
function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

export interface ScanCost {
  seconds: number;
  serverCpu: number;
  cells: number;
}

export async function reconcileCost(s: Server, serverPid: number, withProfit = false): Promise<ScanCost> {
  const conn = await mysql.createConnection(s);
  try {
    await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const cpu = cpuSeconds(serverPid);
    const started = performance.now();
    const [rows] = await conn.query(totalsSql(withProfit));
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(serverPid) - cpu;
    await conn.query('ROLLBACK');
    return { seconds, serverCpu, cells: (rows as unknown[]).length };
  } finally {
    await conn.end();
  }
}
