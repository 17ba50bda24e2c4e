import { answerFromGrain, type BridgeGrain, grainPeriod, loadBridgeGrain } from './bridge-grain-load.ts';
import { type CompiledQuery, compile, type QuerySpec } from './compile.ts';
import type { Connector, Row } from './connector.ts';
import type { Manifest } from './contract.ts';
import {
  answerFromCube,
  CUBE_MEASURES,
  type Cube,
  dayMarketCube,
  monthMarketCube,
  withinMonths,
} from './cube-answer.ts';
import { CubeStore, MAX_CUBE_ROWS, planCubes } from './cube-store.ts';
import { explainDatabaseProbe, probe, refused, UNREADABLE_FILE } from './diagnose.ts';
import {
  type AtliqError,
  EngineNeededError,
  ForbiddenError,
  messageOf,
  QueryError,
  SourceError,
  UnavailableDetailError,
  UnavailableMeasureError,
} from './errors.ts';
import { fetchManifest } from './manifest-load.ts';
import { type DimensionName, isDimension, isMeasure, MEASURES } from './model.ts';
import { loadDayMarket, loadMonthMarket } from './month-market-load.ts';
import { daysAsMonths, snapshotDays } from './period/snapshot-days.ts';
import { splitDays } from './period/split-days.ts';
import { abortable, QueryCache } from './query-cache.ts';
import { connectService } from './service-connector.ts';

/** Opens the engine on a database URL; swapped in tests, or for a server-side engine when data outgrows the page. */
export type Connect = (dbUrl: string) => Promise<Connector>;

export interface SourceOptions {
  readonly connect?: Connect;
  readonly fetch?: typeof fetch;
  /** How many distinct query results to keep (least recently used evicted); 256 by default. */
  readonly cacheSize?: number;
  /**
   * Answer queries from pre-aggregated data when it can (default true): month × market questions from the
   * snapshot's `month_market.json` when the manifest lists one, and cross-filtered ones from the cubes built by
   * {@link AtliqSource.prepare}. Off for an engine that must see every query, e.g. a test double answering fixed
   * rows, or a benchmark's baseline.
   */
  readonly preaggregates?: boolean;
  /** The largest cube {@link AtliqSource.prepare} keeps, in rows ({@link MAX_CUBE_ROWS} by default). */
  readonly cubeRows?: number;
}

export interface QueryOptions {
  /** Rejects this caller's promise with the signal's reason on abort; a query shared with others still runs. */
  readonly signal?: AbortSignal;
  /**
   * Answer only from what the page already holds: the snapshot's month and day files, and a day range split into
   * them. Rejects with {@link EngineNeededError} instead of asking the engine, and caches nothing: a component can say
   * what it knows at once and the rest when the engine answers.
   */
  readonly local?: boolean;
}

/** DuckDB-WASM is loaded only when a source first needs it, so the page's first paint does not wait for it. */
const connectWasm: Connect = async (dbUrl) => (await import('./connectors/wasm.ts')).connectWasm(dbUrl);

/**
 * Starts the page's DuckDB-WASM engine without waiting, once per page: a failed start is retried (and reported)
 * where the engine is needed, not again on every query.
 */
let warming = false;
const warmWasm = () => {
  if (warming) return;
  warming = true;
  import('./connectors/wasm-engine.ts').then((m) => m.startEngine()).catch(() => {});
};

