import { ScenarioSchema } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate-scenario';

const catalog = {
  nodes: new Map([
    ['J1', 'junction'],
    ['J2', 'junction'],
    ['T1', 'tank'],
  ] as const),
  links: new Map([
    ['PU1', 'pump'],
    ['P1', 'pipe'],
  ] as const),
  tankLimits: new Map([['T1', { minLevelM: 0.5, maxLevelM: 6 }]]),
  dmas: new Map([['DMA1', ['J1', 'J2']]]),
  controlCount: 2,
  durationS: 86_400,
};
const messages = (input: unknown): string[] => {
  const r = ScenarioSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('ScenarioSchema and validateScenario', () => {
  it('accepts an empty list with the defaults', () => {
    expect(ScenarioSchema.parse({ perturbations: [] })).toEqual({
      servicePressureM: 20,
      seed: 0,
      perturbations: [],
    });
  });

  it('rejects a negative pump speed with a specific message', () => {
    expect(
      messages({
        perturbations: [{ type: 'pump-speed', assetId: 'PU1', speed: -1, startS: 0, endS: 60 }],
      }),
    ).toEqual(['pump speed: must be ≥ 0 (0 stops the pump)']);
  });

  it('rejects a valve-setting with both or neither of setting and status', () => {
    const p = { type: 'valve-setting', assetId: 'V1', startS: 0, endS: 60 };
    expect(messages({ perturbations: [p] })).toEqual([
      'valve-setting: give exactly one of setting or status',
    ]);
  });

  it('names unknown assets with the nearest ids, wrong kinds, and windows outside the horizon', () => {
    const scenario = ScenarioSchema.parse({
      horizonS: 7200,
      perturbations: [
        { type: 'fire-flow', assetId: 'J3', flowLps: 10, startS: 0, endS: 60 },
        { type: 'pump-speed', assetId: 'P1', speed: 0.8, startS: 0, endS: 60 },
        { type: 'asset-outage', assetId: 'P1', startS: 3600, endS: 9000 },
        {
          type: 'burst',
          assetId: 'J1',
          size: { kind: 'orifice', diameterMm: 50 },
          startS: 60,
          endS: 60,
        },
        { type: 'tank-level', assetId: 'T1', levelM: 9, startS: 0, endS: 60 },
        { type: 'control-disabled', controlIndex: 3, startS: 0, endS: 60 },
      ],
    });
    expect(validateScenario(scenario, catalog)).toEqual([
      'perturbations[0] (fire-flow): J3: unknown junction in this network (did you mean J1, J2?)',
      'perturbations[1] (pump-speed): P1 is a pipe, expected a pump',
      'perturbations[2] (asset-outage): window 3600-9000 s ends after the horizon (7200 s): shorten the window or set horizonS',
      'perturbations[3] (burst): window startS 60 s must be before endS 60 s',
      "perturbations[4] (tank-level): T1: level 9 m is above the tank's maximum 6 m",
      'perturbations[5] (control-disabled): control 3 does not exist: the network has 2 simple controls (1-based)',
    ]);
  });

  it('checks a demand multiplier DMA by name, with the nearest names, and not with junction ids too', () => {
    const scenario = ScenarioSchema.parse({
      perturbations: [
        { type: 'demand-multiplier', multiplier: 1.2, dma: 'DMA1', startS: 0, endS: 60 },
        { type: 'demand-multiplier', multiplier: 1.2, dma: 'DMA7', startS: 0, endS: 60 },
        {
          type: 'demand-multiplier',
          multiplier: 1.2,
          dma: 'DMA1',
          junctionIds: ['J1'],
          startS: 0,
          endS: 60,
        },
      ],
    });
    expect(validateScenario(scenario, catalog)).toEqual([
      'perturbations[1] (demand-multiplier): DMA7: unknown DMA in this network (did you mean DMA1?)',
      'perturbations[2] (demand-multiplier): give either dma or junctionIds, not both',
    ]);
    const noDistricts = { ...catalog, dmas: new Map<string, string[]>() };
    expect(validateScenario(scenario, noDistricts)[0]).toBe(
      'perturbations[0] (demand-multiplier): DMA1: unknown DMA: this network has no districts (junction demand patterns name them, e.g. DMA3_pat)',
    );
  });
});
