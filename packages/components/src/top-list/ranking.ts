import type { Member, Row } from '@atliq/sdk';

/** One ranked member: its place, value, share of the total of all members, and bar length relative to the first. */
export interface Ranked {
  readonly rank: number;
  readonly member: Member;
  readonly label: string;
  /** What else identifies the member, e.g. a product's type ("Own Brand", or "unknown product"). */
  readonly note?: string;
  readonly value: number;
  /** Percent of the total over every member, not only the ones shown. */
  readonly share: number;
  /** 0–1, the value relative to the largest shown. */
  readonly extent: number;
}

/**
 * Ranks rows of `{ [by]: member, [measure]: value }` largest first (ties by label), keeps the first `n`, and works
 * out each one's share of the total of all rows. Members without a value are left out: they cannot be selected.
 */
export function rank(
  rows: readonly Row[],
  by: string,
  measure: string,
  n: number,
  note?: (row: Row) => string | undefined,
): Ranked[] {
  const all = rows
    .filter((r) => r[by] !== null && r[by] !== undefined)
    .map((r) => {
      const text = note?.(r);
      return {
        member: r[by] as Member,
        label: String(r[by]),
        value: Number(r[measure] ?? 0),
        ...(text ? { note: text } : {}),
      };
    });
  const total = all.reduce((s, r) => s + r.value, 0);
  const top = all.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)).slice(0, n);
  const max = Math.max(0, ...top.map((r) => r.value));
  return top.map((r, i) => ({
    ...r,
    rank: i + 1,
    share: total === 0 ? 0 : (100 * r.value) / total,
    extent: max === 0 ? 0 : Math.max(0, r.value) / max,
  }));
}
