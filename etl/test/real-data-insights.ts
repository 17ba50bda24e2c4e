/**
 * The insights side of the real-data acceptance test: what `<atliq-insights>` computes for the year to the newest
 * order day against the same days a year earlier (the change and its market bridge, customer concentration, markets
 * losing money), run by the SDK on the published `sales.duckdb`, against the same figures from MySQL's own SQL on the
 * source's clean rows (`truth_clean`, see real-data-truth.ts).
 */
import { compile, type QuerySpec } from '@atliq/sdk/compile';
import type { Manifest } from '@atliq/sdk/contract';
import { changeFinding, concentrationFinding, leakFindings } from '@atliq/sdk/insights';
import { connectNode } from '@atliq/sdk/node';
import { asOfDay, comparePeriods } from '@atliq/sdk/period';
import type mysql from 'mysql2/promise';

export interface InsightFigures {
  current: number;
  baseline: number;
  /** Revenue change by market name, current − baseline. */
  marketChange: Map<string, number>;
  /** The largest customer's share of the current period's revenue, and the Herfindahl index over customers. */
  top1: number;
  hhi: number;
  /** Markets whose profit in the current period is negative (with profit columns only). */
  losing: string[];
}

const LAST = '(SELECT MAX(order_date) FROM truth_clean)';
const CURRENT = `order_date BETWEEN MAKEDATE(YEAR(${LAST}), 1) AND ${LAST}`;
const BASELINE = `order_date BETWEEN MAKEDATE(YEAR(${LAST}), 1) - INTERVAL 1 YEAR AND ${LAST} - INTERVAL 1 YEAR`;

async function rows<T>(conn: mysql.Connection, sql: string): Promise<T[]> {
  const [result] = (await conn.query(sql)) as unknown as [T[]];
  return result;
}

/** The figures from MySQL: the same periods by its date arithmetic, names joined from the source's own lists. */
export async function sourceInsights(conn: mysql.Connection, profit: boolean): Promise<InsightFigures> {
  const byMarket = await rows<{ name: string; now: number; before: number; profit: number | null }>(
    conn,
    `SELECT m.markets_name AS name, SUM(IF(${CURRENT}, c.inr, 0)) AS now, SUM(IF(${BASELINE}, c.inr, 0)) AS \`before\`,
       ${profit ? `SUM(IF(${CURRENT}, c.profit, 0))` : 'NULL'} AS profit
     FROM truth_clean c JOIN markets m ON m.markets_code = c.market_code GROUP BY m.markets_name`,
  );
  const customers = await rows<{ revenue: number }>(
    conn,
    `SELECT SUM(c.inr) AS revenue FROM truth_clean c JOIN customers cu USING (customer_code)
     WHERE ${CURRENT} GROUP BY cu.custmer_name`,
  );
  const total = customers.reduce((s, r) => s + Number(r.revenue), 0);
  const shares = customers.map((r) => Number(r.revenue) / total);
  return {
    current: byMarket.reduce((s, r) => s + Number(r.now), 0),
    baseline: byMarket.reduce((s, r) => s + Number(r.before), 0),
    marketChange: new Map(byMarket.map((r) => [r.name, Number(r.now) - Number(r.before)])),
    top1: Math.max(...shares),
    hhi: shares.reduce((s, x) => s + x * x, 0),
    losing: profit
      ? byMarket
          .filter((r) => Number(r.now) > 0 && Number(r.profit) < 0)
          .map((r) => r.name)
          .sort()
      : [],
  };
}

/** The same figures as the SDK's insights engine computes them from the published browser database. */
export async function publishedInsights(dbFile: string, manifest: Manifest, profit: boolean): Promise<InsightFigures> {
  const db = await connectNode(dbFile);
  const query = (spec: QuerySpec) => {
    const { sql, params } = compile(spec);
    return db.query(sql, params);
  };
  try {
    const periods = comparePeriods({}, { asOf: asOfDay(manifest)! })!;
    const [change, concentration, leaks] = await Promise.all([
      changeFinding(query, periods, profit),
      concentrationFinding(query, periods),
      profit ? leakFindings(query, periods, null) : Promise.resolve([]),
    ]);
    return {
      current: change!.current.value,
      baseline: change!.baseline.value,
      marketChange: new Map(change!.bridges.market!.contributions.map((c) => [c.member, c.change])),
      top1: concentration!.top1,
      hhi: concentration!.hhi,
      losing: leaks
        .filter((l) => l.kind === 'loss' && l.dimension === 'market')
        .map((l) => l.member)
        .sort(),
    };
  } finally {
    await db.close();
  }
}

/** Each bridge dimension as the source spells it (names trimmed; codes the product list lacks are "Unknown"). */
const MEMBER_SQL = {
  market: 'm.markets_name',
  zone: 'm.zone',
  customer: 'TRIM(cu.custmer_name)',
  customer_type: 'TRIM(cu.customer_type)',
  product: 'c.product_code',
  product_type: "COALESCE(TRIM(BOTH '\\r' FROM p.product_type), 'Unknown')",
} as const;

export interface MemberFigures {
  now: number;
  before: number;
  /** Profit of the current period and of the baseline; null without profit columns. */
  profit: number | null;
  profitBefore: number | null;
}

/**
 * Per bridge dimension and member, from MySQL: revenue now and a year earlier (the same days) and profit now; and
 * the share of the current period's revenue on product codes the product list lacks.
 */
export async function sourceBreakdown(
  conn: mysql.Connection,
  profit: boolean,
): Promise<{ members: Record<keyof typeof MEMBER_SQL, Map<string, MemberFigures>>; unknownShare: number }> {
  const members = {} as Record<keyof typeof MEMBER_SQL, Map<string, MemberFigures>>;
  for (const [dimension, expr] of Object.entries(MEMBER_SQL) as [keyof typeof MEMBER_SQL, string][]) {
    const list = await rows<{
      member: string | null;
      now: number;
      before: number;
      profit: number | null;
      profit_before: number | null;
    }>(
      conn,
      `SELECT ${expr} AS member, SUM(IF(${CURRENT}, c.inr, 0)) AS now, SUM(IF(${BASELINE}, c.inr, 0)) AS \`before\`,
         ${profit ? `SUM(IF(${CURRENT}, c.profit, 0))` : 'NULL'} AS profit,
         ${profit ? `SUM(IF(${BASELINE}, c.profit, 0))` : 'NULL'} AS profit_before
       FROM truth_clean c
       LEFT JOIN markets m ON m.markets_code = c.market_code
       LEFT JOIN customers cu ON cu.customer_code = c.customer_code
       LEFT JOIN products p ON p.product_code = c.product_code
       WHERE ${CURRENT} OR ${BASELINE}
       GROUP BY 1`,
    );
    members[dimension] = new Map(
      list.map((r) => [
        r.member ?? '(none)',
        {
          now: Number(r.now),
          before: Number(r.before),
          profit: r.profit === null ? null : Number(r.profit),
          profitBefore: r.profit_before === null ? null : Number(r.profit_before),
        },
      ]),
    );
  }
  const types = members.product_type;
  const total = [...types.values()].reduce((s, v) => s + v.now, 0);
  return { members, unknownShare: (types.get('Unknown')?.now ?? 0) / total };
}
