import type { RunEvent } from '../publish/publish.ts';

/** What the reporter needs of a stream: `process.stderr`, or a test's stand-in. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Without a terminal, a table being read logs a line this often, and always its final count. */
const LOG_EVERY_MS = 2000;

/**
 * Renders run events: one self-updating status line on a terminal (phase, rows, rows/s), plain log lines
 * otherwise (CI, cron, pipes), only warnings with `quiet` (the `--json` summary owns stdout, not stderr).
 * Each table's final count stays: on a terminal its status line is kept when the next table or phase starts; in a
 * log it is written then, besides a line every LOG_EVERY_MS while it is read. A table read in a second thus logs
 * its total, not the first batch's count. On a terminal a warning replaces the status line and the status line is
 * drawn again below it, so neither is left half-overwritten.
 */
export function progressReporter(stream: ProgressStream, quiet: boolean): (event: RunEvent) => void {
  const started = Date.now();
  const tty = stream.isTTY === true;
  /** The table being read: its rows so far, when its reading started and its last batch came, its last log line. */
  let table:
    | { name: string; rows: number; since: number; at: number; loggedRows: number; loggedAt: number }
    | undefined;
  /** When the last phase started or the last batch came: a new table's reading started then. */
  let boundary = started;
  /** The status line on screen (tty only), '' when the cursor is at the start of an empty line. */
  let status = '';

  const line = (t: NonNullable<typeof table>) => {
    const rate = Math.round(t.rows / Math.max((t.at - t.since) / 1000, 0.001));
    return `  ${t.name}: ${t.rows.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s)`;
  };
  const log = (t: NonNullable<typeof table>) => {
    stream.write(`${line(t)}\n`);
    t.loggedRows = t.rows;
    t.loggedAt = t.at;
  };
  /** Leaves the finished table's final count on screen or in the log. */
  const finishTable = () => {
    if (table && tty && status) stream.write('\n');
    else if (table && !tty && table.loggedRows !== table.rows) log(table);
    status = '';
    table = undefined;
  };

  return (event) => {
    if (event.type === 'warning') {
      if (tty && status) stream.write('\r\x1b[K');
      stream.write(`warning: ${event.message}\n`);
      if (tty && status) stream.write(status);
      return;
    }
    if (quiet) return;
    if (event.type === 'phase') {
      finishTable();
      boundary = Date.now();
      stream.write(`[${((boundary - started) / 1000).toFixed(1)}s] ${event.phase}\n`);
      return;
    }
    if (table?.name !== event.table) {
      finishTable();
      table = { name: event.table, rows: 0, since: boundary, at: boundary, loggedRows: 0, loggedAt: boundary };
    }
    boundary = Date.now();
    table.rows = event.rows;
    table.at = boundary;
    if (tty) {
      status = line(table);
      stream.write(`\r${status}\x1b[K`);
    } else if (table.at - table.loggedAt >= LOG_EVERY_MS) {
      log(table);
    }
  };
}
