import { AtliqError } from '@atliq/sdk';

/**
 * Parses a `top`/`n` attribute: empty means no limit; otherwise a whole number from 1 to 1000.
 * @throws {AtliqError} naming the attribute and the value, shown by the component instead of querying.
 */
export function parseTop(value: string, attribute = 'top'): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const n = /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= 1000)) {
    throw new AtliqError(`The ${attribute} attribute must be a whole number from 1 to 1000, got "${value}".`);
  }
  return n;
}
