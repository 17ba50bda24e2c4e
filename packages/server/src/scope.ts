import type { QuerySpec } from '@atliq/sdk';
import { type FilterValue, intersect } from '@atliq/sdk';

/**
 * What a scope filters, as the ETL's `--scopes` file has it (`{ "zone": ["North"] }`): a scope's dimension names,
 * each a list of members. `customer` and `market_code` are codes (codes are unique, names are not), so they become
 * the model's `customer_code` and `market_code`; the rest are the model's dimensions of the same name.
 */
export type ScopeFilter = Readonly<Record<string, readonly string[]>>;

const MODEL_DIMENSION: Readonly<Record<string, string>> = {
  market: 'market',
  market_code: 'market_code',
  zone: 'zone',
  customer: 'customer_code',
  customer_type: 'customer_type',
  product: 'product',
  product_type: 'product_type',
};

/** The scope's dimensions that the model can filter by; throws for one it cannot (a scope must never be ignored). */
export function scopeFilters(scope: ScopeFilter): Record<string, FilterValue> {
  const filters: Record<string, FilterValue> = {};
  for (const [name, members] of Object.entries(scope)) {
    if (name === 'detail') continue;
    const dimension = MODEL_DIMENSION[name];
    if (!dimension) throw new Error(`a scope filters by "${name}", which the query service cannot apply`);
    if (!Array.isArray(members) || members.some((m) => typeof m !== 'string')) {
      throw new Error(`a scope's "${name}" must be a list of members`);
    }
    filters[dimension] = [...members];
  }
  return filters;
}

/**
 * `spec` narrowed to `scope`: each scoped dimension's filter is the client's intersected with the scope's members,
 * or the scope's alone. A client can only narrow: it cannot drop, widen or replace a condition of its scope.
 */
export function scoped(spec: QuerySpec, scope: Record<string, FilterValue>): QuerySpec {
  const filters: Record<string, FilterValue> = { ...spec.filters };
  for (const [dimension, members] of Object.entries(scope)) {
    const asked = filters[dimension];
    filters[dimension] = asked === undefined ? members : intersect(asked, members);
  }
  return { ...spec, filters };
}
