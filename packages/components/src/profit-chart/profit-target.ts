import { AtliqError } from '@atliq/sdk';

/**
 * Parses the `target` attribute: a margin in percent from -100 to 100 (`2.5`, `-1`).
 * @throws {AtliqError} for anything else.
 */
export function parseTarget(value: string): number {
  const n = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= -100 && n <= 100))
    throw new AtliqError(`target must be a margin in percent from -100 to 100, got "${value}".`);
  return n;
}
