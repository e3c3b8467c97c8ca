import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchAssets } from './asset-search';

const assets = [
  { id: 'J10', name: 'Hill road' },
  { id: 'J2' },
  { id: 'T1', name: 'North tank' },
  { id: 'PU4', name: 'Main pump' },
  { id: 'P-J1', name: 'Pipe to tank' },
  { id: 'TJ', name: 'j-junction' },
  { id: 'J1', name: 't1 bypass' },
];

const ids = (query: string, limit?: number) => searchAssets(assets, query, limit).map((a) => a.id);

describe('searchAssets', () => {
  it('matches nothing for an empty or blank query', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });
  it('puts the exact id first, then id prefixes in natural order', () => {
    expect(ids('j1')).toEqual(['J1', 'J10', 'P-J1']);
  });
  it('ranks id matches above name matches', () => {
    expect(ids('t1')).toEqual(['T1', 'J1']);
  });
  it('finds by name prefix and by a word inside the name', () => {
    expect(ids('main')).toEqual(['PU4']);
    expect(ids('tank')).toEqual(['P-J1', 'T1']);
  });
  it('ranks name prefixes above id substrings', () => {
    expect(ids('j')).toEqual(['J1', 'J2', 'J10', 'TJ', 'P-J1']);
  });
  it('is case-insensitive and trims', () => {
    expect(ids('  pu4 ')).toEqual(['PU4']);
  });
  it('respects the limit', () => {
    expect(ids('j', 2)).toEqual(['J1', 'J2']);
    expect(ids('j', 0)).toEqual([]);
  });
  it('treats regex characters literally', () => {
    expect(ids('.*')).toEqual([]);
    expect(ids('-')).toEqual(['P-J1', 'TJ']);
  });
  it('only returns assets that contain the query in id or name', () => {
    const arbAsset = fc.record({
      id: fc.string({ minLength: 1 }),
      name: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbAsset), fc.string(), (list, query) => {
        const q = query.trim().toLowerCase();
        for (const hit of searchAssets(list, query, 1000)) {
          const hay = `${hit.id.toLowerCase()}\n${hit.name?.toLowerCase() ?? ''}`;
          expect(hay.includes(q)).toBe(true);
        }
      }),
    );
  });
});
