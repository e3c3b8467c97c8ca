import { type ScenarioKpis, type Violation } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { summarizeMembers } from './summarize-members';

const kpis = (minP: number | null, unserved: number, kwh: number, below: number): ScenarioKpis => ({
  minPressure: minP === null ? null : { valueM: minP, nodeId: 'J1', timeS: 0 },
  belowService: {
    thresholdM: 20,
    nodes: Array.from({ length: below }, (_, i) => ({ nodeId: `J${i}`, durationS: 1, firstS: 0 })),
  },
  unservedDemandM3: unserved,
  tanks: [],
  energy: { totalKwh: kwh, cost: null, currency: null, pumps: [] },
});
const v = (kind: Violation['kind'], assetId: string, startS: number): Violation => ({
  kind,
  assetId,
  startS,
  endS: startS + 900,
  worst: 0,
});

describe('summarizeMembers', () => {
  it('counts a violation once per member and keeps its earliest start', () => {
    const s = summarizeMembers([
      {
        kpis: kpis(10, 0, 100, 1),
        violations: [v('low-pressure', 'J1', 3600), v('low-pressure', 'J1', 900)],
      },
      {
        kpis: kpis(12, 1, 110, 0),
        violations: [v('low-pressure', 'J1', 1800), v('tank-empty', 'T1', 7200)],
      },
      { kpis: kpis(14, 2, 120, 2), violations: [] },
      {
        kpis: kpis(16, 3, 130, 3),
        violations: [v('tank-empty', 'T1', 5400), v('tank-overflow', 'T1', 0)],
      },
    ]);
    expect(s.violationProbability).toEqual([
      { kind: 'low-pressure', assetId: 'J1', probability: 0.5, earliestStartS: 900 },
      { kind: 'tank-empty', assetId: 'T1', probability: 0.5, earliestStartS: 5400 },
      { kind: 'tank-overflow', assetId: 'T1', probability: 0.25, earliestStartS: 0 },
    ]);
    expect(s.kpis.minPressureM).toEqual({ p5: 10.3, p50: 13, p95: 15.7 });
    expect(s.kpis.unservedDemandM3.p50).toBe(1.5);
    expect(s.kpis.energyKwh.p95).toBeCloseTo(128.5, 9);
    expect(s.kpis.nodesBelowService.p50).toBe(1.5);
  });

  it('has no minimum-pressure percentiles for a network without junctions', () => {
    expect(
      summarizeMembers([{ kpis: kpis(null, 0, 0, 0), violations: [] }]).kpis.minPressureM,
    ).toBeNull();
  });
});
