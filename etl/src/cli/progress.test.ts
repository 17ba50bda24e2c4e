import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.ts';

/** What a terminal would show: `\r` returns to the line start, `\x1b[K` clears to its end. */
function terminal() {
  const lines: string[] = [''];
  const stream = {
    isTTY: true,
    write(text: string) {
      // Clearing to the line end only matters after a \r, which this model already treats as a fresh line.
      for (const part of text.replaceAll('\x1b[K', '').split(/(\r|\n)/)) {
        if (part === '\n') lines.push('');
        else if (part === '\r') lines[lines.length - 1] = '';
        else lines[lines.length - 1] += part;
      }
    },
  };
  return { stream, lines };
}

describe('progressReporter()', () => {
  it('on a terminal prints a warning on its own line and draws the status line again below it', () => {
    const { stream, lines } = terminal();
    const report = progressReporter(stream, false);
    report({ type: 'phase', phase: 'extract' });
    report({ type: 'rows', table: 'transactions', rows: 8192 });
    report({ type: 'warning', message: 'server busy: pausing the extract' });
    report({ type: 'rows', table: 'transactions', rows: 16384 });
    report({ type: 'phase', phase: 'transform' });
    expect(lines.map((l) => l.replace(/\([\d,]+ rows\/s\)/, '(N rows/s)').replace(/\[[\d.]+s\]/, '[t]'))).toEqual([
      '[t] extract',
      'warning: server busy: pausing the extract',
      '  transactions: 16,384 rows (N rows/s)',
      '[t] transform',
      '',
    ]);
  });

  it('without a terminal writes plain lines, and only warnings when quiet', () => {
    const out: string[] = [];
    const report = progressReporter({ write: (t: string) => out.push(t) }, true);
    report({ type: 'phase', phase: 'extract' });
    report({ type: 'warning', message: 'x' });
    expect(out).toEqual(['warning: x\n']);
  });
});
