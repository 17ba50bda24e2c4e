import type { RunEvent } from '../publish/publish.ts';

/** What the reporter needs of a stream: `process.stderr`, or a test's stand-in. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Renders run events: one self-updating status line on a terminal (phase, rows, rows/s), plain log lines
 * otherwise (CI, cron, pipes), only warnings with `quiet` (the `--json` summary owns stdout, not stderr).
 * On a terminal a warning replaces the status line and the status line is drawn again below it, so neither is
 * left half-overwritten.
 */
export function progressReporter(stream: ProgressStream, quiet: boolean): (event: RunEvent) => void {
  const started = Date.now();
  let lastLine = 0;
  const tty = stream.isTTY === true;
  /** The status line on screen (tty only), '' when the cursor is at the start of an empty line. */
  let status = '';
  return (event) => {
    if (event.type === 'warning') {
      if (tty && status) stream.write('\r\x1b[K');
      stream.write(`warning: ${event.message}\n`);
      if (tty && status) stream.write(status);
      return;
    }
    if (quiet) return;
    const elapsed = (Date.now() - started) / 1000;
    if (event.type === 'phase') {
      if (tty && status) stream.write('\n');
      status = '';
      stream.write(`[${elapsed.toFixed(1)}s] ${event.phase}\n`);
      return;
    }
    const rate = Math.round(event.rows / Math.max(elapsed, 0.001));
    const line = `  ${event.table}: ${event.rows.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s)`;
    if (tty) {
      status = line;
      stream.write(`\r${line}\x1b[K`);
    } else if (Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      stream.write(`${line}\n`);
    }
  };
}
