import mysql from 'mysql2/promise';
import type { ServerFlavor } from './mysql-session.ts';

/** When the ETL backs off. Both checks run on a second connection, between batches of the running stream. */
export interface BusyPolicy {
  /** Pause while `Threads_running` is above this (the ETL's own two connections count). 0 turns the check off. */
  maxThreadsRunning: number;
  /** Pause while a replica is more than this many seconds behind its primary. 0 turns the check off. */
  maxReplicaLagSeconds: number;
  /** Look at the server at most this often (ms), so the checks themselves stay cheap. */
  checkEveryMs: number;
  /** How long to wait before looking again while the server is busy (ms). */
  pauseMs: number;
}

export const DEFAULT_BUSY_POLICY: BusyPolicy = {
  maxThreadsRunning: 32,
  maxReplicaLagSeconds: 30,
  checkEveryMs: 1000,
  pauseMs: 2000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches the server's load (and replication lag, on a replica) and makes the extract wait while it is above the
 * policy's thresholds. The stream calls `check()` between batches (rows keep flowing meanwhile) and, when it names
 * a reason, pauses its connection for `waitUntilQuiet()`: a busy server simply stops receiving reads for a while.
 */
export class BusyGuard {
  private lastCheck = 0;
  /** null: not a replica, or lag cannot be read (then said once through `notice`). */
  private lagQuery: string | null;
  private warnedStopped = false;
  /** Rejects when the guard's connection fails: a query sent to a dead server may otherwise never settle. */
  private readonly lost: Promise<never>;

  private constructor(
    private readonly conn: mysql.Connection,
    private readonly policy: BusyPolicy,
    private readonly notice: (message: string) => void,
    flavor: ServerFlavor,
  ) {
    this.lagQuery =
      policy.maxReplicaLagSeconds > 0
        ? flavor === 'mariadb'
          ? 'SHOW ALL SLAVES STATUS'
          : 'SHOW REPLICA STATUS'
        : null;
    this.lost = new Promise<never>((_, reject) => {
      conn.once('error', reject);
      // Same code as mysql2 gives a connection lost mid-query, so the error reads the same whichever socket saw it.
      const closed = Object.assign(new Error('Connection lost: the server closed the connection'), {
        code: 'PROTOCOL_CONNECTION_LOST',
      });
      conn.once('end', () => reject(closed));
    });
    this.lost.catch(() => {});
  }

  static async create(
    options: mysql.ConnectionOptions,
    policy: BusyPolicy,
    flavor: ServerFlavor,
    notice: (message: string) => void,
  ): Promise<BusyGuard> {
    const guard = new BusyGuard(await mysql.createConnection(options), policy, notice, flavor);
    await guard.replicaLag();
    return guard;
  }

  /** Whether it is time to look at the server again (the last look is `checkEveryMs` old). */
  due(): boolean {
    return Date.now() - this.lastCheck >= this.policy.checkEveryMs;
  }

  /** Waits, re-checking every `pauseMs`, until the server is no longer busy; `reason` is the check that said so. */
  async waitUntilQuiet(reason: string): Promise<void> {
    const pausedAt = Date.now();
    this.notice(`server busy (${reason}): pausing the extract`);
    let still: string | null = reason;
    while (still) {
      await sleep(this.policy.pauseMs);
      still = await this.check();
    }
    this.notice(`server no longer busy: resuming the extract after ${((Date.now() - pausedAt) / 1000).toFixed(1)} s`);
  }

  async close(): Promise<void> {
    await this.conn.end().catch(() => this.conn.destroy());
  }

  /** Why the server is too busy for the extract right now, or null. */
  async check(): Promise<string | null> {
    this.lastCheck = Date.now();
    const { maxThreadsRunning, maxReplicaLagSeconds } = this.policy;
    if (maxThreadsRunning > 0) {
      const [rows] = await Promise.race([this.conn.query("SHOW GLOBAL STATUS LIKE 'Threads_running'"), this.lost]);
      const running = Number((rows as { Value: string }[])[0]?.Value);
      if (running > maxThreadsRunning) return `Threads_running ${running} > ${maxThreadsRunning}`;
    }
    const lag = await this.replicaLag();
    if (lag !== null && lag > maxReplicaLagSeconds)
      return `replica ${lag} s behind its primary > ${maxReplicaLagSeconds} s`;
    return null;
  }

  /** Seconds behind the primary, the worst over all replication channels; null on a primary. */
  private async replicaLag(): Promise<number | null> {
    if (!this.lagQuery) return null;
    let rows: Record<string, unknown>[];
    try {
      [rows] = (await Promise.race([this.conn.query(this.lagQuery), this.lost])) as unknown as [
        Record<string, unknown>[],
      ];
    } catch (err) {
      this.lagQuery = null;
      this.notice(
        `cannot read replication lag (${(err as Error).message}); lag back-off is off — grant REPLICATION CLIENT ` +
          '(MariaDB ≥ 10.5: SLAVE MONITOR) to enable it',
      );
      return null;
    }
    if (rows.length === 0) {
      this.lagQuery = null;
      return null;
    }
    const lags = rows.map((r) => r['Seconds_Behind_Master'] ?? r['Seconds_Behind_Source']);
    // NULL lag means replication is stopped: the data is as old as it is, and waiting would not make it newer.
    if (!this.warnedStopped && lags.some((l) => l === null)) {
      this.warnedStopped = true;
      this.notice('replication is stopped on this replica: the extract may be stale');
    }
    return Math.max(0, ...lags.filter((l) => l !== null).map(Number));
  }
}
