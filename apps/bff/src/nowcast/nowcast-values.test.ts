import { ScenarioResultSchema, ScenarioSchema, type ScenarioResult } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { hasFreshTelemetry, modelledValues, residualsOf } from './nowcast-values';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const fresh = { nowMs: NOW, maxAgeMs: 120_000 };

function result(): ScenarioResult {
  const parsed = ScenarioResultSchema.parse({
    engineVersion: 'test',
    modelHash: 'h',
    scenario: ScenarioSchema.parse({ horizonS: 1 }),
    seed: 0,
    times: [0, 900],
    nodes: {
      J1: { pressure: [41.23456, 40], head: [91.2, 90], demand: [2.5, 2], requested: [2.5, 2] },
      T1: { pressure: [3.1, 3], head: [103.1, 103], demand: [-4, -4], requested: [-4, -4] },
    },
    links: {
      P1: { flow: [12.5, 12], velocity: [0.8, 0.7] },
      PU1: { flow: [30, 0], velocity: [1, 0] },
    },
    pumps: { PU1: { power: [0, 0] } },
    tanks: { T1: { level: [3.1, 3] } },
    kpis: {
      minPressure: null,
      belowService: { thresholdM: 20, nodes: [] },
      unservedDemandM3: 0,
      tanks: [],
      energy: { totalKwh: 0, cost: null, currency: null, pumps: [] },
    },
    violations: [],
    stats: { hydraulicSteps: 2, simulatedS: 1 },
  });
  // an engine hiccup the schema would refuse on the wire
  parsed.pumps.PU1 = { power: [Number.NaN, 0] };
  return parsed;
}

describe('modelledValues', () => {
  it('takes every node, tank, link and pump value at the report index, rounded to 1e-4', () => {
    expect(modelledValues(result(), 0)).toEqual({
      J1: { pressure: 41.2346, head: 91.2, demand: 2.5 },
      T1: { pressure: 3.1, head: 103.1, demand: -4, level: 3.1 },
      P1: { flow: 12.5, velocity: 0.8 },
      PU1: { flow: 30, velocity: 1 },
    });
    expect(modelledValues(result(), 1).J1).toEqual({ pressure: 40, head: 90, demand: 2 });
  });

  it('leaves non-finite values out (the NaN pump power above)', () => {
    expect(modelledValues(result()).PU1).not.toHaveProperty('power');
  });
});

describe('residualsOf', () => {
  const values = modelledValues(result());

  it('gives measured − modelled for each fresh measured metric the model also gives', () => {
    const residuals = residualsOf(
      values,
      {
        J1: { pressure: { v: 43, ts: NOW - 1000 }, status: { v: 1, ts: NOW } },
        T1: { level: { v: 3, ts: NOW } },
        X9: { pressure: { v: 1, ts: NOW } },
      },
      fresh,
    );
    expect(Object.keys(residuals).sort()).toEqual(['J1', 'T1']);
    expect(residuals.J1).toEqual({
      pressure: { measured: 43, modelled: 41.2346, residual: 43 - 41.2346 },
    });
    expect(residuals.T1?.level?.residual).toBeCloseTo(-0.1, 9);
  });

  it('ignores measurements older than maxAgeMs', () => {
    const state = { J1: { pressure: { v: 43, ts: NOW - 120_001 } } };
    expect(residualsOf(values, state, fresh)).toEqual({});
    expect(hasFreshTelemetry(state, fresh)).toBe(false);
    expect(hasFreshTelemetry({ J1: { pressure: { v: 43, ts: NOW - 120_000 } } }, fresh)).toBe(true);
    expect(hasFreshTelemetry({}, fresh)).toBe(false);
  });
});
