/** One member's part of a change: its value in each period and the difference. */
export interface MemberChange {
  readonly member: string;
  readonly current: number;
  readonly baseline: number;
  /** current − baseline. */
  readonly change: number;
}

/** A change split by the members of one dimension; the members' changes add up to the total change. */
export interface Bridge {
  readonly current: number;
  readonly baseline: number;
  readonly change: number;
  /** Every member, the largest change (either way) first. */
  readonly contributions: readonly MemberChange[];
  /**
   * The fewest members that explain at least two thirds of the change: those that moved the same way as the total,
   * largest first. Empty when nothing changed.
   */
  readonly drivers: readonly MemberChange[];
}

/** The share of the change its drivers must explain. */
export const EXPLAINED = 2 / 3;

const byMagnitude = (a: MemberChange, b: MemberChange) =>
  Math.abs(b.change) - Math.abs(a.change) || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

/**
 * The bridge from the baseline to the current period over `rows` (one per member; a member missing from a period
 * counts 0 there). Each member's change is its own difference, so the contributions add up to the total change
 * (to the last bits of a double).
 */
export function bridge(rows: readonly { member: string; current: number; baseline: number }[]): Bridge {
  const contributions = rows
    .map((r) => ({ member: r.member, current: r.current, baseline: r.baseline, change: r.current - r.baseline }))
    .sort(byMagnitude);
  const current = rows.reduce((s, r) => s + r.current, 0);
  const baseline = rows.reduce((s, r) => s + r.baseline, 0);
  const change = current - baseline;
  const drivers: MemberChange[] = [];
  let explained = 0;
  for (const c of contributions) {
    if (change === 0 || explained >= EXPLAINED * Math.abs(change)) break;
    if (Math.sign(c.change) !== Math.sign(change)) continue;
    drivers.push(c);
    explained += Math.abs(c.change);
  }
  return { current, baseline, change, contributions, drivers };
}

/** The customer walk: what new customers brought, lost customers took away, and the change of the others. */
export interface Walk {
  /** Revenue of members with nothing in the baseline. */
  readonly gained: number;
  readonly gainedMembers: number;
  /** Minus the baseline revenue of members with nothing now. */
  readonly lost: number;
  readonly lostMembers: number;
  /** The change of the members present in both periods. */
  readonly retained: number;
}

/** Splits a bridge into new, lost and retained members; gained + lost + retained is the bridge's change. */
export function walk(b: Bridge): Walk {
  let [gained, lost, retained, gainedMembers, lostMembers] = [0, 0, 0, 0, 0];
  for (const c of b.contributions) {
    if (c.baseline === 0 && c.current !== 0) {
      gained += c.change;
      gainedMembers++;
    } else if (c.current === 0 && c.baseline !== 0) {
      lost += c.change;
      lostMembers++;
    } else retained += c.change;
  }
  return { gained, gainedMembers, lost, lostMembers, retained };
}
