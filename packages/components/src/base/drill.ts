import { type Filters, intersect, type Member } from '@atliq/sdk';

/** A drill hierarchy, top to bottom: a chart grouped by one of its levels can drill into the ones below it. */
export type Hierarchy = readonly string[];

/** The bar charts' hierarchy: market → customer → product. */
export const DRILL_HIERARCHY = ['market', 'customer', 'product'] as const;

/** The trend's date hierarchy, as in a date table: a year opens by month, a month by day. */
export const TIME_HIERARCHY = ['year', 'month', 'day'] as const;

/** One level drilled through: the member opened on `dimension`, and its text as shown. */
export interface DrillStep {
  readonly dimension: string;
  readonly member: Member;
  readonly label: string;
}

/** The levels a chart grouped by `root` walks through: `root` and what lies below it in `hierarchy`, or only `root`. */
export function drillLevels(root: string, hierarchy: Hierarchy = DRILL_HIERARCHY): readonly string[] {
  const at = hierarchy.indexOf(root);
  return at < 0 ? [root] : hierarchy.slice(at);
}

/** The dimension shown after drilling through `path` from `root`. */
export function drillLevel(root: string, path: readonly DrillStep[], hierarchy?: Hierarchy): string {
  const levels = drillLevels(root, hierarchy);
  return levels[Math.min(path.length, levels.length - 1)]!;
}

/** Whether a member of the level shown can be opened: there is a level below it. */
export function canDrill(root: string, path: readonly DrillStep[], hierarchy?: Hierarchy): boolean {
  return path.length < drillLevels(root, hierarchy).length - 1;
}

const isMember = (v: unknown): v is Member => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * Checks a path set from host code against the hierarchy below `root`: step i must be on level i, with a member.
 * Returns the valid prefix, so a bad step (or one past the bottom) is dropped rather than queried.
 */
export function validPath(root: string, path: readonly DrillStep[], hierarchy?: Hierarchy): DrillStep[] {
  const levels = drillLevels(root, hierarchy);
  const valid: DrillStep[] = [];
  for (const [i, step] of path.entries()) {
    if (i >= levels.length - 1 || step?.dimension !== levels[i] || !isMember(step.member)) break;
    valid.push({ dimension: step.dimension, member: step.member, label: String(step.label ?? step.member) });
  }
  return valid;
}

/**
 * The chart's own query filters: the cross-filter from the other charts with the drilled members added. A drilled
 * dimension that is also cross-filtered keeps only the members both allow (none, if they disagree), so the drill
 * never widens what the rest of the dashboard narrowed.
 */
export function drillFilters(filters: Filters, path: readonly DrillStep[]): Filters {
  const merged: Record<string, Filters[string]> = { ...filters };
  for (const { dimension, member } of path) {
    const current = merged[dimension];
    merged[dimension] = current === undefined ? [member] : intersect(current, [member]);
  }
  return merged;
}
