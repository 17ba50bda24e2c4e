import type { QuerySpec } from './compile.ts';
import type { Row } from './connector.ts';
import {
  BRIDGE_GRAIN_COLUMNS,
  type BridgeGrainFile,
  type BridgeGrainPeriod,
  type Manifest,
  MONTH_MARKET_SUMS,
} from './contract.ts';
import { answerFromCube, type Cube } from './cube-answer.ts';
import { BASE_MEASURES, type DimensionName } from './model.ts';
import { areSums, fetchListed } from './month-market-load.ts';
import { earlier, later } from './period/days.ts';
import { PERIOD_DIMENSIONS, periodSpan, type Span, withoutPeriods } from './period/period.ts';

/**
 * The snapshot's bridge grain ({@link BRIDGE_GRAIN_FILE}): the facts of the default comparison's two periods by
 * market, customer and product. Each period is a cube of those dimensions and their attributes: a query for one of
 * its periods exactly, grouped and filtered by them only, is answered from it in JavaScript, like the month × market
 * file's questions. Any other period (a date filter, another comparison) is the engine's.
 */
export interface BridgeGrain {
  /** The periods, as the manifest lists them. */
  readonly periods: readonly BridgeGrainPeriod[];
  /** One cube per period. */
  readonly cubes: readonly Cube[];
}

/** What the grain carries: the insights' split dimensions. */
export const GRAIN_DIMENSIONS: readonly DimensionName[] = [
  'market',
  'zone',
  'customer',
  'customer_type',
  'product',
  'product_type',
];

/** The dimensions only the grain has of the snapshot's small files: a spec using none is the month files'. */
const FINER: readonly string[] = ['customer', 'customer_type', 'product', 'product_type'];

const isText = (v: unknown) => typeof v === 'string' || v === null;
const isPairs = (v: unknown): v is [string | null, string | null][] =>
  Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && isText(p[0]) && isText(p[1]));

function toGrain(file: unknown, listed: NonNullable<Manifest['bridge_grain']>): BridgeGrain | null {
  const f = file as Partial<BridgeGrainFile> | null;
  if (!f || typeof f !== 'object' || JSON.stringify(f.columns) !== JSON.stringify(BRIDGE_GRAIN_COLUMNS)) return null;
  if (JSON.stringify(f.periods) !== JSON.stringify(listed.periods)) return null;
  const members = f.members;
  if (!members || !isPairs(members.market) || !isPairs(members.customer) || !isPairs(members.product)) return null;
  if (!Array.isArray(f.rows) || f.rows.length !== listed.rows) return null;
  const { market, customer, product } = members;
  const rows: Row[][] = listed.periods.map(() => []);
  const fields = MONTH_MARKET_SUMS.map((c) => BASE_MEASURES.get(c)!);
  for (const r of f.rows as unknown[]) {
    if (!Array.isArray(r) || r.length !== BRIDGE_GRAIN_COLUMNS.length) return null;
    const [p, m, c, d, ...sums] = r as number[];
    const [mk, cu, pr] = [market[m!], customer[c!], product[d!]];
    if (rows[p!] === undefined || !mk || !cu || !pr || !areSums(sums)) return null;
    const row: Row = {
      market: mk[0],
      zone: mk[1],
      customer: cu[0],
      customer_type: cu[1],
      product: pr[0],
      product_type: pr[1],
    };
    fields.forEach((field, i) => {
      row[field] = sums[i] ?? null;
    });
    rows[p!]!.push(row);
  }
  const dimensions = new Set(GRAIN_DIMENSIONS);
  return { periods: listed.periods, cubes: rows.map((r) => ({ dimensions, fixed: {}, rows: r })) };
}

/**
 * The snapshot's bridge grain, or null when the manifest lists none (an older ETL, an aggregate scope) or the file
 * is not exactly what the manifest describes (checksum, size, rows, shape). Null is never an error: the engine
 * answers instead.
 */
export async function loadBridgeGrain(
  manifestUrl: string,
  manifest: Manifest,
  fetchFn: typeof fetch = fetch,
): Promise<BridgeGrain | null> {
  const listed = manifest.bridge_grain;
  if (!listed) return null;
  return toGrain(await fetchListed(manifestUrl, listed, fetchFn), listed);
}

/** `span` clipped to the snapshot's days `data`: the days outside hold no facts, so the same rows either way. */
const clip = (span: Span, data: Span | null): Span =>
  data ? { from: later(span.from, data.from), to: earlier(span.to, data.to) } : span;

/**
 * Which of `periods` `spec` asks for, when the grain can answer it: its period conditions (year, month, day) allow
 * exactly that period's days (within the snapshot's days `data`), for a period of one market it filters on exactly
 * that market, it groups by the grain's dimensions only and filters by nothing else, and it needs a dimension only
 * the grain holds (customers, products or their types: questions of markets and zones are the month and day files').
 * -1 otherwise.
 */
export function grainPeriod(spec: QuerySpec, periods: readonly BridgeGrainPeriod[], data: Span | null): number {
  const filters = spec.filters ?? {};
  const asked = [...(spec.dimensions ?? []), ...Object.keys(filters)];
  if (!asked.some((d) => FINER.includes(d))) return -1;
  const others = Object.keys(withoutPeriods(filters));
  const grouped = spec.dimensions ?? [];
  if (![...others, ...grouped].every((d) => (GRAIN_DIMENSIONS as readonly string[]).includes(d))) return -1;
  const conditions = Object.fromEntries(PERIOD_DIMENSIONS.flatMap((d) => (d in filters ? [[d, filters[d]!]] : [])));
  const span = periodSpan(conditions);
  if (!span) return -1;
  const asks = clip(span, data);
  const market = filters['market'];
  const oneMarket = Array.isArray(market) && new Set(market.map(String)).size === 1 ? String(market[0]) : undefined;
  return periods.findIndex((p) => {
    const held = clip(p, data);
    return held.from === asks.from && held.to === asks.to && (p.market === undefined || p.market === oneMarket);
  });
}

/** The rows `spec` asks of the grain's period `index` (see {@link grainPeriod}), or null when it cannot answer. */
export function answerFromGrain(spec: QuerySpec, grain: BridgeGrain, index: number): Row[] | null {
  const cube = grain.cubes[index];
  return cube ? answerFromCube({ ...spec, filters: withoutPeriods(spec.filters ?? {}) }, cube) : null;
}
