import type { RunEvent } from '../publish/publish.ts';

/**
 * Renders run events: one self-updating status line on a terminal (phase, rows, rows/s), plain log lines
 * otherwise (CI, cron, pipes), only warnings with `quiet` (the `--json` summary owns stdout, not stderr).
 */
export function progressReporter(stream: NodeJS.WriteStream, quiet: boolean): (event: RunEvent) => void {
  const started = Date.now();
  let lastLine = 0;
  const tty = stream.isTTY === true;
  return (event) => {
    if (event.type === 'warning') {
      stream.write(`${tty ? '\n' : ''}warning: ${event.message}\n`);
      return;
    }
    if (quiet) return;
    const elapsed = (Date.now() - started) / 1000;
    if (event.type === 'phase') {
      if (tty) stream.write('\n');
      stream.write(`[${elapsed.toFixed(1)}s] ${event.phase}\n`);
      return;
    }
    const rate = Math.round(event.rows / Math.max(elapsed, 0.001));
    const line = `  ${event.table}: ${event.rows.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s)`;
    if (tty) stream.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      stream.write(`${line}\n`);
    }
  };
}
