import { describe, expect, it } from 'vitest';
import { parseScopes } from './scopes.ts';

const error = (json: unknown) => {
  try {
    parseScopes(json, 'scopes.json');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('parseScopes() accepted an invalid definition');
};

describe('parseScopes()', () => {
  it('parseScopes() reads filters and detail, sorted by name, full detail by default', () => {
    expect(
      parseScopes(
        {
          north: { zone: ['North'] },
          'key-accounts': { customer: ['Cus006', 'Cus003', 'Cus006'] },
          board: { detail: 'aggregate' },
        },
        'f',
      ),
    ).toEqual([
      { name: 'board', detail: 'aggregate', filter: {} },
      { name: 'key-accounts', detail: 'full', filter: { customer: ['Cus006', 'Cus003'] } },
      { name: 'north', detail: 'full', filter: { zone: ['North'] } },
    ]);
    expect(parseScopes({}, 'f')).toEqual([]);
  });

  it('parseScopes() refuses bad and reserved names, saying what to do', () => {
    for (const name of ['North', 'a_b', '-a', 'a'.repeat(65), '../x', '']) {
      expect(error({ [name]: { zone: ['North'] } })).toMatch(/lower-case letters, digits and hyphens.*rename it/);
    }
    expect(error({ me: { zone: ['North'] } })).toMatch(/scopes.json scope "me": "me" is reserved/);
    expect(error({ all: { detail: 'aggregate' } })).toMatch(/"all" is reserved/);
  });

  it('parseScopes() refuses unknown keys, empty or non-text member lists and unknown details', () => {
    expect(error({ north: { region: ['North'] } })).toMatch(/unknown key "region" \(expected one of market, /);
    expect(error({ north: { zone: [] } })).toMatch(/scope "north" zone: expected a non-empty list/);
    expect(error({ north: { zone: 'North' } })).toMatch(/expected a non-empty list/);
    expect(error({ north: { zone: [''] } })).toMatch(/expected a non-empty list/);
    expect(error({ north: { zone: ['North'], detail: 'summary' } })).toMatch(/detail: must be "full" or "aggregate"/);
    expect(error({ north: ['North'] })).toMatch(/expected an object of dimension/);
    expect(error(['north'])).toMatch(/^scopes.json: expected a JSON object of scope name/);
  });

  it('parseScopes() refuses a full-detail scope without a filter: it would be the whole extract', () => {
    expect(error({ everyone: {} })).toMatch(/filters no dimension.*add a filter or "detail": "aggregate"/);
  });
});
