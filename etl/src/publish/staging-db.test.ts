import { describe, expect, it } from 'vitest';
import { EtlError } from '../errors.ts';
import { outOfMemoryError } from './staging-db.ts';

describe('outOfMemoryError()', () => {
  it('names the limit and --memory-limit for both of DuckDB’s wordings of running out', () => {
    for (const text of [
      'Out of Memory Error: failed to pin block of size 256.0 KiB (91.3 MiB/91.5 MiB used)',
      'TransactionContext Error: Failed to commit: could not allocate block of size 256.0 KiB (872.0 KiB/976.5 KiB used)',
    ]) {
      const err = outOfMemoryError(new Error(`${text}\n\nPossible solutions: …`), 96);
      expect(err).toBeInstanceOf(EtlError);
      expect((err as Error).message).toBe(
        `the staging database needed more than its 96 MB memory limit (${text}): run again with a higher --memory-limit (default 96)`,
      );
    }
  });

  it('leaves a full spill folder and other errors as they are', () => {
    for (const err of [
      new Error('Out of Memory Error: failed to offload data block of size 256.0 KiB'),
      new Error('Binder Error: column "x" not found'),
    ]) {
      expect(outOfMemoryError(err, 96)).toBe(err);
    }
  });
});
