import { closeSync, openSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readTsvSql } from './stage-tsv.ts';

/**
 * Text per spool file before DuckDB loads it. Small enough that the last file's load (which nothing overlaps)
 * is short and few files sit on disk, big enough that read_csv's per-statement cost disappears.
 */
const FILE_BYTES = 8 << 20;

/**
 * Collects a table's TSV text in files under `dir` and has DuckDB load each file while the stream goes on: the
 * load runs on DuckDB's threads, the stream on node's. At most one load runs at a time; a file that is full
 * while the previous one still loads makes `write` return a promise (the source then pauses its stream).
 */
export class TsvSpool {
  private fd: number | null = null;
  private path = '';
  private bytes = 0;
  private files = 0;
  /** Loads run one after another on this chain; `pending` counts the queued and running ones. */
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  private failure: unknown = null;

  constructor(
    private readonly db: DuckDBConnection,
    private readonly target: string,
    private readonly columns: readonly string[],
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  /** Appends `text`; returns a promise only when the stream must wait for DuckDB. */
  write(text: string): Promise<void> | undefined {
    this.rethrow();
    if (this.fd === null) {
      this.path = join(this.dir, `${this.prefix}-${this.files++}.tsv`);
      this.fd = openSync(this.path, 'w');
      this.bytes = 0;
    }
    this.bytes += writeSync(this.fd, text);
    if (this.bytes < FILE_BYTES) return undefined;
    return this.rotate();
  }

  /** Loads what is left and waits for every load; rejects with the first failure. */
  async finish(): Promise<void> {
    await this.rotate();
    await this.chain;
    this.rethrow();
  }

  /**
   * After a failure: closes and deletes the file not yet loaded and waits for a running load, so nothing touches
   * DuckDB afterwards.
   */
  async abandon(): Promise<void> {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
      await rm(this.path, { force: true });
    }
    await this.chain;
  }

  /** Queues the full file's load; while an earlier load still runs, the caller gets that load to wait for. */
  private rotate(): Promise<void> | undefined {
    if (this.fd === null) return undefined;
    closeSync(this.fd);
    this.fd = null;
    const path = this.path;
    const earlier = this.chain;
    const busy = this.pending > 0;
    this.pending++;
    this.chain = earlier
      .then(() => this.load(path))
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => {
        this.pending--;
      });
    return busy ? earlier.then(() => this.rethrow()) : undefined;
  }

  private async load(path: string): Promise<void> {
    if (this.failure) return;
    await this.db.run(`INSERT INTO ${this.target} SELECT * FROM ${readTsvSql(path, this.columns)}`);
    await rm(path);
  }

  private rethrow(): void {
    if (this.failure) throw this.failure;
  }
}
