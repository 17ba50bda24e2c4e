import { checkFilter, type FilterValue } from './filter.ts';
import { isDimension } from './model.ts';
import type { SelectionClause } from './selection.ts';

/**
 * A selection's clauses in the URL hash, as `#<key>=<JSON>` beside whatever else the host keeps there. The hash is
 * input from anyone who sends a link, so reading keeps only well-formed clauses on known dimensions.
 */

const hashParams = () => new URLSearchParams(location.hash.slice(1));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function clauseOf(value: unknown): SelectionClause | null {
  if (!isObject(value) || typeof value.label !== 'string' || !isObject(value.filters)) return null;
  const filters: [string, FilterValue][] = [];
  for (const [dimension, filter] of Object.entries(value.filters)) {
    if (!isDimension(dimension)) return null;
    try {
      filters.push([dimension, checkFilter(dimension, filter)]);
    } catch {
      return null;
    }
  }
  return { label: value.label, filters: Object.fromEntries(filters) };
}

/** The clauses stored under `key`; malformed ones are left out rather than failing the page. */
export function readHash(key: string): Map<string, SelectionClause> {
  const clauses = new Map<string, SelectionClause>();
  const text = hashParams().get(key);
  if (!text) return clauses;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return clauses;
  }
  if (!isObject(stored)) return clauses;
  for (const [id, value] of Object.entries(stored)) {
    const clause = clauseOf(value);
    if (clause) clauses.set(id, clause);
  }
  return clauses;
}

/** Stores the clauses under `key` with replaceState: a click should not add a history entry, nor fire hashchange. */
export function writeHash(key: string, clauses: ReadonlyMap<string, SelectionClause>): void {
  const params = hashParams();
  if (clauses.size === 0) params.delete(key);
  else params.set(key, JSON.stringify(Object.fromEntries(clauses)));
  const hash = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
}
