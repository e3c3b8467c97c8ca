import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from './parse-duration';

describe('parseDurationSeconds', () => {
  it.each([
    ['24:00', undefined, 86400],
    ['72', undefined, 259200],
    ['1:30', undefined, 5400],
    ['1:30:15', undefined, 5415],
    ['0:15', 'MIN', 900],
    ['6', 'HOURS', 21600],
    ['90', 'min', 5400],
    ['3600', 'SEC', 3600],
    ['2', 'DAYS', 172800],
    ['0.5', undefined, 1800],
  ])('%s %s -> %d s', (value, unit, seconds) => {
    expect(parseDurationSeconds(value, unit)).toBe(seconds);
  });

  it.each([['soon'], ['1:2:3:4'], ['-5'], ['']])('rejects %s', (value) => {
    expect(parseDurationSeconds(value)).toBeUndefined();
  });

  it('rejects an unknown unit', () => {
    expect(parseDurationSeconds('5', 'FORTNIGHTS')).toBeUndefined();
  });
});
