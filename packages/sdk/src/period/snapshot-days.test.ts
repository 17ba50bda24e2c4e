import { describe, expect, test } from 'vitest';
import type { Manifest } from '../contract.ts';
import { sampleManifest } from '../testing/manifest.ts';
import { asOfDay, snapshotDays } from './snapshot-days.ts';

/** A scoped manifest whose fact files are empty (an aggregate scope) and whose scope carries its order days. */
const aggregate = (to: string): Manifest => ({
  ...sampleManifest(),
  files: sampleManifest().files.filter((f) => f.table !== 'fact_sales'),
  scope: { name: 'north-board', detail: 'aggregate', days: { from: '2017-10-04', to } },
});

describe('snapshotDays() and asOfDay() of scoped extracts', () => {
  test("an aggregate scope's days come from its manifest, its facts being empty", () => {
    expect(snapshotDays(aggregate('2020-06-26'))).toEqual({ from: '2017-10-04', to: '2020-06-26' });
  });

  test('an aggregate scope (month totals only) defaults to the end of its last complete month', () => {
    expect(asOfDay(aggregate('2020-06-26'))).toBe('2020-05-31');
    expect(asOfDay(aggregate('2020-06-30'))).toBe('2020-06-30');
    expect(asOfDay(aggregate('2020-03-01'))).toBe('2020-02-29');
    // A scope whose sales all lie in its first month keeps its newest day: there is no complete month before.
    expect(asOfDay({ ...aggregate('2017-10-20') })).toBe('2017-10-20');
  });

  test('a full scope defaults to its newest order day, cut month or not', () => {
    const full: Manifest = {
      ...aggregate('2020-06-26'),
      scope: { name: 'north', detail: 'full', days: { from: '2017-10-04', to: '2020-06-26' } },
    };
    expect(asOfDay(full)).toBe('2020-06-26');
  });
});
