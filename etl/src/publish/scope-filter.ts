import type { Scope, ScopeDimension } from '../scopes.ts';
import { sqlString } from '../sql-literal.ts';

type Code = 'market_code' | 'customer_code' | 'product_code';

/** Each scope dimension as the code column a line carries and, unless it is that code, the member column it names. */
const MEMBERS: Record<ScopeDimension, { code: Code; dim?: readonly [table: string, column: string] }> = {
  market: { code: 'market_code', dim: ['dim_market', 'market_name'] },
  market_code: { code: 'market_code' },
  zone: { code: 'market_code', dim: ['dim_market', 'zone'] },
  customer: { code: 'customer_code' },
  customer_type: { code: 'customer_code', dim: ['dim_customer', 'customer_type'] },
  product: { code: 'product_code' },
  product_type: { code: 'product_code', dim: ['dim_product', 'product_type'] },
};

/**
 * The SQL condition that keeps a line in `scope`: for every dimension filtered, its code is one of the members' codes
 * in the run's conformed dimensions (schema `dims`, e.g. `memory.main`). `code(c)` is the line's cleaned code column
 * `c`; a line whose code is missing or names another member is out of scope. `true` for a scope without a filter.
 */
export function scopeCondition(scope: Scope, dims: string, code: (column: Code) => string): string {
  const terms = Object.entries(scope.filter).map(([dimension, values]) => {
    const member = MEMBERS[dimension as ScopeDimension];
    const list = values.map(sqlString).join(', ');
    if (!member.dim) return `${code(member.code)} IN (${list})`;
    const [table, column] = member.dim;
    return `${code(member.code)} IN (SELECT ${member.code} FROM ${dims}.${table} WHERE ${column} IN (${list}))`;
  });
  return terms.length ? terms.map((t) => `(${t})`).join(' AND ') : 'true';
}

/** `[dimension, value]` pairs of the scope's filter that name no member of the run's dimensions (likely typos). */
export function unmatchedSql(scope: Scope, dims: string): string | null {
  const probes = Object.entries(scope.filter).flatMap(([dimension, values]) => {
    const member = MEMBERS[dimension as ScopeDimension];
    const [table, column] = member.dim ?? [`dim_${member.code.replace('_code', '')}`, member.code];
    return values.map(
      (v) =>
        `SELECT ${sqlString(dimension)}, ${sqlString(v)} WHERE NOT EXISTS (SELECT 1 FROM ${dims}.${table} WHERE ${column} = ${sqlString(v)})`,
    );
  });
  return probes.length ? probes.join(' UNION ALL ') : null;
}
