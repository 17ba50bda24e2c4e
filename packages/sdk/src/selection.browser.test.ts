import { afterEach, expect, test } from 'vitest';
import { Selection } from './selection.ts';

const mumbai = { filters: { market: ['Mumbai'], year: { from: 2019, to: 2020 } }, label: 'Market: Mumbai' };

afterEach(() => history.replaceState(null, '', location.pathname + location.search));

test('Selection({ hash }) round-trips clauses through location.hash beside the host page’s own keys', () => {
  history.replaceState(null, '', '#tab=sales');
  const before = history.length;
  const selection = new Selection({ hash: 'f' });
  selection.set('bars', mumbai);
  const params = new URLSearchParams(location.hash.slice(1));
  expect(params.get('tab')).toBe('sales');
  expect(history.length).toBe(before);

  const restored = new Selection({ hash: 'f' });
  expect(restored.clauses().get('bars')).toEqual(mumbai);
  expect(restored.filtersFor('trend')).toEqual(mumbai.filters);

  selection.clear();
  expect(location.hash).toBe('#tab=sales');
});

test('readFromHash() follows a hash changed from outside, and leaves a selection without the option alone', () => {
  const selection = new Selection({ hash: 'f' });
  const unhashed = new Selection();
  unhashed.set('bars', mumbai);
  let changes = 0;
  selection.addEventListener('change', () => changes++);
  history.replaceState(null, '', `#f=${encodeURIComponent(JSON.stringify({ bars: mumbai }))}`);
  selection.readFromHash();
  unhashed.readFromHash();
  expect(selection.clauses().get('bars')).toEqual(mumbai);
  expect(unhashed.clauses().get('bars')).toEqual(mumbai);
  selection.readFromHash();
  expect(changes).toBe(1);
  history.replaceState(null, '', '#');
  selection.readFromHash();
  expect(selection.clauses().size).toBe(0);
  expect(changes).toBe(2);
});

test('Selection({ hash }) restores only well-formed clauses on known dimensions from a hostile link', () => {
  const stored = {
    ok: { label: 'Zone: North', filters: { zone: ['North'] } },
    unknownDimension: { label: 'x', filters: { 'zone; DROP TABLE': ['x'] } },
    badValue: { label: 'x', filters: { year: [{ nested: true }] } },
    noLabel: { filters: { zone: ['South'] } },
  };
  history.replaceState(null, '', `#f=${encodeURIComponent(JSON.stringify(stored))}`);
  expect([...new Selection({ hash: 'f' }).clauses().keys()]).toEqual(['ok']);
  history.replaceState(null, '', '#f=%7Bnot-json');
  expect(new Selection({ hash: 'f' }).clauses().size).toBe(0);
});

test('Selection() leaves the hash alone unless asked', () => {
  history.replaceState(null, '', '#f=%7B%7D');
  new Selection().set('bars', mumbai);
  expect(location.hash).toBe('#f=%7B%7D');
});

test('setting hash switches the key on the same selection: its clauses become those stored under the new key', () => {
  history.replaceState(null, '', `#f=${encodeURIComponent(JSON.stringify({ bars: mumbai }))}`);
  const selection = new Selection();
  selection.set('list', { filters: { zone: ['North'] }, label: 'Zone: North' });
  let changes = 0;
  selection.addEventListener('change', () => changes++);
  selection.hash = 'f';
  expect([selection.hash, [...selection.clauses().keys()], changes]).toEqual(['f', ['bars'], 1]);
  selection.hash = 'f';
  expect(changes).toBe(1);
  selection.set('bars', null);
  expect(location.hash).toBe('');
  selection.set('bars', mumbai);
  selection.hash = false;
  expect([selection.clauses().size, changes]).toEqual([0, 4]);
  // Off the hash, a change is no longer kept there.
  selection.set('list', mumbai);
  expect(new Selection({ hash: 'f' }).clauses().get('bars')).toEqual(mumbai);
  expect(new Selection({ hash: 'f' }).clauses().has('list')).toBe(false);
});
