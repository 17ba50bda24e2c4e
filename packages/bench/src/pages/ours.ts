/** Our page: the full default dashboard on the shared source (coordinator cache, in-flight de-duplication, rollups). */
import '@atliq/components';
import { AtliqSource, type Connect } from '@atliq/sdk';
import { counting, engineStats } from './counting-connect.ts';
import { mountDashboard } from './instrument.ts';

// The SDK's default engine, loaded lazily as AtliqSource.for does it, only wrapped to count engine queries.
const wasm: Connect = async (dbUrl) => (await import('@atliq/sdk/wasm')).connectWasm(dbUrl);
const src = new URLSearchParams(location.search).get('src') ?? '';
const source = new AtliqSource(src, { connect: counting(wasm) });
AtliqSource.register(source);
mountDashboard(src, source);
Object.assign(window, { __engine: engineStats, __source: source });
