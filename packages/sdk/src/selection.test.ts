import { describe, expect, test } from 'vitest';
import { compile } from './compile.ts';
import { Selection } from './selection.ts';

const mumbai = { filters: { market: ['Mumbai'] }, label: 'Market: Mumbai' };

describe('Selection', () => {
  test("filtersFor() applies every client's clause except the asker's own", () => {
    const selection = new Selection();
    selection.set('bars', mumbai);
    selection.set('trend', { filters: { month: { from: '2019-01', to: '2019-06' } }, label: 'Jan–Jun 2019' });
    expect(selection.filtersFor('bars')).toEqual({ month: { from: '2019-01', to: '2019-06' } });
    expect(selection.filtersFor('trend')).toEqual({ market: ['Mumbai'] });
    expect(selection.filtersFor()).toEqual({ market: ['Mumbai'], month: { from: '2019-01', to: '2019-06' } });
    expect(selection.filtersFor('kpi')).toEqual(selection.filtersFor());
  });

  test('filtersFor() returns the same frozen object until the selection changes', () => {
    const selection = new Selection();
    selection.set('bars', mumbai);
    const before = selection.filtersFor('trend');
    expect(selection.filtersFor('trend')).toBe(before);
    expect(Object.isFrozen(before)).toBe(true);
    selection.set('bars', { ...mumbai, filters: { market: ['Chennai'] } });
    expect(selection.filtersFor('trend')).not.toBe(before);
    expect(selection.filtersFor('trend')).toEqual({ market: ['Chennai'] });
  });

  test('filtersFor() intersects two clauses on one dimension', () => {
    const selection = new Selection();
    selection.set('bar', { filters: { market: ['Mumbai', 'Chennai'], year: { from: 2018, to: 2020 } }, label: '' });
    selection.set('map', { filters: { market: ['Chennai', 'Delhi NCR'], year: [2017, 2019] }, label: '' });
    selection.set('brush', { filters: { year: { from: 2019, to: 2021 } }, label: '' });
    expect(selection.filtersFor()).toEqual({ market: ['Chennai'], year: [2019] });
    selection.set('other', { filters: { market: ['Delhi NCR'] }, label: '' });
    // Nothing is in both: an empty list, which compiles to a query that matches nothing.
    expect(selection.filtersFor().market).toEqual([]);
    expect(compile({ measures: ['revenue'], filters: selection.filtersFor() }).sql).toMatch(/WHERE FALSE AND/);
  });

  test('set(), set(id, null) and clear() dispatch change only when something changed', () => {
    const selection = new Selection();
    let events = 0;
    selection.addEventListener('change', () => events++);
    selection.set('bars', mumbai);
    expect([events, selection.clauses().get('bars')]).toEqual([1, mumbai]);
    selection.set('bars', null);
    selection.set('bars', null);
    selection.clear();
    expect([events, selection.clauses().size]).toEqual([2, 0]);
    selection.set('a', mumbai);
    selection.set('b', mumbai);
    selection.clear();
    expect([events, selection.filtersFor()]).toEqual([5, {}]);
  });

  test('filtersFor() keeps a hostile dimension name as data, never on Object.prototype', () => {
    const selection = new Selection();
    selection.set('x', { filters: JSON.parse('{"__proto__": ["x"]}'), label: '' });
    const filters = selection.filtersFor();
    expect(Object.getPrototypeOf(filters)).toBe(Object.prototype);
    expect(() => compile({ measures: ['revenue'], filters })).toThrow('Unknown dimension "__proto__"');
  });
});
