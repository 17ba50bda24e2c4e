import { compile, type QuerySpec } from './compile.ts';
import type { Row } from './connector.ts';
import { answerFromCube, CUBE_MEASURES, type CubeShape, cubeAnswers } from './cube-answer.ts';
import { LruMap } from './lru-map.ts';
import { type DimensionName, MEASURES } from './model.ts';

/**
 * Cubes larger than this are not kept by default: filtering them per click in JS would cost what the engine does
 * (a 20,000-row cube answers in ~1 ms on a laptop, a query through the engine's worker takes 10–100 ms).
 */
export const MAX_CUBE_ROWS = 20_000;

/**
 * The spec whose result is a cube answering `spec` under any filter on `index`: grouped by the spec's dimensions
 * and `index`, under the spec's other filters, with the sums every measure is computed from. Null for cubes that
 * would be as large as the facts (a `day` dimension).
 */
export function cubeSpec(
  spec: QuerySpec,
  index: readonly DimensionName[],
  withProfit: boolean,
): { spec: QuerySpec; shape: CubeShape } | null {
  const dimensions = [...new Set([...((spec.dimensions ?? []) as DimensionName[]), ...index])];
  if (dimensions.includes('day')) return null;
  const fixed = Object.fromEntries(
    Object.entries(spec.filters ?? {}).filter(([d]) => !index.includes(d as DimensionName)),
  );
  const measures = CUBE_MEASURES.filter((m) => withProfit || MEASURES[m].requires !== 'profit');
  return { spec: { measures, dimensions, filters: fixed }, shape: { dimensions: new Set(dimensions), fixed } };
}

/** A cube to build: its store key (the SQL), what it holds, and its query. */
export interface CubePlan {
  readonly key: string;
  readonly shape: CubeShape;
  readonly sql: string;
  readonly params: readonly unknown[];
  /** The same query as a spec, for an engine that takes specs. */
  readonly spec: QuerySpec;
  /** The query asks for one row more than this: a cube that gets it is too large to keep. */
  readonly maxRows: number;
}

export interface PlanContext {
  readonly maxRows: number;
  readonly withProfit: boolean;
  /** The month × market file's cube, when the snapshot has one: what it answers needs no other. */
  readonly monthMarket: CubeShape | null;
  /** Whether the extract lacks a measure `spec` asks for (its query fails anyway). */
  readonly unavailable: (spec: QuerySpec) => boolean;
}

/** The cubes worth building so each of `specs` is answered in JS under any filter on `index`. */
export function planCubes(
  specs: readonly QuerySpec[],
  index: readonly DimensionName[],
  { maxRows, withProfit, monthMarket, unavailable }: PlanContext,
): CubePlan[] {
  const anyOf = Object.fromEntries(index.map((d) => [d, []]));
  return specs.flatMap((spec) => {
    try {
      compile(spec);
    } catch {
      return []; // A spec the compiler rejects gets its error from query(), not from here.
    }
    if (unavailable(spec)) return [];
    if (monthMarket && cubeAnswers(monthMarket, { ...spec, filters: { ...spec.filters, ...anyOf } })) return [];
    const cube = cubeSpec(spec, index, withProfit);
    if (!cube) return [];
    const asked = { ...cube.spec, limit: maxRows + 1 };
    const { sql, params } = compile(asked);
    return [{ key: JSON.stringify([sql, params]), shape: cube.shape, sql, params, spec: asked, maxRows }];
  });
}

interface Entry {
  readonly shape: CubeShape;
  /** Null when the cube turned out too large, or its query failed. */
  readonly rows: Promise<readonly Row[] | null>;
}

/** The cubes a source has built, least recently used evicted first. */
export class CubeStore {
  readonly #entries: LruMap<Entry>;

  constructor(readonly capacity = 32) {
    this.#entries = new LruMap(capacity);
  }

  /**
   * Starts building the cube `key` with `run` unless it exists; resolves once it is ready. More than `maxRows` rows
   * are not kept. A failure is forgotten, so a later activation tries again.
   */
  build(key: string, shape: CubeShape, maxRows: number, run: () => Promise<Row[]>): Promise<unknown> {
    return this.#entries.getOrAdd(key, () => {
      const entry: Entry = {
        shape,
        rows: run().then(
          (rows) => (rows.length > maxRows ? null : rows),
          () => {
            this.#entries.forget(key, entry);
            return null;
          },
        ),
      };
      return entry;
    }).rows;
  }

  /** Forgets every cube. */
  clear(): void {
    this.#entries.clear();
  }

  /** The answer to `spec` from a cube that holds it (waiting for one still being built), or null. */
  async answer(spec: QuerySpec): Promise<Row[] | null> {
    const candidates = [...this.#entries.values()].filter((e) => cubeAnswers(e.shape, spec));
    for (const { shape, rows } of candidates) {
      const ready = await rows;
      const answer = ready && answerFromCube(spec, { ...shape, rows: ready });
      if (answer) return answer;
    }
    return null;
  }
}
