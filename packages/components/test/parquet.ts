import { join } from 'node:path';
import type { Manifest } from '@atliq/sdk/contract';

/** The published Parquet files of `table` in the extract at `dir`, as a DuckDB list for `read_parquet()`. */
export const parquetList = (dir: string, manifest: Manifest, table: string) =>
  `[${manifest.files
    .filter((f) => f.table === table && f.path.endsWith('.parquet'))
    .map((f) => `'${join(dir, f.path)}'`)
    .join(', ')}]`;
