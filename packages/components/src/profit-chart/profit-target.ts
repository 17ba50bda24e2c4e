import { AtliqError } from '@atliq/sdk';

/**
 * Parses the `target` attribute: a margin in percent from -100 to 100 (`2.5`, `-1`).
 * @throws {AtliqError} for anything else.
 */
export function parseTarget(value: string): number {
  const n = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= -100 && n <= 100))
    throw new AtliqError(`target must be a margin in percent from -100 to 100, got "${value}".`);
  return n;
}

/** Last year's margin, queried when no target is set: the margin of the comparison's baseline period. */
export interface LastYear {
  /** In percent; null when the baseline had no sales (or the filters pin periods no single baseline matches). */
  readonly margin: number | null;
  /** The baseline's days, e.g. "1 Jan–26 Jun 2019"; null without one. */
  readonly period: string | null;
}

/** The target a chart draws, and where it comes from: set (on the chart or its dashboard), or last year's margin. */
export interface DrawnTarget {
  /** In percent. */
  readonly value: number;
  /** `last-year` without a target set; `none` when there was not even a last year to take it from (then 0). */
  readonly basis: 'set' | 'last-year' | 'none';
  /** The baseline's days, for `last-year`. */
  readonly period?: string;
}

/** The target set (undefined for none), else last year's margin, else 0 said to be for want of a last year. */
export function drawnTarget(set: number | undefined, lastYear: LastYear | undefined): DrawnTarget {
  if (set !== undefined) return { value: set, basis: 'set' };
  if (lastYear?.margin === null || lastYear?.margin === undefined) return { value: 0, basis: 'none' };
  return { value: lastYear.margin, basis: 'last-year', ...(lastYear.period ? { period: lastYear.period } : {}) };
}

/** A target's names: in a sentence, on its line, in the chart's title, after a gap, and as the gap's heading. */
export interface TargetWords {
  readonly name: string;
  readonly line: string;
  readonly title: string;
  readonly versus: string;
  readonly gap: string;
}

/** How a target is named in sentences and on its line, with `percent` formatting its value. */
export function targetWords({ value, basis, period }: DrawnTarget, percent: (v: number) => string): TargetWords {
  const v = percent(value);
  if (basis === 'last-year') {
    return {
      name: `last year's margin (${v})`,
      line: `Last year ${v}`,
      title: `against last year's margin (${v}${period ? `, ${period}` : ''})`,
      versus: 'vs last year',
      gap: "Gap to last year's margin",
    };
  }
  if (basis === 'none') {
    const name = `a ${v} target (no sales a year earlier to take last year's margin from)`;
    return { name, line: `Target ${v}`, title: `against ${name}`, versus: 'vs target', gap: 'Gap to target' };
  }
  const line = `Target ${v}`;
  return { name: `the ${v} target`, line, title: `against a ${v} target`, versus: 'vs target', gap: 'Gap to target' };
}
