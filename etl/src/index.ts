export { type CleaningRules, DEFAULT_RULES } from './config.ts';
export { EtlError } from './errors.ts';
export { type PublishOptions, type PublishResult, publish, type RunEvent } from './publish/publish.ts';
export { type MySqlOptions, MySqlSource } from './source/mysql.ts';
export { createSampleSource } from './source/sample.ts';
export type { SourceConnection, SourceInfo, SourceSnapshot } from './source/source.ts';