const sources = new Map<string, AtliqSource>();
/** What an `aggregate` scope's month × market totals can be grouped and filtered by. */
const AGGREGATE_DIMENSIONS = ['market', 'zone', 'year', 'month', 'month_of_year'] as const;

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
  readonly #cache: QueryCache;
  #manifest: Manifest | undefined;
  /** The URL the manifest was finally answered from (after redirects): what its files are relative to. */
  #base: string;
  #loading: Promise<Manifest> | undefined;
  #monthMarket: Promise<Cube | null> | undefined;
  #dayMarket: Promise<Cube | null> | undefined;
  #bridgeGrain: Promise<BridgeGrain | null> | undefined;
  readonly #cubes = new CubeStore();
  #opening: Promise<{ manifest: Manifest; connector: Connector; dbUrl: string }> | undefined;

  /** Prefer {@link AtliqSource.for}, which shares one source per URL; construct directly for custom engines. */
  constructor(url: string | URL, options: SourceOptions = {}) {
    this.url = absoluteUrl(url);
    this.#base = this.url;
    this.#options = options;
    this.#cache = new QueryCache(options.cacheSize);
  }

  /** The validated manifest, once {@link manifestReady} (or {@link ready}) has resolved. */
  get manifest(): Manifest | undefined {
    return this.#manifest;
  }

  /** Resolves with the manifest once the snapshot is attached; rejects with a {@link SourceError}. */
  get ready(): Promise<Manifest> {
    return this.#open().then((o) => o.manifest);
  }

  /**
   * Resolves with the validated manifest as soon as it is read, without waiting for the engine (what a component
   * needs to format its numbers); rejects with a {@link SourceError}.
   */
  get manifestReady(): Promise<Manifest> {
    return this.#loadManifest();
  }

  /**
   * Runs a model query. Unknown names fail at once with a ModelError, before anything is loaded. Results are cached
   * by SQL and parameters, and identical queries in flight run once; the rows are shared, so they are frozen.
   * @throws {UnavailableMeasureError} when the manifest says the extract lacks a measure's columns (profit).
   * @throws {QueryError} when the engine fails, with the SQL, parameters and the engine's error as cause.
   */
  async query(spec: QuerySpec, options: QueryOptions = {}): Promise<Row[]> {
    const compiled = compile(spec);
    // A caller that gave up already starts no work at all.
    if (options.signal?.aborted) throw options.signal.reason;
    return abortable(options.local ? this.#local(spec) : this.#run(compiled, spec), options.signal);
  }

  /** {@link query} with `local`: the month and day files, or a day range split into them; nothing else. */
  async #local(askedSpec: QuerySpec): Promise<Row[]> {
    const manifest = await this.#loadManifest();
    const spec = this.#tightened(askedSpec, manifest);
    const unavailable = this.#unavailable(spec, manifest);
    if (unavailable) {
      const { label, requires } = MEASURES[unavailable];
      throw new UnavailableMeasureError(unavailable, label, requires!);
    }
    const finer = this.#finer(spec, manifest);
    if (finer) throw new UnavailableDetailError(finer);
    const monthMarket = await this.#loadMonthMarket(manifest);
    const answer = monthMarket && answerFromCube(spec, monthMarket);
    if (answer) return answer;
    const dayMarket = await this.#loadDayMarket(spec, manifest);
    const fromDays = dayMarket && answerFromCube(spec, dayMarket);
    if (fromDays) return fromDays;
    const fromGrain = await this.#fromGrain(spec, manifest);
    if (fromGrain) return fromGrain;
    const halves = spec.filters?.['day'] ? this.#split(spec, manifest, true) : null;
    if (halves) return halves;
    throw new EngineNeededError();
  }

  async #run(asked: CompiledQuery, askedSpec: QuerySpec): Promise<Row[]> {
    const manifest = await this.#loadManifest();
    // The engine's download and compilation take seconds: start them now, in parallel, unless a query service
    // answers this source (its manifest says so).
    if (!this.#options.connect && !manifest.query_service) warmWasm();
    const spec = this.#tightened(askedSpec, manifest);
    const compiled = spec === askedSpec ? asked : compile(spec);
    const unavailable = this.#unavailable(spec, manifest);
    if (unavailable) {
      const { label, requires } = MEASURES[unavailable];
      throw new UnavailableMeasureError(unavailable, label, requires!);
    }
    const finer = this.#finer(spec, manifest);
    if (finer) throw new UnavailableDetailError(finer);
    return this.#cache.get(JSON.stringify([compiled.sql, compiled.params]), async () => {
      // Month × market questions are answered from the small JSON file: the first charts need no engine, and
      // cross-filtering at that grain takes microseconds. The engine starts meanwhile for everything finer.
      const monthMarket = await this.#loadMonthMarket(manifest);
      const answer = monthMarket && answerFromCube(spec, monthMarket);
      if (answer) {
        this.#open().catch(() => {});
        return answer;
      }
      // Days of the months a like-for-like baseline cuts short (1–26 June 2019) from their small file, likewise.
      const dayMarket = await this.#loadDayMarket(spec, manifest);
      const fromDays = dayMarket && answerFromCube(spec, dayMarket);
      if (fromDays) {
        this.#open().catch(() => {});
        return fromDays;
      }
      // The default comparison's customers and products (the insights' splits) from the bridge grain, likewise.
      const fromGrain = await this.#fromGrain(spec, manifest);
      if (fromGrain) {
        this.#open().catch(() => {});
        return fromGrain;
      }
      const fromCube = await this.#cubes.answer(spec);
      if (fromCube) return fromCube;
      const halves = spec.filters?.['day'] ? this.#split(spec, manifest) : null;
      if (halves) return halves;
      const { connector, dbUrl } = await this.#open();
      try {
        return await (connector.querySpec ? connector.querySpec(spec) : connector.query(compiled.sql, compiled.params));
      } catch (cause) {
        // A query service's refusals (forbidden, a limit reached) already say what to tell the reader.
        if (connector.querySpec && cause instanceof SourceError) throw cause;
        throw await this.#queryError(compiled, dbUrl, cause);
      }
    });
  }

  /**
   * A day range that cuts its last month short (1 Jan–26 Jun 2019, a like-for-like baseline) asked as its whole months
   * (rollups, cubes, month_market.json) and the cut month's days (a few weeks of the date-sorted facts), each as the
   * sums every model measure is made of, added up and measured like a cube. Null when it does not split.
   */
  #split(spec: QuerySpec, manifest: Manifest, local = false): Promise<Row[]> | null {
    const days = snapshotDays(manifest);
    const halves = days && splitDays(spec, days);
    if (!halves) return null;
    const measures = CUBE_MEASURES.filter((m) => !this.#unavailable({ measures: [m] }, manifest));
    const dimensions = spec.dimensions ?? [];
    return Promise.all(
      [halves.months, halves.days].map((filters) =>
        this.query({ measures: [...measures], dimensions, filters }, { local }),
      ),
    ).then(([months, cut]) => {
      const cube: Cube = { dimensions: new Set(dimensions as DimensionName[]), fixed: {}, rows: [...months!, ...cut!] };
      return answerFromCube({ ...spec, filters: {} }, cube)!;
    });
  }

  /**
   * The first dimension `spec` groups or filters by that an `aggregate` scope does not hold (it has market × month
   * totals only, and empty fact, customer and product tables that would answer "nothing" instead of "not here").
   */
  #finer(spec: QuerySpec, manifest: Manifest): string | undefined {
    if (manifest.scope?.detail !== 'aggregate') return undefined;
    const asked = [...(spec.dimensions ?? []), ...Object.keys(spec.filters ?? {})];
    return asked.find((d) => !(AGGREGATE_DIMENSIONS as readonly string[]).includes(d));
  }

  /** A `day` range over whole months of the snapshot's data asked as months, which rollups and cubes answer. */
  #tightened(spec: QuerySpec, manifest: Manifest): QuerySpec {
    const days = spec.filters?.['day'] && snapshotDays(manifest);
    const filters = days ? daysAsMonths(spec.filters!, days) : spec.filters;
    return filters === spec.filters ? spec : { ...spec, filters };
  }

  /**
   * Mosaic-style pre-aggregation, for a cross-filter about to change on the `index` dimensions (a pointer entered
   * a chart that selects by them). For each of `specs` (what the other charts show now) it builds in the
   * background a cube: the spec grouped by its own dimensions and `index` as well, under its other filters. The
   * same spec with any filter on `index` is then answered from the cube in JavaScript, without the engine; specs
   * the month × market file answers need none. Cubes over `cubeRows` rows are dropped. Resolves when every
   * cube is ready; never rejects — it is a hint, and queries work without it.
   */
  async prepare(specs: readonly QuerySpec[], index: readonly string[]): Promise<void> {
    const dimensions = index.filter(isDimension) as DimensionName[];
    if (dimensions.length === 0 || specs.length === 0 || this.#options.preaggregates === false) return;
    let manifest: Manifest;
    let monthMarket: Cube | null;
    try {
      manifest = await this.#loadManifest();
      monthMarket = await this.#loadMonthMarket(manifest);
    } catch {
      return;
    }
    const asked = specs.map((spec) => this.#tightened(spec, manifest));
    const plans = planCubes(asked, dimensions, {
      maxRows: this.#options.cubeRows ?? MAX_CUBE_ROWS,
      withProfit: manifest.measures.profit,
      monthMarket,
      unavailable: (spec) => this.#unavailable(spec, manifest) !== undefined,
    });
    const builds = plans.map(({ key, shape, sql, params, spec, maxRows }) =>
      this.#cubes.build(key, shape, maxRows, async () => {
        const { connector } = await this.#open();
        return connector.querySpec ? connector.querySpec(spec) : connector.query(sql, params);
      }),
    );
    await Promise.all(builds);
  }

  /**
   * Releases the engine connection (the snapshot is detached) and forgets the manifest, cached results and cubes,
   * e.g. when a single-page app leaves the view. The source stays usable: the next query reads the manifest again
   * and attaches what it names then, so it also picks up a snapshot published meanwhile. A query still running
   * when the connection closes fails.
   */
  async close(): Promise<void> {
    const opening = this.#opening;
    this.#opening = undefined;
    this.#loading = undefined;
    this.#manifest = undefined;
    this.#monthMarket = undefined;
    this.#dayMarket = undefined;
    this.#bridgeGrain = undefined;
    this.#cache.clear();
    this.#cubes.clear();
    const opened = await opening?.catch(() => undefined);
    await opened?.connector.close();
  }

  /** The first measure of `spec` whose columns the extract lacks (profit), if any. */
  #unavailable(spec: QuerySpec, manifest: Manifest) {
    return spec.measures.filter(isMeasure).find((m) => {
      const requires = MEASURES[m].requires;
      return requires !== undefined && !manifest.measures[requires];
    });
  }

  #loadManifest(): Promise<Manifest> {
    this.#loading ??= fetchManifest(this.url, this.#options.fetch).then(
      ({ manifest, base }) => {
        this.#base = base;
        this.#manifest = manifest;
        return manifest;
      },
      (error: unknown) => {
        // Forget the failure so a retry (after the extract is published or the server fixed) starts afresh.
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  #loadMonthMarket(manifest: Manifest): Promise<Cube | null> {
    this.#monthMarket ??=
      this.#options.preaggregates === false
        ? Promise.resolve(null)
        : loadMonthMarket(this.#base, manifest, this.#options.fetch).then((rows) => rows && monthMarketCube(rows));
    return this.#monthMarket;
  }

  /** The day × market file's cube when `spec`'s days lie in the months it holds (it is fetched then); else null. */
  async #loadDayMarket(spec: QuerySpec, manifest: Manifest): Promise<Cube | null> {
    const listed = manifest.day_market;
    if (!listed || this.#options.preaggregates === false || !withinMonths(spec.filters, new Set(listed.months))) {
      return null;
    }
    this.#dayMarket ??= loadDayMarket(this.#base, manifest, this.#options.fetch).then(
      (rows) => rows && dayMarketCube(rows),
    );
    return this.#dayMarket;
  }

  /**
   * `spec` answered from the snapshot's bridge grain when it asks one of its periods by customers or products (the
   * file is fetched then); else null.
   */
  async #fromGrain(spec: QuerySpec, manifest: Manifest): Promise<Row[] | null> {
    const listed = manifest.bridge_grain;
    if (!listed || this.#options.preaggregates === false) return null;
    const index = grainPeriod(spec, listed.periods, snapshotDays(manifest));
    if (index < 0) return null;
    this.#bridgeGrain ??= loadBridgeGrain(this.#base, manifest, this.#options.fetch);
    const grain = await this.#bridgeGrain;
    return grain && answerFromGrain(spec, grain, index);
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
    const manifest = await this.#loadManifest();
    // A manifest served by a query service names it: that engine answers, and the browser downloads no database.
    const service = manifest.query_service;
    const dbUrl = new URL(service ?? manifest.browser_db, this.#base).href;
    const connect =
      this.#options.connect ?? (service ? (url: string) => connectService(url, this.#options.fetch) : connectWasm);
    const connector = await connect(dbUrl);
    return { manifest, connector, dbUrl };
  }

  async #queryError({ sql, params }: CompiledQuery, dbUrl: string, cause: unknown): Promise<AtliqError> {
    const engineMessage = messageOf(cause);
    const answer = UNREADABLE_FILE.test(engineMessage) ? await probe(dbUrl, this.#options.fetch) : null;
    if (answer && refused(answer)) return new ForbiddenError(dbUrl, answer.status);
    const reason = answer ? explainDatabaseProbe(dbUrl, answer) : null;
    return new QueryError(reason ?? `The query failed: ${engineMessage}`, sql, params, { cause });
  }
}
