import { type ScenarioKpis } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { beamOf, beamSearch, compatible, extendBeam } from './beam-search';
import { type Candidate } from './candidate';
import { type Evaluation, keyOf } from './evaluate-candidates';

const candidate = (name: string, ...assetIds: string[]): Candidate => ({
  label: name,
  assumptions: [],
  action: {
    kind: 'open-valve',
    assetIds,
    description: name,
    perturbations: [
      { type: 'valve-setting', assetId: assetIds[0] ?? 'V', status: 'open', startS: 0, endS: 60 },
    ],
  },
});

const KPIS: ScenarioKpis = {
  minPressure: null,
  belowService: { thresholdM: 20, nodes: [] },
  unservedDemandM3: 0,
  tanks: [],
  energy: { totalKwh: 0, cost: null, currency: null, pumps: [] },
};

const evaluated = (candidates: Candidate[], violations: number | undefined): Evaluation => {
  const key = keyOf(candidates);
  if (violations === undefined) return { candidates, key };
  return {
    candidates,
    key,
    summary: { kpis: KPIS, violations: [] },
    ranked: {
      score: { violations, unservedM3: 0, energyKwh: 0 },
      actionCount: candidates.length,
      key,
    },
  };
};

const a = candidate('a', 'V1');
const b = candidate('b', 'V2');
const c = candidate('c', 'V3');
const isolate = candidate('isolate', 'V1', 'V4');
const baseline = { violations: 5, unservedM3: 0, energyKwh: 0 };

describe('beam search', () => {
  it('pairs only actions with no asset in common', () => {
    expect(compatible(a, b)).toBe(true);
    expect(compatible(a, isolate)).toBe(false);
  });

  it('keeps the best successful entries no worse than the baseline', () => {
    const beam = beamOf(
      [evaluated([a], 4), evaluated([b], 6), evaluated([c], undefined), evaluated([isolate], 5)],
      baseline,
      4,
    );
    expect(beam.map((e) => e.key)).toEqual(['a', 'isolate']);
  });

  it('extends each combination by each compatible seed once, whatever the order', () => {
    const seen = new Set<string>();
    const next = extendBeam([evaluated([a], 1), evaluated([b], 2)], [a, b, isolate], seen);
    expect(next.map(keyOf)).toEqual(['a + b', 'b + isolate']);
    expect(extendBeam([evaluated([b], 2)], [a], seen)).toEqual([]);
  });

  it('evaluates pairs, then triples from the best pairs, up to maxActions', async () => {
    const asked: string[][] = [];
    const out = await beamSearch(
      [evaluated([a], 1), evaluated([b], 2), evaluated([c], 3)],
      baseline,
      3,
      3,
      (combinations) => {
        asked.push(combinations.map(keyOf));
        return Promise.resolve(combinations.map((x) => evaluated(x, 0)));
      },
    );
    expect(asked).toEqual([['a + b', 'a + c', 'b + c'], ['a + b + c']]);
    expect(out).toHaveLength(4);
  });
});
