import { LiveStateSchema, type LiveStateInput } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { type ModelCatalog } from '../scenario/model-catalog';
import { validateLiveState } from './validate-live-state';

const catalog: ModelCatalog = {
  nodes: new Map([
    ['J1', 'junction'],
    ['J2', 'junction'],
    ['T1', 'tank'],
    ['T2', 'tank'],
    ['R1', 'reservoir'],
  ]),
  links: new Map([
    ['PU1', 'pump'],
    ['PU2', 'pump'],
    ['V1', 'valve'],
    ['P1', 'pipe'],
  ]),
  tankLimits: new Map([
    ['T1', { minLevelM: 0.5, maxLevelM: 6.000000000000002 }],
    ['T2', { minLevelM: 1, maxLevelM: 4 }],
  ]),
  dmas: new Map([
    ['North', ['J1']],
    ['South', ['J2']],
  ]),
  controlCount: 0,
  durationS: 86_400,
};
const check = (state: Partial<LiveStateInput>) =>
  validateLiveState(
    LiveStateSchema.parse({
      takenAt: 0,
      timeOfDayS: 0,
      tanks: {},
      pumps: {},
      valves: {},
      ...state,
    }),
    catalog,
  );

describe('validateLiveState', () => {
  it('accepts a state that fits the network, levels at the limits included', () => {
    expect(
      check({
        tanks: { T1: { levelM: 6 }, T2: { levelM: 1 } },
        pumps: { PU1: { on: true, speed: 0.9 }, PU2: { on: false } },
        valves: { V1: { setting: 30 } },
        demandMultipliers: { all: 1.1, dma: { North: 0.9 } },
      }),
    ).toEqual([]);
  });

  it('names each problem with its input, the nearest ids of the right kind, and the limits', () => {
    expect(
      check({
        tanks: { T3: { levelM: 1 }, T2: { levelM: 0.2 }, J1: { levelM: 1 } },
        pumps: { PU3: { on: true }, P1: { on: true } },
        valves: { V1: {} },
        demandMultipliers: { dma: { Nort: 1.1 } },
      }),
    ).toEqual([
      'state.tanks.T3: T3: unknown tank in this network (did you mean T1, T2?)',
      "state.tanks.T2: T2: level 0.2 m is below the tank's minimum 1 m",
      'state.tanks.J1: J1 is a junction, expected a tank',
      'state.pumps.PU3: PU3: unknown pump in this network (did you mean PU1, PU2?)',
      'state.pumps.P1: P1 is a pipe, expected a pump',
      "state.valves.V1: V1: give a status ('open' or 'closed') or a setting",
      'state.demandMultipliers.dma.Nort: Nort: unknown DMA in this network (did you mean North?)',
    ]);
  });
});
