import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearestIds } from './nearest-ids';

describe('nearest ids', () => {
  it('measures edit distance case-insensitively', () => {
    expect(editDistance('J511', 'J512')).toBe(1);
    expect(editDistance('pu4', 'PU4')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest ids first', () => {
    expect(nearestIds('J511', ['J512', 'J5', 'T1', 'J1511', 'PU4'])).toEqual([
      'J512',
      'J1511',
      'J5',
    ]);
    expect(didYouMean('J511', ['J512'])).toBe(' (did you mean J512?)');
  });

  it('says nothing when nothing is close', () => {
    expect(didYouMean('RESERVOIR_NORTH', ['J1', 'T1'])).toBe('');
  });
});
