import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish } from '../publish/publish.ts';
import { createSampleSource } from '../source/sample.ts';
import type { SourceConnection } from '../source/source.ts';
import { DIRTY_TRANSACTIONS } from '../testing/fixtures.ts';
import { memorySource } from '../testing/memory-source.ts';

// Dirty lines: a twin, amounts ≤ 0, an unknown currency, an invalid date, a currency in lower case with spaces.
const transactions = DIRTY_TRANSACTIONS;

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-reconcile-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** `source` with its totals changed by `edit`: the source and the run then really disagree. */
function disagreeing(source: SourceConnection, edit: (t: { lines: number; amount: number }[]) => void) {
  return {
    ...source,
    withSnapshot: <T>(fn: Parameters<SourceConnection['withSnapshot']>[0]) =>
      source.withSnapshot((snapshot) =>
        fn({
          ...snapshot,
          totals: async (withProfit: boolean) => {
            const totals = await snapshot.totals!(withProfit);
            edit(totals);
            return totals;
          },
        }),
      ) as Promise<T>,
  } as SourceConnection;
}

describe('reconciliation with the source', () => {
  it('matches published + quarantined lines, dirty ones included, and records the source totals', async () => {
    const { manifest } = await publish({ source: memorySource({ transactions }), out });
    // By hand: 8 lines, 211 units; INR 41241 × 2 − 1 + 0 + 875 + 1000; cells: Mark001 2017-10 INR, Mark007 2018-05
    // INR, Mark013 2018-04 USD and EUR, Mark013 0000-00 INR, Mark013 2019-01 INR.
    expect(manifest.quality.reconciliation).toEqual({
      status: 'matched',
      cells: 6,
      lines: 8,
      quantity: 211,
      amount: { INR: 84356, USD: 500, EUR: 875 },
    });
  });

  it('fails the run and publishes nothing when the source counts another line or amount in a cell', async () => {
    // The source's first group is the 'INR\r' line of Mark001's cell, which also holds its 'INR' twin.
    const source = disagreeing(memorySource({ transactions }), (totals) => {
      totals[0]!.lines += 1;
      totals[0]!.amount += 0.02;
    });
    await expect(publish({ source, out })).rejects.toThrow(
      'the extract does not reconcile with the source in 1 of 6 market × month × currency cells (source ≠ published + quarantined): Mark001 2017-10 INR: lines 3 ≠ 2, amount 82482.02 ≠ 82482',
    );
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('names three cells, then how many more', async () => {
    // Seven source groups (the twins' currencies differ) make six cells once the currency is trimmed.
    const source = disagreeing(memorySource({ transactions }), (totals) => {
      for (const t of totals) t.lines += 1;
    });
    await expect(publish({ source, out })).rejects.toThrow(
      /in 6 of 6 .*: Mark001 2017-10 INR: lines 4 ≠ 2; .*; and 3 more$/,
    );
  });

  it('is off on request, and unavailable for a source that cannot total its lines', async () => {
    const off = await publish({ source: memorySource({ transactions }), out, reconcile: false });
    expect(off.manifest.quality.reconciliation).toEqual({ status: 'off' });
    const blind = await publish({ source: memorySource({ transactions }, { noTotals: true }), out });
    expect(blind.manifest.quality.reconciliation).toEqual({ status: 'unavailable' });
  });

  it('reconciles the sample generator against its own second pass, profit included', async () => {
    const { manifest } = await publish({ source: createSampleSource({ rows: 3000, withProfit: true }), out });
    expect(manifest.quality.reconciliation).toMatchObject({ status: 'matched', lines: 3000 });
    expect(Object.keys(manifest.quality.reconciliation!.profit!).sort()).toEqual(['INR', 'USD']);
  });
});
