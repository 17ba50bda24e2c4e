import { AtliqError, DIMENSIONS, MEASURES, type Row } from '@atliq/sdk';
import { parseTop } from '../base/attributes.ts';
import { coversLabel } from '../base/covers.ts';
import { type DrillStep, drillFilters, drillLevel } from '../base/drill.ts';
import { type Money, moneyFor, shownRows } from '../base/money.ts';
import { type Planner, plan } from '../base/query-plan.ts';
import { type Ranked, rank } from './ranking.ts';

const BY = ['customer', 'product'] as const;
const TOP_MEASURES = ['revenue', 'quantity'] as const;
/** What a top list ranks: the `by` attribute's values. */
export type TopListBy = (typeof BY)[number];
/** The measures a top list ranks by (a subset of the model's): the `measure` attribute's values. */
export type TopListMeasure = (typeof TOP_MEASURES)[number];
const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** What the list shows. */
export interface TopList {
  /** The level shown: `by`, or product once a customer is opened. */
  readonly by: TopListBy;
  readonly path: readonly DrillStep[];
  readonly measure: TopListMeasure;
  /** Locale and currency shown; money values are already converted to that currency. */
  readonly money: Money;
  readonly rows: readonly Ranked[];
  /**
   * Products only: the share (percent) of the measure, over every product under the filters, on codes missing from
   * the product list — what product rankings cannot speak for. 0 when every code is known.
   */
  readonly unknownShare: number;
  /** The days the ranking covers, for the caption (`coversLabel()`). */
  readonly covers: string;
}

/** A product's type, or that the product list lacks the code. */
const productNote = (row: Row) => {
  const type = row['product_type'];
  return type === 'Unknown' ? 'unknown product' : type === null || type === undefined ? undefined : String(type);
};

/** The percent of `measure` over `rows` (products with their type) on codes the product list lacks. */
function unknownShare(rows: readonly Row[], measure: string): number {
  let unknown = 0;
  let total = 0;
  for (const row of rows) {
    const value = Number(row[measure] ?? 0);
    total += value;
    if (row['product_type'] === 'Unknown') unknown += value;
  }
  return total > 0 ? (100 * unknown) / total : 0;
}

/** "Top 5 products by revenue for Nova Stores": what the list shows, for its label and its export file names. */
export const titleOf = ({ by, measure, path, rows }: TopList) =>
  `Top ${rows.length} ${DIMENSIONS[by].label.toLowerCase()}s by ${MEASURES[measure].label.toLowerCase()}${
    path.length > 0 ? ` for ${path.map((s) => s.label).join(' › ')}` : ''
  }`;

/**
 * The list's query: the top `n` members of the level `path` drills `by` down to, under the cross-filter narrowed to
 * the opened members. Attributes are checked before anything is queried.
 */
export function topListQuery([by, n, measure, path, locale, currency]: readonly [
  string,
  string,
  string,
  readonly DrillStep[],
  string,
  string,
]): Planner<TopList> {
  const limit = parseTop(n, 'n') ?? 5;
  if (!oneOf(BY, by)) throw new AtliqError(`by must be customer or product, got "${by}".`);
  if (!oneOf(TOP_MEASURES, measure)) throw new AtliqError(`measure must be revenue or quantity, got "${measure}".`);
  const level = drillLevel(by, path) as TopListBy;
  // A product code says little on its own: its type goes beside it (one per code, so the grouping is the same).
  const dimensions = level === 'product' ? [level, 'product_type'] : [level];
  const note = level === 'product' ? productNote : undefined;
  return ({ manifest, filters }) => {
    const money = moneyFor(manifest, locale, currency);
    const narrowed = drillFilters(filters, path);
    const covers = coversLabel(narrowed, manifest);
    return plan({ top: { measures: [measure], dimensions, filters: narrowed } }, ({ top }) => {
      const rows = rank(shownRows(top, money, measure), level, measure, limit, note);
      return {
        by: level,
        path,
        measure,
        money,
        rows,
        unknownShare: level === 'product' ? unknownShare(top, measure) : 0,
        covers,
      };
    });
  };
}
