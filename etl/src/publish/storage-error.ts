import { EtlError } from '../errors.ts';

/** errno codes (and DuckDB's wording of them) that mean the extract folder cannot take the run's files. */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR']);
// DuckDB reports a full spill folder (it lives in the extract folder) as "Out of Memory … failed to offload".
const STORAGE_WORDS =
  /No space left on device|failed to offload|Read-only file system|Permission denied|Not a directory/i;

/** Turns "disk full" and "cannot write here" into a message that says where and what to do. */
export function storageError(err: unknown, out: string): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  // DuckDB appends paragraphs of generic advice; its first line names the problem. Node writes the system's
  // message in lower case ("ENOSPC: no space left on device, write"), DuckDB as the system does: one spelling.
  const text = (err instanceof Error ? err.message : String(err))
    .split('\n')[0]!
    .replace(/^(E[A-Z]+): ([a-z])/, (_, errno: string, first: string) => `${errno}: ${first.toUpperCase()}`);
  if (err instanceof EtlError || !(STORAGE_CODES.has(code ?? '') || STORAGE_WORDS.test(text))) return err;
  const full = code === 'ENOSPC' || code === 'EDQUOT' || /No space left|failed to offload/i.test(text);
  const what = full ? 'is full' : 'is not writable';
  return new EtlError(
    `the extract folder ${out} ${what} (${text}); ${full ? 'free some space' : 'fix its permissions'} or choose another --out`,
    { cause: err, phase: 'storage' },
  );
}
