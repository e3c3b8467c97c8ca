import { describe, expect, it } from 'vitest';
import { closestId } from './suggest';

describe('closestId', () => {
  it('finds the nearest id within two edits, ties broken alphabetically', () => {
    expect(closestId('J99', ['J9', 'J1', 'P99'])).toBe('J9');
    expect(closestId('OPTONS', ['LABELS', 'OPTIONS', 'TAGS'])).toBe('OPTIONS');
    expect(closestId('J12', ['J13', 'J11'])).toBe('J11');
    expect(closestId('XYZW', ['J1', 'J2'])).toBeUndefined();
  });
});
