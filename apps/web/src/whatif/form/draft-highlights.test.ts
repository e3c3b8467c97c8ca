import { describe, expect, it } from 'vitest';
import { newPerturbation } from './composer-draft';
import { draftHighlights } from './draft-highlights';

describe('draftHighlights', () => {
  it('marks each perturbed asset once by what happens to it', () => {
    const pump = newPerturbation('PU4', 'pump');
    const valve = { ...newPerturbation('V2', 'valve'), valveMode: 'open' as const };
    const burst = newPerturbation('P301', 'pipe', 'J11');
    expect(
      draftHighlights([pump, valve, { ...burst, type: 'burst' }, pump, newPerturbation('', null)]),
    ).toEqual([
      { assetId: 'PU4', role: 'stop' },
      { assetId: 'V2', role: 'open' },
      { assetId: 'J11', role: 'affected' },
    ]);
  });
});
