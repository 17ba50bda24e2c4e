import type { Manifest } from '@atliq/sdk/contract';
import type { Finding } from './quality.ts';

export interface TotalsFormats {
  /** A count in full: 1,48,395. */
  readonly count: (n: number) => string;
  /** A count, short: 24.3L. */
  readonly compactCount: (n: number) => string;
  /** Money in the reporting currency, short and in the element's currency: ₹98.5Cr. */
  readonly money: (inr: number) => string;
}

/**
 * The auditor's check, from the manifest's `quality.reconciliation`: did the source database's own totals, taken in
 * the same snapshot, match what was published and quarantined? Nothing is said for older manifests without it.
 */
export function sourceTotalsFinding(manifest: Manifest, f: TotalsFormats): Finding | null {
  const r = manifest.quality.reconciliation;
  if (!r) return null;
  if (r.status !== 'matched') {
    return {
      id: 'totals',
      level: 'warn',
      title: 'Not reconciled with the source',
      detail:
        r.status === 'off'
          ? 'The check against the source database’s own totals was switched off for this run (--reconcile off).'
          : 'This source cannot total its own lines, so the extract was not checked against them.',
      items: [],
    };
  }
  // Every line's amount in the reporting currency; a currency without a rate (quarantined) cannot be added in.
  const amount = Object.entries(r.amount ?? {}).reduce((s, [c, v]) => s + v * (manifest.fx_rates[c] ?? 0), 0);
  return {
    id: 'totals',
    level: 'ok',
    title: `Reconciled with the source: ${f.count(r.lines ?? 0)} lines, ${f.money(amount)} and ${f.compactCount(r.quantity ?? 0)} units match to the paisa`,
    detail: `The source database totalled its lines by market, month and currency in the snapshot the extract was read from; published and quarantined lines match it in all ${f.count(r.cells ?? 0)} cells.`,
    items: [],
  };
}
