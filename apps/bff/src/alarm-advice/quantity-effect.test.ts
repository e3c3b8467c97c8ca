import type { AlarmQuantity, EnsembleSummary, ScenarioKpis } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { quantityEffect } from './quantity-effect';

const times = [0, 900, 1800, 2700];
const level: AlarmQuantity = {
  assetId: 'T1',
  metric: 'level',
  extreme: 'min',
  limit: 2,
  label: 'level of T1',
};
const kpis = {
  tanks: [
    { tankId: 'T1', minLevelM: 1.5, maxLevelM: 3, timeToEmptyS: null, timeToOverflowS: null },
  ],
} as unknown as ScenarioKpis;
const ensemble: EnsembleSummary = {
  members: 20,
  failedMembers: 0,
  kpis: {
    minPressureM: null,
    unservedDemandM3: { p5: 0, p50: 0, p95: 0 },
    energyKwh: { p5: 0, p50: 0, p95: 0 },
    nodesBelowService: { p5: 0, p50: 0, p95: 0 },
  },
  violationProbability: [
    { kind: 'tank-empty', assetId: 'T1', probability: 0.25, earliestStartS: 1800 },
    { kind: 'low-pressure', assetId: 'J1', probability: 1, earliestStartS: 0 },
  ],
};

describe('quantityEffect', () => {
  it('summarises a low level with its band, time beyond the limit and violation probability', () => {
    const effect = quantityEffect(
      level,
      times,
      {
        kind: 'tank',
        series: { level: [3, 2.5, 1.8, 1.5] },
        bands: {
          level: { p5: [2.9, 2.3, 1.5, 1.1], p50: [3, 2.5, 1.8, 1.5], p95: [3.1, 2.7, 2.1, 1.9] },
        },
      },
      kpis,
      ensemble,
    );
    expect(effect).toMatchObject({
      extreme: 1.5,
      end: 1.5,
      extremeRange: { p5: 1.1, p95: 1.9 },
      endRange: { p5: 1.1, p95: 1.9 },
      beyondLimitS: 900,
      timeToEmptyS: null,
      violationProbability: 0.25,
    });
  });

  it('judges a burst by the flow magnitude, and a run without bands has no ranges', () => {
    const flow: AlarmQuantity = {
      assetId: 'P1',
      metric: 'flow',
      extreme: 'max',
      limit: 40,
      label: 'flow in P1',
    };
    const effect = quantityEffect(
      flow,
      times,
      { kind: 'link', series: { flow: [-30, -45, -50, -20] }, bands: {} },
      null,
      null,
    );
    expect(effect).toMatchObject({
      values: [30, 45, 50, 20],
      extreme: 50,
      end: 20,
      extremeRange: null,
      beyondLimitS: 1800,
      violationProbability: null,
    });
  });

  it('is undefined without the series', () => {
    expect(quantityEffect(level, times, undefined, null, null)).toBeUndefined();
    expect(
      quantityEffect(level, times, { kind: 'tank', series: { level: [1] }, bands: {} }, null, null),
    ).toBeUndefined();
  });
});
