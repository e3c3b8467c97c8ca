import { type Ensemble, type LiveState } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { type EnsembleNetwork } from './ensemble-network';
import { memberInputs } from './member-inputs';
import { memberRandom } from './random-source';

const network: EnsembleNetwork = {
  dmas: ['DMA1', 'DMA2'],
  outsideDmas: false,
  districtOf: new Map(),
  tanks: new Map([
    ['T1', { initLevelM: 3, minLevelM: 1, maxLevelM: 6 }],
    ['T2', { initLevelM: 0.5, minLevelM: 0.5, maxLevelM: 2 }],
  ]),
};
const ensemble: Ensemble = {
  members: 50,
  demandSpread: 0.1,
  roughnessSpread: 0.05,
  initialLevelSpreadM: 2,
};
const bound: LiveState = {
  takenAt: 1,
  timeOfDayS: 3600,
  tanks: { T1: { levelM: 5 } },
  pumps: { PU1: { on: true } },
  valves: {},
  demandMultipliers: { all: 1.2, dma: { DMA1: 2 } },
};
const draw = (index: number, over: Partial<Parameters<typeof memberInputs>[0]> = {}) =>
  memberInputs({
    index,
    ensemble,
    network,
    state: null,
    fileStartClockS: 7200,
    random: memberRandom(11, index),
    ...over,
  });

describe('memberInputs', () => {
  it('leaves member 0 unperturbed: the bound state as given, or none', () => {
    expect(draw(0)).toEqual({ state: null });
    expect(draw(0, { state: bound })).toEqual({ state: bound });
  });

  it('is deterministic per seed and member, and differs between members', () => {
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
    expect(draw(3, { random: memberRandom(12, 3) })).not.toEqual(draw(3));
  });

  it('starts an unbound member at the file’s own time of day with no other bound assets', () => {
    const { state } = draw(1);
    expect(state).toMatchObject({ timeOfDayS: 7200, pumps: {}, valves: {} });
  });

  it('multiplies the drawn DMA factors onto the bound multipliers and keeps the rest', () => {
    const free = draw(5).state?.demandMultipliers;
    const onBound = draw(5, { state: bound }).state;
    expect(onBound?.demandMultipliers.all).toBe(1.2);
    expect(onBound?.demandMultipliers.dma?.DMA1).toBeCloseTo(2 * (free?.dma?.DMA1 ?? NaN), 12);
    expect(onBound?.demandMultipliers.dma?.DMA2).toBe(free?.dma?.DMA2);
    expect(onBound?.pumps).toEqual(bound.pumps);
    expect(onBound?.timeOfDayS).toBe(3600);
  });

  it('draws one factor for all junctions on a network without DMAs, and one for those outside', () => {
    const none = draw(2, { network: { ...network, dmas: [] } }).state?.demandMultipliers;
    expect(none?.dma).toBeUndefined();
    expect(none?.all).not.toBe(1);
    const mixed = draw(2, { network: { ...network, outsideDmas: true } }).state;
    const m = mixed?.demandMultipliers;
    expect(m?.all).not.toBe(1);
    // a DMA junction gets all × dma = its own factor; one outside gets all.
    const free = draw(2).state?.demandMultipliers;
    expect((m?.all ?? NaN) * (m?.dma?.DMA1 ?? NaN)).toBeCloseTo(free?.dma?.DMA1 ?? NaN, 12);
  });

  it('draws lognormal factors with median 1 and the requested relative spread', () => {
    const factors = Array.from(
      { length: 4000 },
      (_, i) => draw(i + 1).state?.demandMultipliers.dma?.DMA1 ?? NaN,
    );
    const sorted = [...factors].sort((a, b) => a - b);
    const mean = factors.reduce((a, b) => a + b, 0) / factors.length;
    const sd = Math.sqrt(factors.reduce((a, f) => a + (f - mean) ** 2, 0) / factors.length);
    expect(sorted[2000]).toBeCloseTo(1, 1);
    expect(sd / mean).toBeGreaterThan(0.09);
    expect(sd / mean).toBeLessThan(0.11);
  });

  it('keeps drawn tank levels within the limits, starting from the bound level', () => {
    for (let i = 1; i < 200; i++) {
      const { state } = draw(i, { state: bound });
      const t1 = state?.tanks.T1?.levelM ?? NaN;
      const t2 = state?.tanks.T2?.levelM ?? NaN;
      expect(t1).toBeGreaterThan(1);
      expect(t1).toBeLessThan(6);
      expect(t2).toBeGreaterThan(0.5);
      expect(t2).toBeLessThan(2);
    }
    const levels = Array.from(
      { length: 400 },
      (_, i) => draw(i + 1, { state: bound }).state?.tanks.T1?.levelM ?? NaN,
    );
    expect(levels.filter((l) => l > 5).length).toBeGreaterThan(100);
  });

  it('draws nothing for a quantity whose spread is 0', () => {
    const quiet = { ...ensemble, demandSpread: 0, roughnessSpread: 0, initialLevelSpreadM: 0 };
    expect(draw(7, { ensemble: quiet, state: bound })).toEqual({ state: bound });
    expect(draw(7, { ensemble: { ...quiet, roughnessSpread: 0.1 } }).roughnessFactor).not.toBe(1);
  });

  it('takes an injected random source', () => {
    // u = v = 0.5: the Box-Muller draw is −√(2 ln 2).
    const z = -Math.sqrt(2 * Math.log(2));
    const fixed = draw(1, { random: () => 0.5 });
    expect(fixed.roughnessFactor).toBeCloseTo(Math.exp(Math.sqrt(Math.log(1 + 0.05 ** 2)) * z), 12);
  });
});
