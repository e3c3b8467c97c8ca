import fc from 'fast-check';
import { DemandMultipliersSchema } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { estimateDemandMultipliers, MULTIPLIER_RANGE } from './estimate-demand-multipliers';

const districtOf = new Map([
  ['J1', 'DMA1'],
  ['J2', 'DMA1'],
  ['J3', 'DMA2'],
]);

describe('estimateDemandMultipliers', () => {
  it('scales each metered district by measured over modelled, on top of what was applied', () => {
    const estimate = estimateDemandMultipliers({
      measured: new Map([
        ['J1', 3],
        ['J2', 3],
        ['J3', 1],
      ]),
      modelled: new Map([
        ['J1', 2],
        ['J2', 2],
        ['J3', 2],
      ]),
      applied: { dma: { DMA2: 2 } },
      districtOf,
    });
    expect(estimate).toEqual({ dma: { DMA1: 1.5, DMA2: 1 } });
  });

  it('keeps the multipliers of districts without a meter, and skips unmodelled junctions', () => {
    const estimate = estimateDemandMultipliers({
      measured: new Map([
        ['J3', 4],
        ['J9', 4],
      ]),
      modelled: new Map([['J3', 2]]),
      applied: { all: 1.1, dma: { DMA1: 0.8 } },
      districtOf,
    });
    expect(estimate).toEqual({ all: 1.1, dma: { DMA1: 0.8, DMA2: 2 } });
  });

  it('gives one multiplier for all junctions when the network has no districts', () => {
    const estimate = estimateDemandMultipliers({
      measured: new Map([['11', 12]]),
      modelled: new Map([['11', 10]]),
      applied: {},
      districtOf: new Map(),
    });
    expect(estimate).toEqual({ all: 1.2 });
  });

  it('always gives multipliers LiveState accepts, within range, whatever the meters say', () => {
    const reading = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -1, Infinity, Number.NaN, 1e-300),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('J1', 'J2', 'J3', 'J4'), reading),
        fc.dictionary(fc.constantFrom('J1', 'J2', 'J3', 'J4'), reading),
        (measured, modelled) => {
          const estimate = estimateDemandMultipliers({
            measured: new Map(Object.entries(measured)),
            modelled: new Map(Object.entries(modelled)),
            applied: {},
            districtOf,
          });
          const parsed = DemandMultipliersSchema.safeParse(estimate);
          expect(parsed.success).toBe(true);
          for (const m of Object.values(estimate.dma ?? {})) {
            expect(m).toBeGreaterThanOrEqual(MULTIPLIER_RANGE.min);
            expect(m).toBeLessThanOrEqual(MULTIPLIER_RANGE.max);
          }
        },
      ),
    );
  });
});
