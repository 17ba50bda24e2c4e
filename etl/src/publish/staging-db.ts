import { DuckDBInstance } from '@duckdb/node-api';
import { EtlError } from '../errors.ts';

/**
 * The staging database's memory limit unless `--memory-limit` says otherwise. The process's peak RSS is this plus
 * ~80 MB of mapped code (node, libduckdb), node's heap and what DuckDB allocates outside its buffer pool (Parquet
 * and storage writers, ~50–100 MB). Freed memory mostly stays mapped (glibc malloc: the node-api build has no
 * jemalloc), so the peak follows the high-water mark. 10M generated rows, idle machine, 2 Dec 2026: 96 MB peaked
 * at 346–368 MB over eight runs, 128 MB at 376–464 MB over eleven, for ~2 % more time (51.3–52.6 s vs 50.8–51.7 s).
 */
export const DEFAULT_MEMORY_LIMIT_MB = 96;

/**
 * In memory, spilling to `spillDir` past the limit: a file-backed staging database paid for WAL writes and
 * checkpoints of data that is thrown away after the run. The limit bounds the process's RSS at any source size.
 */
export function openStagingDb(spillDir: string, memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB): Promise<DuckDBInstance> {
  return DuckDBInstance.create(':memory:', {
    memory_limit: `${memoryLimitMb}MB`,
    // Keeping the insertion order of unordered results needs more memory than the limit. Facts are inserted with
    // an explicit ORDER BY (still honoured), so each row group holds a narrow date range; the order of rows and
    // row groups is not part of the contract.
    preserve_insertion_order: 'false',
    threads: '2',
    // Return freed memory to the system soon. These apply to DuckDB's jemalloc builds; the node-api build on
    // Linux uses glibc malloc (see DEFAULT_MEMORY_LIMIT_MB).
    allocator_flush_threshold: '8MB',
    allocator_bulk_deallocation_flush_threshold: '8MB',
    allocator_background_threads: 'true',
    temp_directory: spillDir,
  });
}

/**
 * DuckDB's "Out of Memory Error: failed to pin block …" names neither the limit nor the way out. Running out while
 * a load commits, it says only "TransactionContext Error: Failed to commit: could not allocate block of size …
 * (… used)". (Its "failed to offload" is a full spill folder, a storage error: left as it is.)
 */
export function outOfMemoryError(err: unknown, memoryLimitMb: number): unknown {
  const text = err instanceof Error ? err.message : String(err);
  if (
    err instanceof EtlError ||
    !/Out of Memory|could not allocate block of size/i.test(text) ||
    /failed to offload/i.test(text)
  )
    return err;
  return new EtlError(
    `the staging database needed more than its ${memoryLimitMb} MB memory limit (${text.split('\n')[0]}): ` +
      `run again with a higher --memory-limit (default ${DEFAULT_MEMORY_LIMIT_MB})`,
    { cause: err },
  );
}
