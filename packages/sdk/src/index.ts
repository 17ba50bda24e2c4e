/**
 * @atliq/sdk — query published Atliq extracts in the browser.
 *
 * `AtliqSource.for(manifestUrl).query({ measures, dimensions, filters, sort, limit })` is the whole surface most
 * pages need; a dashboard adds one {@link Selection} for its cross-filter. The Node connector lives behind
 * `@atliq/sdk/node` so it never enters a browser bundle; the DuckDB-WASM connector AtliqSource loads by itself is
 * `@atliq/sdk/wasm`, for a page that wraps it (e.g. to count or log what reaches the engine).
 */
export { type CompiledQuery, checkDimension, checkMeasure, compile, type QuerySpec, type SortKey } from './compile.ts';
export type { Connector, Row, Value } from './connector.ts';
export { ENGINE_FILES, setEngineFiles } from './connectors/engine-files.ts';
export type { Manifest } from './contract.ts';
export {
  AtliqError,
  EngineNeededError,
  ForbiddenError,
  ModelError,
  messageOf,
  QueryError,
  SourceError,
  UnavailableDetailError,
  UnavailableMeasureError,
} from './errors.ts';
export { type Filters, type FilterValue, intersect, isRange, type Member, type Range } from './filter.ts';
export * from './insights/index.ts';
export { isAbort, latest } from './latest.ts';
export {
  BASE_MEASURES,
  DIMENSIONS,
  type DimensionDef,
  type DimensionName,
  isDimension,
  isMeasure,
  MEASURES,
  type MeasureDef,
  type MeasureName,
} from './model.ts';
export * from './period/index.ts';
export { Selection, type SelectionActivation, type SelectionClause, type SelectionOptions } from './selection.ts';
export { connectService } from './service-connector.ts';
export { AtliqSource, type Connect, type QueryOptions, type SourceOptions } from './source.ts';
