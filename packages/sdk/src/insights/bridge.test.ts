import { describe, expect, it } from 'vitest';
import { random } from '../testing/generated-rows.ts';
import { bridge, walk } from './bridge.ts';
import { marginBridge } from './margin-bridge.ts';

/** Money in paise, as the published revenue is: two decimals, some members absent from a period. */
const money = (r: () => number) => (r() < 0.15 ? 0 : Math.round(r() * 1e9) / 100);

describe('bridge()', () => {
  it('splits a change by member; the drivers explain two thirds of it (hand-computed)', () => {
    const b = bridge([
      { member: 'Delhi', current: 100, baseline: 160 },
      { member: 'Mumbai', current: 90, baseline: 80 },
      { member: 'Nagpur', current: 50, baseline: 70 },
      { member: 'Surat', current: 0, baseline: 5 },
    ]);
    expect(b).toMatchObject({ current: 240, baseline: 315, change: -75 });
    expect(b.contributions.map((c) => [c.member, c.change])).toEqual([
      ['Delhi', -60],
      ['Nagpur', -20],
      ['Mumbai', 10],
      ['Surat', -5],
    ]);
    // Delhi alone explains 60 of 75 (80 %): one member.
    expect(b.drivers.map((d) => d.member)).toEqual(['Delhi']);
    expect(walk(b)).toEqual({ gained: 0, gainedMembers: 0, lost: -5, lostMembers: 1, retained: -70 });
  });

  it('property: over random members, contributions and the walk add up to the change to the paisa', () => {
    const r = random(20201);
    for (let run = 0; run < 500; run++) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 40) }, (_, i) => ({
        member: `m${i}`,
        current: money(r),
        baseline: money(r),
      }));
      const b = bridge(rows);
      const sum = b.contributions.reduce((s, c) => s + c.change, 0);
      expect(Math.abs(sum - b.change)).toBeLessThan(0.005);
      const w = walk(b);
      expect(Math.abs(w.gained + w.lost + w.retained - b.change)).toBeLessThan(0.005);
      const explained = b.drivers.reduce((s, d) => s + d.change, 0);
      if (b.change !== 0) expect(Math.abs(explained)).toBeGreaterThanOrEqual((2 / 3) * Math.abs(b.change) - 0.005);
      // The fewest: without its smallest driver, the others fall short.
      if (b.drivers.length > 1) {
        const less = b.drivers.slice(0, -1).reduce((s, d) => s + Math.abs(d.change), 0);
        expect(less).toBeLessThan((2 / 3) * Math.abs(b.change));
      }
    }
  });
});

describe('marginBridge()', () => {
  it('mix and rate effects add up to the change in points (hand-computed)', () => {
    // Before: A 100 @ 10 %, B 100 @ 20 % → 15 %. After: A 300 @ 10 %, B 100 @ 30 % → (30 + 30) / 400 = 15 %.
    const m = marginBridge([
      { member: 'A', revenue0: 100, profit0: 10, revenue1: 300, profit1: 30 },
      { member: 'B', revenue0: 100, profit0: 20, revenue1: 100, profit1: 30 },
    ])!;
    expect(m.before).toBeCloseTo(15, 12);
    expect(m.after).toBeCloseTo(15, 12);
    // Mix: (0.75 − 0.5)·10 + (0.25 − 0.5)·20 = −2.5; rate: 0.75·0 + 0.25·10 = 2.5.
    expect(m.mix).toBeCloseTo(-2.5, 12);
    expect(m.rate).toBeCloseTo(2.5, 12);
  });

  it('property: mix + rate = Δ margin over random members, new and lost ones included', () => {
    const r = random(7);
    for (let run = 0; run < 300; run++) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 20) }, (_, i) => {
        const [revenue0, revenue1] = [money(r), money(r)];
        return {
          member: `m${i}`,
          revenue0,
          profit0: revenue0 * (r() * 0.4 - 0.1),
          revenue1,
          profit1: revenue1 * (r() * 0.4 - 0.1),
        };
      });
      const m = marginBridge(rows);
      if (!m) continue;
      expect(m.mix + m.rate).toBeCloseTo(m.change, 9);
    }
  });
});
