import { type ScenarioKpis } from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareRanked,
  compareScores,
  improvesOn,
  kpiDeltas,
  type Ranked,
  scoreOf,
} from './rank-candidates';

/** Small ranges so that ties on every criterion happen often. */
const rankedArb: fc.Arbitrary<Ranked> = fc.record({
  score: fc.record({
    violations: fc.nat({ max: 3 }),
    unservedM3: fc.constantFrom(0, 0.5, 1.25),
    energyKwh: fc.constantFrom(10, 10.5, 20),
  }),
  actionCount: fc.integer({ min: 1, max: 2 }),
  key: fc.constantFrom('a', 'b', 'c'),
});
const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

describe('the ranking order', () => {
  it('is a total order: antisymmetric, transitive, and equal only for identical entries', () => {
    fc.assert(
      fc.property(rankedArb, rankedArb, rankedArb, (a, b, c) => {
        expect(sign(compareRanked(a, b)) + sign(compareRanked(b, a))).toBe(0);
        if (compareRanked(a, b) <= 0 && compareRanked(b, c) <= 0) {
          expect(compareRanked(a, c)).toBeLessThanOrEqual(0);
        }
        if (compareRanked(a, b) === 0) expect(a).toEqual(b);
      }),
    );
  });

  it('sorts to the same order whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(rankedArb, { maxLength: 20 }), fc.nat(), (entries, seed) => {
        const sorted = [...entries].sort(compareRanked);
        const rotated = [
          ...entries.slice(seed % (entries.length || 1)),
          ...entries.slice(0, seed % (entries.length || 1)),
        ];
        expect([...rotated].reverse().sort(compareRanked)).toEqual(sorted);
        for (let i = 1; i < sorted.length; i++) {
          const [prev, next] = [sorted[i - 1], sorted[i]];
          if (prev && next) expect(compareRanked(prev, next)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('puts fewer violations first, then less unserved demand, then less energy, then fewer actions', () => {
    const entry = (violations: number, unservedM3: number, energyKwh: number, actionCount = 1) => ({
      score: { violations, unservedM3, energyKwh },
      actionCount,
      key: `${violations}/${unservedM3}/${energyKwh}/${actionCount}`,
    });
    const order = [
      entry(1, 9, 900),
      entry(2, 0, 900),
      entry(2, 1, 100),
      entry(2, 1, 200),
      entry(2, 1, 200, 2),
    ];
    expect([...order].reverse().sort(compareRanked)).toEqual(order);
  });
});

describe('improvesOn', () => {
  it('is strict improvement on the first criterion that differs', () => {
    const base = { violations: 5, unservedM3: 10, energyKwh: 100 };
    expect(improvesOn({ violations: 4, unservedM3: 90, energyKwh: 900 }, base)).toBe(true);
    expect(improvesOn({ violations: 5, unservedM3: 9, energyKwh: 900 }, base)).toBe(true);
    expect(improvesOn({ violations: 5, unservedM3: 10, energyKwh: 99 }, base)).toBe(true);
    expect(improvesOn(base, base)).toBe(false);
    expect(improvesOn({ violations: 6, unservedM3: 0, energyKwh: 0 }, base)).toBe(false);
  });

  it('agrees with the score order and never holds both ways', () => {
    const scoreArb = rankedArb.map((r) => r.score);
    fc.assert(
      fc.property(scoreArb, scoreArb, (a, b) => {
        expect(improvesOn(a, b)).toBe(compareScores(a, b) < 0);
        expect(improvesOn(a, b) && improvesOn(b, a)).toBe(false);
      }),
    );
  });
});

const kpis = (over: {
  unserved: number;
  kwh: number;
  minP: number;
  below: number;
}): ScenarioKpis => ({
  minPressure: { valueM: over.minP, nodeId: 'J1', timeS: 0 },
  belowService: {
    thresholdM: 20,
    nodes: Array.from({ length: over.below }, (_, i) => ({
      nodeId: `J${i}`,
      durationS: 60,
      firstS: 0,
    })),
  },
  unservedDemandM3: over.unserved,
  tanks: [],
  energy: { totalKwh: over.kwh, cost: null, currency: null, pumps: [] },
});

describe('scores and deltas', () => {
  it('rounds away noise below a litre and 10 Wh', () => {
    const a = scoreOf(kpis({ unserved: 1.0001, kwh: 50.001, minP: 0, below: 0 }), []);
    const b = scoreOf(kpis({ unserved: 1.0004, kwh: 50.004, minP: 0, below: 0 }), []);
    expect(compareScores(a, b)).toBe(0);
  });

  it('gives candidate minus baseline, minimum pressure positive when it rises', () => {
    const violation = {
      kind: 'low-pressure' as const,
      assetId: 'J1',
      startS: 0,
      endS: 60,
      worst: 3,
    };
    const deltas = kpiDeltas(
      { kpis: kpis({ unserved: 2, kwh: 120, minP: 18, below: 1 }), violations: [violation] },
      {
        kpis: kpis({ unserved: 10, kwh: 100, minP: 3, below: 4 }),
        violations: [violation, violation, violation],
      },
    );
    expect(deltas).toEqual({
      violations: -2,
      unservedDemandM3: -8,
      energyKwh: 20,
      energyCost: null,
      minPressureM: 15,
      nodesBelowService: -3,
    });
  });
});
