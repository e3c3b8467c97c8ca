import { ScenarioSchema, type ScenarioKpis, type Violation } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { commonAssumptions, whyOf } from './explain';
import { createSlicer } from './slicer';

const outcome = (o: { violations: Violation[]; unserved: number; kwh: number; minP: number }) => ({
  kpis: {
    minPressure: { valueM: o.minP, nodeId: 'J1', timeS: 0 },
    belowService: { thresholdM: 20, nodes: [] },
    unservedDemandM3: o.unserved,
    tanks: [],
    energy: { totalKwh: o.kwh, cost: null, currency: null, pumps: [] },
  } satisfies ScenarioKpis,
  violations: o.violations,
});
const v = (kind: Violation['kind'], assetId: string): Violation => ({
  kind,
  assetId,
  startS: 0,
  endS: 60,
  worst: 0,
});

describe('whyOf', () => {
  const baseline = outcome({
    violations: [v('tank-empty', 'T1'), v('low-pressure', 'J1'), v('low-pressure', 'J2')],
    unserved: 507.1,
    kwh: 3383,
    minP: -17.4,
  });
  const best = outcome({ violations: [], unserved: 0, kwh: 4000, minP: 25 });
  const second = outcome({
    violations: [v('low-pressure', 'J2')],
    unserved: 31.1,
    kwh: 3300,
    minP: 3,
  });

  it('says what the numbers say, for the first recommendation', () => {
    expect(whyOf(best, baseline, best)).toBe(
      'Cuts violations from 3 to 0 (T1 no longer runs empty), unserved demand from 507.1 m³ to 0 m³ and the lowest pressure from -17.4 m to 25.0 m, for 617 kWh more pump energy.',
    );
  });

  it('adds what the first does better below rank 1', () => {
    expect(whyOf(second, baseline, best)).toBe(
      'Cuts violations from 3 to 1 (T1 no longer runs empty), unserved demand from 507.1 m³ to 31.1 m³ and the lowest pressure from -17.4 m to 3.0 m, while saving 83 kWh of pump energy. It leaves 1 more violation than the first recommendation.',
    );
  });
});

describe('commonAssumptions', () => {
  it('names the window, the demand model and the ensemble left out', () => {
    const scenario = ScenarioSchema.parse({
      ensemble: { members: 20 },
      perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 3600, endS: 7200 }],
    });
    expect(commonAssumptions(scenario, { startS: 3600, endS: 86_400 }, undefined)).toEqual([
      "Unless stated otherwise, actions take effect at 1 h and hold until the horizon (24 h); the scenario's own perturbations stay as given.",
      'Pump curves, pipe roughness and controls as in the model.',
      "Demands follow the model's patterns; initial tank levels and states as in the file.",
      'Demand is pressure-driven (EPANET PDA): full at 20 m and above, none at 0 m.',
      'Evaluated on one deterministic run (ensemble member 0), not on the ensemble.',
    ]);
  });
});

describe('createSlicer', () => {
  it('resolves at once inside a slice and yields one event-loop turn after it', async () => {
    let clock = 0;
    const slicer = createSlicer(8, () => clock);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    await slicer.check();
    order.push('within slice');
    clock = 9;
    await slicer.check();
    order.push('after yield');
    expect(order).toEqual(['within slice', 'other work', 'after yield']);
  });
});
