import { type CompiledQuery, compile, type QuerySpec } from './compile.ts';
import type { Connector, Row } from './connector.ts';
import type { Manifest } from './contract.ts';
import { explainDatabaseProbe, probe, UNREADABLE_FILE } from './diagnose.ts';
import { messageOf, QueryError } from './errors.ts';
import { loadManifest } from './manifest-load.ts';

/** Opens the engine on a database URL; swapped in tests, or for a server-side engine when data outgrows the page. */
export type Connect = (dbUrl: string) => Promise<Connector>;

export interface SourceOptions {
  readonly connect?: Connect;
  readonly fetch?: typeof fetch;
}

/** DuckDB-WASM is loaded only when a source first needs it, so the page's first paint does not wait for it. */
const connectWasm: Connect = async (dbUrl) => (await import('./connectors/wasm.ts')).connectWasm(dbUrl);

const sources = new Map<string, AtliqSource>();
const absoluteUrl = (url: string | URL) => new URL(url, globalThis.document?.baseURI).href;

/**
 * One published extract, shared by every component on the page that names the same manifest URL. Nothing is
 * fetched until {@link ready} or {@link query} is first used; then the manifest is read and validated, the engine
 * started and the snapshot's `sales.duckdb` attached, once.
 */
export class AtliqSource {
  /** The shared source for a manifest URL (resolved against the page's base URL), created on first use. */
  static for(url: string | URL): AtliqSource {
    const absolute = absoluteUrl(url);
    let source = sources.get(absolute);
    if (!source) {
      source = new AtliqSource(absolute);
      sources.set(absolute, source);
    }
    return source;
  }

  /**
   * Makes `source` the one {@link AtliqSource.for} returns for its URL, e.g. a source on a server-side engine.
   * Register before the components that use the URL first render.
   */
  static register(source: AtliqSource): void {
    sources.set(source.url, source);
  }

  /** Absolute URL of `manifest.json`. */
  readonly url: string;
  readonly #options: SourceOptions;
  #manifest: Manifest | undefined;
  #opening: Promise<{ manifest: Manifest; connector: Connector; dbUrl: string }> | undefined;

  /** Prefer {@link AtliqSource.for}, which shares one source per URL; construct directly for custom engines. */
  constructor(url: string | URL, options: SourceOptions = {}) {
    this.url = absoluteUrl(url);
    this.#options = options;
  }

  /** The validated manifest, once {@link ready} has resolved. */
  get manifest(): Manifest | undefined {
    return this.#manifest;
  }

  /** Resolves with the manifest once the snapshot is attached; rejects with a {@link SourceError}. */
  get ready(): Promise<Manifest> {
    return this.#open().then((o) => o.manifest);
  }

  /**
   * Runs a model query. Unknown names fail at once with a ModelError, before anything is loaded.
   * @throws {QueryError} when the engine fails, with the SQL, parameters and the engine's error as cause.
   */
  async query(spec: QuerySpec): Promise<Row[]> {
    const compiled = compile(spec);
    const { connector, dbUrl } = await this.#open();
    try {
      return await connector.query(compiled.sql, compiled.params);
    } catch (cause) {
      throw await this.#queryError(compiled, dbUrl, cause);
    }
  }

  #open() {
    this.#opening ??= this.#attach().catch((error: unknown) => {
      // Forget the failure so a retry (after the server or the extract is fixed) starts afresh.
      this.#opening = undefined;
      throw error;
    });
    return this.#opening;
  }

  async #attach() {
    const manifest = await loadManifest(this.url, this.#options.fetch);
    const dbUrl = new URL(manifest.browser_db, this.url).href;
    const connector = await (this.#options.connect ?? connectWasm)(dbUrl);
    this.#manifest = manifest;
    return { manifest, connector, dbUrl };
  }

  async #queryError({ sql, params }: CompiledQuery, dbUrl: string, cause: unknown): Promise<QueryError> {
    const engineMessage = messageOf(cause);
    const reason = UNREADABLE_FILE.test(engineMessage)
      ? explainDatabaseProbe(dbUrl, await probe(dbUrl, this.#options.fetch))
      : null;
    return new QueryError(reason ?? `The query failed: ${engineMessage}`, sql, params, { cause });
  }
}
