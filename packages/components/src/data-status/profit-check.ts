import type { Manifest, ProfitCheck } from '@atliq/sdk/contract';
import type { Finding } from './quality.ts';

const BASIS: Record<ProfitCheck['basis'], string> = {
  detected: 'as the lines in other currencies show',
  configured: 'as the ETL is configured',
  undetermined: 'every line is in that currency, so both readings agree',
};

/**
 * Whether profit adds up, from the manifest's `quality.profit_check` (absent in older manifests and for sources
 * without profit columns: then nothing is said). `count(n)` formats a count in the panel's locale.
 */
export function profitFinding(manifest: Manifest, count: (n: number) => string): Finding | null {
  const check = manifest.quality.profit_check;
  if (!check) return null;
  const off = manifest.quality.rows_published - check.lines_consistent;
  const unit =
    check.reading === 'reporting'
      ? `in the reporting currency (${manifest.reporting_currency}) on every line`
      : `in each line's own currency, converted with the extract's rates`;
  return {
    id: 'profit',
    level: off > 0 ? 'warn' : 'ok',
    title:
      off > 0
        ? `Profit does not add up on ${count(off)} published line${off === 1 ? '' : 's'}: cost + profit ≠ revenue`
        : 'Profit checked: cost + profit = revenue on every published line',
    detail: `Profit and cost are read ${unit}, ${BASIS[check.basis]}; ${count(check.lines_checked)} lines checked to the paisa.`,
    items: [],
  };
}
