export { type ScopeFilter, scoped, scopeFilters } from './scope.ts';
export { type QueryServer, type QueryServerOptions, type ReaderScope, startQueryServer } from './server.ts';
