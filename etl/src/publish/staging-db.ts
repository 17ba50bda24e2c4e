import { DuckDBInstance } from '@duckdb/node-api';
import { EtlError } from '../errors.ts';

/**
 * The staging database's memory limit unless `--memory-limit` says otherwise. DuckDB holds ~150 MB more than its
 * limit (outside its buffer pool) and node ~125 MB. `publish` from a private MariaDB, idle machine: 128 MB peaked at
 * 395 MB RSS for 1M rows and 419–429 MB for 10M (53 s); 192 MB at ~455 / ~475 MB, ~10 % faster; 112 MB at 10M worked
 * at 419 MB, and ran out of memory in the transform before read_csv's buffer was cut to 4 MB (stage-tsv.ts).
 */
export const DEFAULT_MEMORY_LIMIT_MB = 128;

/**
 * In memory, spilling to `spillDir` past the limit: a file-backed staging database paid for WAL writes and
 * checkpoints of data that is thrown away after the run. The limit bounds the process's RSS at any source size.
 */
export function openStagingDb(spillDir: string, memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB): Promise<DuckDBInstance> {
  return DuckDBInstance.create(':memory:', {
    memory_limit: `${memoryLimitMb}MB`,
    // Keeping the insertion order of unordered results needs more memory than the limit. Facts are inserted with
    // an explicit ORDER BY (still honoured) and written in that order (write-snapshot.ts); the other tables' row
    // order is not part of the contract.
    preserve_insertion_order: 'false',
    threads: '2',
    // Memory DuckDB freed goes back to the system soon, so the peak RSS follows the limit.
    allocator_flush_threshold: '8MB',
    allocator_bulk_deallocation_flush_threshold: '8MB',
    allocator_background_threads: 'true',
    temp_directory: spillDir,
  });
}

/**
 * DuckDB's "Out of Memory Error: failed to pin block …" names neither the limit nor the way out. (Its "failed to
 * offload" is a full spill folder, a storage error: left as it is.)
 */
export function outOfMemoryError(err: unknown, memoryLimitMb: number): unknown {
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof EtlError || !/Out of Memory/i.test(text) || /failed to offload/i.test(text)) return err;
  return new EtlError(
    `the staging database needed more than its ${memoryLimitMb} MB memory limit (${text.split('\n')[0]}): ` +
      `run again with a higher --memory-limit (default ${DEFAULT_MEMORY_LIMIT_MB})`,
    { cause: err },
  );
}
