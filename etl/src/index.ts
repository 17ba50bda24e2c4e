export {
  applyConfigFile,
  type CleaningRules,
  DEFAULT_RULES,
  type EtlConfigFile,
  type SchemaDriftPolicy,
} from './config.ts';
export { type DumpResult, loadDump } from './dump/load-dump.ts';
export { EtlError } from './errors.ts';
export { type PublishOptions, type PublishResult, publish, type RunEvent } from './publish/publish.ts';
export { DEFAULT_RETENTION, type Retention } from './publish/retention.ts';
export { parseScopes, type Scope } from './scopes.ts';
export { type MySqlOptions, MySqlSource } from './source/mysql.ts';
export { createSampleSource } from './source/sample.ts';
export type { ColumnKind, SourceColumn, SourceConnection, SourceInfo, SourceSnapshot } from './source/source.ts';
