/**
 * @atliq/sdk — query published Atliq extracts in the browser.
 *
 * `AtliqSource.for(manifestUrl).query({ measures, dimensions, filters, sort, limit })` is the whole surface most
 * pages need. The Node connector lives behind `@atliq/sdk/node` so it never enters a browser bundle.
 */
export { type CompiledQuery, compile, type QuerySpec, type SortKey } from './compile.ts';
export type { Connector, Row, Value } from './connector.ts';
export type { Manifest } from './contract.ts';
export { AtliqError, ModelError, QueryError, SourceError } from './errors.ts';
export {
  DIMENSIONS,
  type DimensionDef,
  type DimensionName,
  isDimension,
  isMeasure,
  MEASURES,
  type MeasureDef,
  type MeasureName,
} from './model.ts';
export { AtliqSource, type Connect, type SourceOptions } from './source.ts';
