/**
 * Scopes (row-level security): named filters over the published dimensions, each published as a complete extract of
 * its own under `<out>/scopes/<name>/` (see publish/scope-build.ts). This module reads and checks their definition,
 * from `--scopes FILE` or the `scopes` key of the ETL config file:
 * `{ "north": { "zone": ["North"] }, "key-accounts": { "customer": ["Cus006", "Cus003"] },
 *    "board": { "detail": "aggregate" } }`.
 */
import { RESERVED_SCOPE_NAMES, SCOPE_NAME } from '@atliq/sdk/contract';
import { EtlError } from './errors.ts';

/**
 * The dimensions a scope may filter, each matched exactly against the published (trimmed) value: `market` the market
 * name (all its codes: the source has "Bhopal" twice), `market_code`, `zone`, `customer` the customer code (codes
 * are stable and unique, names are neither), `customer_type`, `product` the product code, `product_type`.
 */
export const SCOPE_DIMENSIONS = [
  'market',
  'market_code',
  'zone',
  'customer',
  'customer_type',
  'product',
  'product_type',
] as const;
export type ScopeDimension = (typeof SCOPE_DIMENSIONS)[number];

export interface Scope {
  name: string;
  /** `full`: every grain, rows in scope; `aggregate`: market × month totals only (no customer or product data). */
  detail: 'full' | 'aggregate';
  /** A row is in scope when, for every dimension listed, its member is one of the values (AND across dimensions). */
  filter: Partial<Record<ScopeDimension, string[]>>;
}

const fail = (where: string, message: string): never => {
  throw new EtlError(`${where}: ${message}`, { phase: 'config' });
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one scope's definition; `where` names the file and the scope in messages. */
function parseScope(name: string, def: unknown, where: string): Scope {
  if (!SCOPE_NAME.test(name)) {
    fail(
      where,
      'a scope name must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit ' +
        `(it names the folder scopes/<name>/): rename it`,
    );
  }
  if (RESERVED_SCOPE_NAMES.includes(name)) {
    fail(
      where,
      `"${name}" is reserved (web servers use "all" for the full extract and "me" for the reader's own scope): rename it`,
    );
  }
  if (!isObject(def)) return fail(where, 'expected an object of dimension → list of members, e.g. {"zone": ["North"]}');
  const allowed = [...SCOPE_DIMENSIONS, 'detail'];
  const filter: Scope['filter'] = {};
  let detail: Scope['detail'] = 'full';
  for (const [key, value] of Object.entries(def)) {
    if (key === 'detail') {
      if (value !== 'full' && value !== 'aggregate') {
        fail(`${where} detail`, `must be "full" or "aggregate", got ${JSON.stringify(value)}`);
      }
      detail = value as Scope['detail'];
    } else if ((SCOPE_DIMENSIONS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
        fail(
          `${where} ${key}`,
          `expected a non-empty list of member names, e.g. ["North"], got ${JSON.stringify(value)}`,
        );
      }
      filter[key as ScopeDimension] = [...new Set(value as string[])];
    } else {
      fail(where, `unknown key "${key}" (expected one of ${allowed.join(', ')})`);
    }
  }
  if (Object.keys(filter).length === 0 && detail === 'full') {
    fail(
      where,
      'filters no dimension, so it would be the whole extract at full detail (which the web server serves as "all"): ' +
        'add a filter or "detail": "aggregate"',
    );
  }
  return { name, detail, filter };
}

/** Checks a parsed scopes definition (an object of name → filter); throws an EtlError naming `file` and the scope. */
export function parseScopes(json: unknown, file: string): Scope[] {
  if (!isObject(json)) {
    return fail(file, 'expected a JSON object of scope name → filter, e.g. {"north": {"zone": ["North"]}}');
  }
  return Object.entries(json)
    .map(([name, def]) => parseScope(name, def, `${file} scope "${name}"`))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
