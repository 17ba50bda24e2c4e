import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  describe('reading tables at a given pace (a fake clock)', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** `rows` of `table` in batches of `batch`, one every `everyMs`. */
    const read = (
      report: ReturnType<typeof progressReporter>,
      table: 'transactions' | 'customers',
      rows: number,
      batch: number,
      everyMs: number,
    ) => {
      for (let n = batch; n <= rows; n += batch) {
        vi.advanceTimersByTime(everyMs);
        report({ type: 'rows', table, rows: n });
      }
    };
    /** 200,000 rows in 20 batches over one second, then 38 customers in one batch 10 ms later. */
    const fastExtract = (report: ReturnType<typeof progressReporter>) => {
      report({ type: 'phase', phase: 'extract' });
      read(report, 'transactions', 200_000, 10_000, 50);
      read(report, 'customers', 38, 38, 10);
      report({ type: 'phase', phase: 'transform' });
    };

    it("without a terminal logs each table's total, not only the first batch of a fast read", () => {
      const out: string[] = [];
      fastExtract(progressReporter({ write: (t: string) => out.push(t) }, false));
      expect(out).toEqual([
        '[0.0s] extract\n',
        '  transactions: 200,000 rows (200,000 rows/s)\n',
        '  customers: 38 rows (3,800 rows/s)\n',
        '[1.0s] transform\n',
      ]);
    });

    it('without a terminal logs a slow read every two seconds, then its total', () => {
      const out: string[] = [];
      const report = progressReporter({ write: (t: string) => out.push(t) }, false);
      report({ type: 'phase', phase: 'extract' });
      // 10,000 rows every half second: 5 s for 100,000 rows.
      read(report, 'transactions', 100_000, 10_000, 500);
      report({ type: 'phase', phase: 'reconcile' });
      expect(out).toEqual([
        '[0.0s] extract\n',
        '  transactions: 40,000 rows (20,000 rows/s)\n',
        '  transactions: 80,000 rows (20,000 rows/s)\n',
        '  transactions: 100,000 rows (20,000 rows/s)\n',
        '[5.0s] reconcile\n',
      ]);
    });

    it("on a terminal keeps each table's final count on screen when the next one starts", () => {
      const { stream, lines } = terminal();
      fastExtract(progressReporter(stream, false));
      expect(lines).toEqual([
        '[0.0s] extract',
        '  transactions: 200,000 rows (200,000 rows/s)',
        '  customers: 38 rows (3,800 rows/s)',
        '[1.0s] transform',
        '',
      ]);
    });
  });
});
