import { AtliqError } from '@atliq/sdk';
import { type Manifest, REJECT_REASONS } from '@atliq/sdk/contract';
import { countFormats, percentFormat } from '../base/format.ts';
import { profitFinding } from './profit-check.ts';
import { refreshFinding } from './refresh.ts';
import { sourceTotalsFinding } from './source-totals.ts';

/** One finding of the status panel: ok (nothing to worry about), warn (read the numbers with this in mind). */
export interface Finding {
  readonly id:
    | 'freshness'
    | 'latest'
    | 'refresh'
    | 'reconcile'
    | 'totals'
    | 'profit'
    | 'rejected'
    | 'unknown'
    | 'missing'
    | 'duplicates'
    | 'warnings'
    | 'scope';
  readonly level: 'ok' | 'warn';
  readonly title: string;
  readonly detail: string;
  /** Supporting lines, e.g. one per reject reason or per market with gaps. */
  readonly items: readonly string[];
}

const UNITS: [string, number][] = [
  ['year', 365.25 * 864e5],
  ['month', 30.44 * 864e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
];

/** A duration for people: "5 hours", "3 days", "6 years"; under a minute is "moments". */
export function formatAge(ms: number): string {
  for (const [unit, size] of UNITS) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return 'moments';
}

/**
 * Parses a `stale-after` attribute: a number with a unit, `90m`, `24h`, `2d`, or a bare number of hours.
 * @throws {AtliqError} for anything else, shown instead of the panel.
 */
export function parseDuration(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([mhd]?)\s*$/.exec(value);
  if (!match || Number(match[1]) <= 0) {
    throw new AtliqError(`stale-after must be a duration like 90m, 24h or 2d, got "${value}".`);
  }
  return Number(match[1]) * { m: 6e4, h: 36e5, d: 864e5, '': 36e5 }[match[2] as 'm' | 'h' | 'd' | ''];
}

export interface StatusInput {
  readonly manifest: Manifest;
  /** Revenue of all published rows, for the share booked on unknown members. */
  readonly totalRevenue: number;
  readonly now: number;
  readonly staleAfterMs: number;
  readonly formatMoney: (value: number) => string;
  readonly formatTime: (iso: string) => string;
  /** A calendar day (`2020-06-26`) for people, in the locale. */
  readonly formatDay: (day: string) => string;
  /** Locale of counts and percentages (BCP 47). */
  readonly locale: string;
}

/** Everything the panel says, worked out from the manifest's quality block; pure, so it is tested without a DOM. */
export function findings(input: StatusInput): Finding[] {
  const { manifest, totalRevenue, now, staleAfterMs, formatMoney, formatTime, formatDay, locale } = input;
  const count = countFormats(locale).full;
  const percent = percentFormat(locale);
  const pct = (part: number, whole: number) => percent(whole === 0 ? 0 : (100 * part) / whole);
  const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
  const q = manifest.quality;
  const age = now - Date.parse(manifest.source.snapshot_at);
  const stale = age > staleAfterMs;
  const out: Finding[] = [
    {
      id: 'freshness',
      level: stale ? 'warn' : 'ok',
      title: stale
        ? `Out of date: snapshot taken ${formatAge(age)} ago`
        : `Current: snapshot taken ${formatAge(age)} ago`,
      detail: `Figures are as of ${formatTime(manifest.source.snapshot_at)}; published ${formatTime(manifest.generated_at)}.${
        stale
          ? ` That is older than the ${formatAge(staleAfterMs)} expected: ask the data team whether the ETL still runs.`
          : ''
      }`,
      items: [],
    },
  ];
  const scope = manifest.scope;
  if (scope) {
    // Row-level security: say whose rows these are, so nobody takes a scope's totals for the company's.
    out.push({
      id: 'scope',
      level: 'ok',
      title: `Your extract: ${scope.name}`,
      detail:
        scope.detail === 'aggregate'
          ? 'Market × month totals of the rows you may see; no customer, product or single-day figures.'
          : 'Only the rows you may see: every figure here is of them, not of the whole company.',
      items: [],
    });
  }
  if (manifest.refresh) out.push(refreshFinding(manifest.refresh, plural));
  const latest = latestSale(manifest, staleAfterMs, formatDay);
  if (latest) out.push(latest);
  const reconciles = q.rows_read === q.rows_published + q.rows_rejected;
  out.push({
    id: 'reconcile',
    level: reconciles ? 'ok' : 'warn',
    title: reconciles ? 'Every source row is accounted for' : 'Row counts do not add up',
    detail: `${count(q.rows_read)} rows read from the source: ${count(q.rows_published)} published, ${count(q.rows_rejected)} quarantined.${
      reconciles ? '' : ` ${count(q.rows_read - q.rows_published - q.rows_rejected)} rows are missing from both.`
    }`,
    items: [],
  });
  const totals = sourceTotalsFinding(manifest, {
    count,
    compactCount: countFormats(locale).compact,
    money: formatMoney,
  });
  if (totals) out.push(totals);
  const profit = profitFinding(manifest, count);
  if (profit) out.push(profit);
  const reasons = Object.entries(q.rejected_by_reason)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0));
  out.push({
    id: 'rejected',
    level: q.rows_rejected > 0 ? 'warn' : 'ok',
    title:
      q.rows_rejected > 0
        ? `${plural(q.rows_rejected, 'row')} (${pct(q.rows_rejected, q.rows_read)}) left out of every figure`
        : 'No rows were left out',
    detail: q.rows_rejected > 0 ? 'They are kept, with their reason, in the rejects file of the extract.' : '',
    items: reasons.map(
      ([reason, n]) => `${count(n ?? 0)}: ${REJECT_REASONS[reason as keyof typeof REJECT_REASONS] ?? reason}`,
    ),
  });
  const unknown = q.unknown_members;
  const unknownRevenue = unknown.reduce((s, m) => s + m.revenue, 0);
  const dims = [...new Set(unknown.map((m) => m.dimension))];
  out.push({
    id: 'unknown',
    level: unknown.length > 0 ? 'warn' : 'ok',
    title:
      unknown.length > 0
        ? `${pct(unknownRevenue, totalRevenue)} of revenue (${formatMoney(unknownRevenue)}) is on ${plural(unknown.length, 'code')} missing from the ${dims.join(', ')} list`
        : scope?.detail === 'aggregate'
          ? 'Every sale has a known market'
          : 'Every sale has a known product, customer and market',
    detail:
      unknown.length > 0
        ? 'These sales count in every total, under an "Unknown" member (product type Unknown), so totals are right but breakdowns by them are not.'
        : '',
    items: dims.map((d) => {
      const members = unknown.filter((m) => m.dimension === d);
      return `${d}: ${members.length} codes, ${plural(
        members.reduce((s, m) => s + m.rows, 0),
        'row',
      )}`;
    }),
  });
  if (q.missing_months) {
    const gaps = q.missing_months;
    out.push({
      id: 'missing',
      level: gaps.length > 0 ? 'warn' : 'ok',
      title:
        gaps.length > 0
          ? `${plural(gaps.length, 'market')} with months without any sales`
          : 'Every market has sales in every month',
      detail: gaps.length > 0 ? 'A dip in these months may be missing data rather than lost business.' : '',
      items: gaps.map(
        (g) =>
          `${g.market_name}: ${g.months.length > 6 ? `${g.months.length} months, ${g.months.slice(0, 3).join(', ')} …` : g.months.join(', ')}`,
      ),
    });
  }
  if (q.duplicate_market_names && q.duplicate_market_names.length > 0) {
    out.push({
      id: 'duplicates',
      level: 'warn',
      title: `${plural(q.duplicate_market_names.length, 'market name')} listed under more than one code`,
      detail: 'Charts by market add the codes together under the one name.',
      items: q.duplicate_market_names.map((d) => `${d.name}: ${d.codes.join(', ')}`),
    });
  }
  if (q.warnings && q.warnings.length > 0) {
    out.push({ id: 'warnings', level: 'warn', title: 'Notes from the ETL run', detail: '', items: q.warnings });
  }
  return out;
}

/**
 * How far the sales reach: the newest order day in the published facts against the snapshot time. A fresh extract
 * of a source that stopped receiving orders (a broken feed into the sales database) is still old news; past
 * `staleAfterMs` between the end of that day and the snapshot, it is a warning. Null without facts.
 */
function latestSale(manifest: Manifest, staleAfterMs: number, formatDay: (day: string) => string): Finding | null {
  const days = manifest.files.flatMap((f) => (f.table === 'fact_sales' && f.max_order_date ? [f.max_order_date] : []));
  if (days.length === 0) return null;
  const newest = days.sort().at(-1)!;
  // A sale dated D was made before the end of D.
  const lag = Date.parse(manifest.source.snapshot_at) - (Date.parse(`${newest}T00:00:00Z`) + 864e5);
  const behind = lag > staleAfterMs;
  return {
    id: 'latest',
    level: behind ? 'warn' : 'ok',
    title: behind ? `No sales recorded after ${formatDay(newest)}` : `Sales recorded up to ${formatDay(newest)}`,
    detail: behind
      ? `That is ${formatAge(lag)} before the snapshot. Orders taken since have not reached the sales database: the figures cannot be newer than their source.`
      : '',
    items: [],
  };
}
