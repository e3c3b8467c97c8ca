import { describe, expect, it } from 'vitest';
import { districtOfPattern } from './district-of-pattern';

describe('districtOfPattern', () => {
  it('names a district after its demand pattern without the pattern suffix', () => {
    expect(districtOfPattern('DMA3_pat', 1.2)).toBe('DMA3');
    expect(districtOfPattern('north-pattern', 0.5)).toBe('north');
    expect(districtOfPattern('Zone2PAT', 0.5)).toBe('Zone2');
    expect(districtOfPattern('residential', 0.5)).toBe('residential');
    expect(districtOfPattern('pat', 0.5)).toBe('pat');
  });

  it('puts junctions without a demand or a pattern in no district', () => {
    expect(districtOfPattern('DMA3_pat', 0)).toBeUndefined();
    expect(districtOfPattern('DMA3_pat', Number.NaN)).toBeUndefined();
    expect(districtOfPattern(undefined, 1)).toBeUndefined();
    expect(districtOfPattern('', 1)).toBeUndefined();
  });
});
