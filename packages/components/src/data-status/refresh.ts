import type { RefreshInfo } from '@atliq/sdk/contract';
import type { Finding } from './quality.ts';

/**
 * How the ETL built this snapshot, from the manifest's `refresh` block: everything read again, or only some months
 * read with the rest copied from the previous snapshot — which tells the reader which months are new.
 * `plural(3, 'month')` is "3 months" in the panel's locale.
 */
export function refreshFinding(refresh: RefreshInfo, plural: (n: number, one: string) => string): Finding {
  if (refresh.mode === 'full') {
    return {
      id: 'refresh',
      level: 'ok',
      title: `Full refresh${refresh.reason ? ` (${refresh.reason})` : ''}`,
      detail: 'Every month was read again from the source.',
      items: [],
    };
  }
  const { months_read: read, months_reused: reused, rows_reused: rows, from_snapshot: from } = refresh;
  const counts = [
    read === undefined ? '' : `${plural(read, 'month')} read`,
    reused === undefined ? '' : `${reused} copied from the previous snapshot`,
  ].filter(Boolean);
  return {
    id: 'refresh',
    level: 'ok',
    title: `Incremental refresh${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`,
    detail:
      rows === undefined
        ? ''
        : `${plural(rows, 'transaction')} copied unchanged${from ? ` from snapshot ${from}` : ''}.`,
    items: [],
  };
}
