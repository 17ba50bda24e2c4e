/**
 * Typed errors of the SDK. Every one keeps the underlying error as `cause` so nothing is lost, and its message
 * says what is wrong and what to do next: components show the message to people, not the engine's wording.
 */

/** Base class: `instanceof AtliqError` tells an SDK error from any other. */
export class AtliqError extends Error {
  override name = 'AtliqError';
}

/** A query asked for a measure or dimension the semantic model does not declare. Raised before any SQL runs. */
export class ModelError extends AtliqError {
  override name = 'ModelError';
  constructor(
    readonly kind: 'measure' | 'dimension',
    readonly member: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown ${kind} "${member}". Known ${kind}s: ${known.join(', ')}.`);
  }
}

/**
 * A query asked for a measure the extract cannot provide, e.g. profit from a source without profit columns (the
 * manifest's `measures` block says which). Components show "not available in this source" rather than an error.
 */
export class UnavailableMeasureError extends AtliqError {
  override name = 'UnavailableMeasureError';
  constructor(
    /** The measure's model name, e.g. `margin`. */
    readonly measure: string,
    label: string,
    /** The source columns it needs, as the manifest's `measures` names them. */
    readonly requires: string,
  ) {
    super(
      `${label} is not available in this source: the extract was published from a database without ${requires} columns.`,
    );
  }
}

/**
 * A query asked an `aggregate` scope (row-level security: market × month totals only) for something finer: a
 * customer, a product, a single day. Components show "not available at this level of detail".
 */
export class UnavailableDetailError extends AtliqError {
  override name = 'UnavailableDetailError';
  constructor(
    /** The dimension asked for (or filtered on) that the scope does not hold, e.g. `customer`. */
    readonly dimension: string,
  ) {
    super(
      dimension === 'day'
        ? 'This extract holds whole months only (market × month totals): choose whole months, or leave the as-of day to its default.'
        : `This extract holds market × month totals only: there is no ${dimension.replaceAll('_', ' ')} detail in it for your account.`,
    );
  }
}

/**
 * A query asked with `local` (answer from what the page holds) needs the engine: not a failure, a "not yet" that
 * tells a component to wait for the engine's answer.
 */
export class EngineNeededError extends AtliqError {
  override name = 'EngineNeededError';
  constructor() {
    super('This question needs the engine: the month and day files do not answer it.');
  }
}

/** The extract could not be loaded: manifest, database file, web server or engine start-up. */
export class SourceError extends AtliqError {
  override name = 'SourceError';
  constructor(
    message: string,
    /** The URL that failed (manifest, database file or engine asset). */
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The web server refused the extract to this reader (HTTP 401 or 403): with row-level security, a scope they do not
 * have. Components say "You do not have access to this data" rather than show an error.
 */
export class ForbiddenError extends SourceError {
  override name = 'ForbiddenError';
  constructor(
    url: string,
    readonly status: number,
  ) {
    super(
      'Your account does not have access to this data. Ask the people who run the dashboards for access, or open ' +
        `the page meant for you. (The server answered HTTP ${status} for ${url}.)`,
      url,
    );
  }
}

/** A compiled query failed in the engine; carries the SQL and its bound parameters for diagnosis. */
export class QueryError extends AtliqError {
  override name = 'QueryError';
  constructor(
    message: string,
    readonly sql: string,
    readonly params: readonly unknown[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The message of anything thrown, for wrapping errors of unknown shape. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
