import { EtlError } from '../errors.ts';
import { parseScopes, type Scope } from '../scopes.ts';
import { readJsonFile } from './rules-args.ts';
import { UsageError } from './source-url.ts';

/** The command-line options that define a run's scoped extracts. */
export interface ScopesArgs {
  /** A JSON file of scope name → filter (see scopes.ts). */
  scopes?: string | undefined;
  config?: string | undefined;
}

/**
 * The scopes of `--scopes FILE`, else of the `scopes` key of the `--config` file, else none. A bad definition is a
 * usage error naming the file, the scope and what to change.
 */
export function scopesFromArgs(args: ScopesArgs): Scope[] {
  try {
    if (args.scopes !== undefined) return parseScopes(readJsonFile('--scopes', args.scopes), `--scopes ${args.scopes}`);
    if (args.config === undefined) return [];
    const config = readJsonFile('--config', args.config) as Record<string, unknown> | null;
    const scopes = config?.scopes;
    return scopes === undefined ? [] : parseScopes(scopes, `${args.config} scopes`);
  } catch (err) {
    if (err instanceof EtlError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
}
