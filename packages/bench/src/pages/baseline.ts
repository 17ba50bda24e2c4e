/**
 * The baseline page: the same dashboard and the same compiled SQL per chart, but every chart query runs on its own
 * against the full fact table — no result cache, no in-flight de-duplication (cache size 0), no rollups (see
 * baseline-connect.ts), and no answers from pre-aggregates (the file beside the manifest, cubes). What a page gets when each
 * chart simply issues its own ad-hoc SQL.
 */
import '@atliq/components';
import { AtliqSource, type SourceOptions } from '@atliq/sdk';
import { baselineConnect } from './baseline-connect.ts';
import { counting } from './counting-connect.ts';
import { mountDashboard } from './instrument.ts';

const src = new URLSearchParams(location.search).get('src') ?? '';
// Not an object literal on purpose: `preaggregates` (answers from month_market.json and cubes) exists only in SDK
// versions that have it, and an older SDK must still accept these options.
const options: SourceOptions & { preaggregates: boolean } = {
  connect: counting(baselineConnect),
  cacheSize: 0,
  preaggregates: false,
};
const source = new AtliqSource(src, options);
AtliqSource.register(source);
mountDashboard(src, source, { timeInsights: false });
