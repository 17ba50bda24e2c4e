import type { PeriodComparison } from '../period/period.ts';
import { type Concentration, concentration } from './concentration.ts';
import type { QueryFn } from './findings.ts';

/** How much of the current period's revenue rests on a few customers. */
export interface ConcentrationFinding extends Concentration {
  readonly kind: 'concentration';
  /** The largest customer. */
  readonly top: string;
  /** The baseline's HHI, to tell a rising concentration; null without baseline revenue. */
  readonly baselineHhi: number | null;
  /** One customer above 25 % of revenue, or an HHI above 0.25 (the thresholds of a concentrated market). */
  readonly flagged: boolean;
  readonly rising: boolean;
}

export const TOP_SHARE_LIMIT = 0.25;
export const HHI_LIMIT = 0.25;

async function byCustomer(query: QueryFn, filters: PeriodComparison['filters']['current']) {
  const rows = await query({
    measures: ['revenue'],
    dimensions: ['customer'],
    filters,
    sort: [{ field: 'revenue', order: 'desc' }],
  });
  return rows.map((r) => ({ name: String(r['customer']), revenue: Number(r['revenue'] ?? 0) }));
}

/** Customer concentration of the current period, against the baseline's. Null without revenue. */
export async function concentrationFinding(
  query: QueryFn,
  periods: PeriodComparison,
): Promise<ConcentrationFinding | null> {
  const [now, before] = await Promise.all([
    byCustomer(query, periods.filters.current),
    byCustomer(query, periods.filters.baseline),
  ]);
  const c = concentration(now.map((r) => r.revenue));
  if (!c) return null;
  const baselineHhi = concentration(before.map((r) => r.revenue))?.hhi ?? null;
  return {
    kind: 'concentration',
    ...c,
    top: now[0]!.name,
    baselineHhi,
    flagged: c.top1 > TOP_SHARE_LIMIT || c.hhi > HHI_LIMIT,
    rising: baselineHhi !== null && c.hhi > baselineHhi,
  };
}

/** A member that lost money in the current period, or a market below the profit target. */
export interface LeakFinding {
  readonly kind: 'loss' | 'below-target';
  readonly dimension: 'market' | 'customer' | 'product_type';
  readonly member: string;
  readonly revenue: number;
  readonly profit: number;
  /** Margin in percent. */
  readonly margin: number;
  /** For below-target: the target margin and the profit the gap costs (target × revenue − profit). */
  readonly target?: number;
  readonly gap?: number;
}

/** The dimensions loss-makers are looked for in; markets are also held to the profit target. */
export const LEAK_DIMENSIONS = ['market', 'customer', 'product_type'] as const;

/**
 * Loss-making markets, customers and product types of the current period, largest loss first; and markets with a
 * margin below `target` (percent) with the profit the gap costs. Needs an extract with profit.
 */
export async function leakFindings(
  query: QueryFn,
  periods: PeriodComparison,
  target: number | null,
  dims: readonly LeakFinding['dimension'][] = LEAK_DIMENSIONS,
): Promise<LeakFinding[]> {
  const lists = await Promise.all(
    dims.map((d) => query({ measures: ['revenue', 'profit'], dimensions: [d], filters: periods.filters.current })),
  );
  const out: LeakFinding[] = [];
  dims.forEach((dimension, i) => {
    for (const r of lists[i]!) {
      const [revenue, profit] = [Number(r['revenue'] ?? 0), Number(r['profit'] ?? 0)];
      if (revenue <= 0) continue;
      const member = String(r[dimension]);
      const margin = (100 * profit) / revenue;
      if (profit < 0) out.push({ kind: 'loss', dimension, member, revenue, profit, margin });
      else if (dimension === 'market' && target !== null && margin < target) {
        out.push({
          kind: 'below-target',
          dimension,
          member,
          revenue,
          profit,
          margin,
          target,
          gap: (target / 100) * revenue - profit,
        });
      }
    }
  });
  return out.sort((a, b) =>
    a.kind === b.kind ? (a.kind === 'loss' ? a.profit - b.profit : b.gap! - a.gap!) : a.kind === 'loss' ? -1 : 1,
  );
}
