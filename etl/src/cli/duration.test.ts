import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';

describe('parseDuration()', () => {
  it('reads seconds, minutes, hours and days, fractions included', () => {
    expect(parseDuration('every', '1s')).toBe(1000);
    expect(parseDuration('every', '5m')).toBe(300_000);
    expect(parseDuration('keep-for', '90m')).toBe(5_400_000);
    expect(parseDuration('keep-for', '1.5h')).toBe(5_400_000);
    expect(parseDuration('keep-for', '2d')).toBe(172_800_000);
  });

  it('refuses a missing unit, zero, negatives and garbage with a usage error naming the flag', () => {
    for (const bad of ['5', '0s', '-1m', '5 minutes', '1w', '', 'm']) {
      expect(() => parseDuration('every', bad)).toThrow(/--every must be a positive duration/);
    }
  });
});
