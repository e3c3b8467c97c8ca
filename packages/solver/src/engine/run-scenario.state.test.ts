import {
  LiveStateSchema,
  type LiveStateInput,
  ScenarioSchema,
  type ScenarioInput,
} from '@twinhelm/contracts';
import {
  CountType,
  InitHydOption,
  LinkProperty,
  NodeProperty,
  NodeType,
  type Project,
  TimeParameter,
} from 'epanet-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from './local-engine';
import { compareWithPlain, plainRun, readNetwork } from './plain-run.fixture';
import { RunError } from './run-errors';

/** C-Town is in L/s and m: levels and settings need no conversion. */
const ctown = readNetwork('CTOWN.INP');
const DAY = 86_400;

let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine();
});
const noState = { takenAt: 0, timeOfDayS: 0, tanks: {}, pumps: {}, valves: {} };
const run = (state: Partial<LiveStateInput>, scenario: ScenarioInput = {}) =>
  engine.run(
    ctown,
    ScenarioSchema.parse({ horizonS: DAY, ...scenario }),
    { maxSteps: 10_000 },
    {
      state: LiveStateSchema.parse({ ...noState, ...state }),
    },
  );
/**
 * The same state set directly through the toolkit, before the hydraulics open; initial flows
 * from the initial statuses (C-Town's loose ACCURACY 0.01 lets the starting flows move heads by
 * up to 2 mm, and toolkit calls such as opening a pump leave their own starting flows).
 */
const direct = (edit: (p: Project) => void) =>
  plainRun(ctown, {
    init: InitHydOption.InitFlow,
    before: (p) => {
      p.setTimeParameter(TimeParameter.Duration, DAY);
      edit(p);
    },
  });
const link = (p: Project, id: string) => p.getLinkIndex(id);

describe('a bound live state equals the same initial conditions set directly (C-Town)', () => {
  it('initial tank levels: T1 at 5.5 m, T7 at 1.5 m', async () => {
    const plain = await direct((p) => {
      p.setNodeValue(p.getNodeIndex('T1'), NodeProperty.TankLevel, 5.5);
      p.setNodeValue(p.getNodeIndex('T7'), NodeProperty.TankLevel, 1.5);
    });
    const result = run({ tanks: { T1: { levelM: 5.5 }, T7: { levelM: 1.5 } } });
    expect(result.tanks['T1']?.level[0]).toBeCloseTo(5.5, 6);
    expect(result.tanks['T7']?.level[0]).toBeCloseTo(1.5, 6);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('pump initial status and speed: PU10 and PU9 on (PU9 at 0.9), PU2 off', async () => {
    const plain = await direct((p) => {
      p.setLinkValue(link(p, 'PU10'), LinkProperty.InitStatus, 1);
      p.setLinkValue(link(p, 'PU10'), LinkProperty.InitSetting, 1);
      p.setLinkValue(link(p, 'PU9'), LinkProperty.InitStatus, 1);
      p.setLinkValue(link(p, 'PU9'), LinkProperty.InitSetting, 0.9);
      p.setLinkValue(link(p, 'PU2'), LinkProperty.InitStatus, 0);
    });
    const result = run({
      pumps: { PU10: { on: true }, PU9: { on: true, speed: 0.9 }, PU2: { on: false } },
    });
    expect(result.links['PU10']?.flow[0]).toBeGreaterThan(1);
    expect(result.links['PU2']?.flow[0]).toBe(0);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('valve initial setting and status: PRV v1 at 25 m, FCV V2 (closed in the file) open, T2 at 2 m so that no control opens it anyway', async () => {
    const plain = await direct((p) => {
      p.setLinkValue(link(p, 'v1'), LinkProperty.InitSetting, 25);
      p.setLinkValue(link(p, 'V2'), LinkProperty.InitStatus, 1);
      p.setNodeValue(p.getNodeIndex('T2'), NodeProperty.TankLevel, 2);
    });
    const result = run({
      valves: { v1: { setting: 25 }, V2: { status: 'open' } },
      tanks: { T2: { levelM: 2 } },
    });
    const file = run({ tanks: { T2: { levelM: 2 } } });
    const j88 = (r: typeof file) => r.nodes['J88']?.head[0] ?? 0;
    expect(j88(file) - j88(result)).toBeGreaterThan(1);
    expect(file.links['V2']?.flow[0]).toBe(0);
    expect(result.links['V2']?.flow[0]).toBeGreaterThan(1);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('time of day: a run starting at 06:00 starts the demand patterns there', async () => {
    const plain = await direct((p) => {
      p.setTimeParameter(TimeParameter.PatternStart, 6 * 3600);
      p.setTimeParameter(TimeParameter.StartTime, 6 * 3600);
    });
    const result = run({ timeOfDayS: 6 * 3600 });
    const midnight = run({});
    expect(result.startClockS).toBe(6 * 3600);
    expect(midnight.startClockS).toBe(0);
    expect(result.nodes['J10']?.demand[0]).not.toBeCloseTo(midnight.nodes['J10']?.demand[0] ?? 0);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('time of day and clock-time controls: a control at 07:00 acts an hour into a run bound at 06:00', async () => {
    const text = ctown.replace('[CONTROLS]', '[CONTROLS]\nLINK PU9 OPEN AT CLOCKTIME 7:00');
    const plain = await plainRun(text, {
      init: InitHydOption.InitFlow,
      before: (p) => {
        p.setTimeParameter(TimeParameter.Duration, DAY);
        p.setTimeParameter(TimeParameter.PatternStart, 6 * 3600);
        p.setTimeParameter(TimeParameter.StartTime, 6 * 3600);
      },
    });
    const result = engine.run(
      text,
      ScenarioSchema.parse({ horizonS: DAY }),
      { maxSteps: 10_000 },
      {
        state: LiveStateSchema.parse({ ...noState, timeOfDayS: 6 * 3600 }),
      },
    );
    const quarter = 4;
    expect(result.links['PU9']?.flow[quarter - 1]).toBe(0);
    expect(result.links['PU9']?.flow[quarter]).toBeGreaterThan(1);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('time of day on a file that starts at 08:00 (Net2): patterns shift by the difference', async () => {
    const net2 = readNetwork('Net2.inp');
    const plain = await plainRun(net2, {
      init: InitHydOption.InitFlow,
      before: (p) => {
        p.setTimeParameter(TimeParameter.PatternStart, 2 * 3600);
        p.setTimeParameter(TimeParameter.StartTime, 10 * 3600);
      },
    });
    const at10 = engine.run(
      net2,
      ScenarioSchema.parse({}),
      { maxSteps: 10_000 },
      {
        state: LiveStateSchema.parse({ ...noState, timeOfDayS: 10 * 3600 }),
      },
    );
    expect(at10.startClockS).toBe(10 * 3600);
    expect(engine.run(net2, ScenarioSchema.parse({}), { maxSteps: 10_000 }).startClockS).toBe(
      8 * 3600,
    );
    expect(compareWithPlain(plain, at10)).toEqual([]);
  });

  it('demand multipliers: all junctions x0.9, DMA2 (pattern DMA2_pat) x1.3 on top', async () => {
    const dma2: number[] = [];
    const plain = await direct((p) => {
      for (let i = 1; i <= p.getCount(CountType.NodeCount); i++) {
        if (p.getNodeType(i) !== NodeType.Junction) continue;
        const pattern = p.getDemandPattern(i, 1);
        const inDma2 = pattern > 0 && p.getPatternId(pattern) === 'DMA2_pat';
        if (inDma2 && p.getBaseDemand(i, 1) > 0) dma2.push(i);
        for (let c = 1; c <= p.getNumberOfDemands(i); c++) {
          const base = p.getBaseDemand(i, c);
          p.setBaseDemand(i, c, base * 0.9 * (dma2.includes(i) ? 1.3 : 1));
        }
      }
    });
    const result = run({ demandMultipliers: { all: 0.9, dma: { DMA2: 1.3 } } });
    expect(dma2.length).toBeGreaterThan(10);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('records the bound state with the result, and leaves the open model as the file was', async () => {
    const model = engine.open(ctown);
    const { project } = model;
    const snapshot = () => ({
      links: model.linkIds.map((_, k) => [
        project.getLinkValue(k + 1, LinkProperty.InitStatus),
        project.getLinkValue(k + 1, LinkProperty.InitSetting),
      ]),
      nodes: model.nodeIds.map((_, k) => [
        project.getNodeValue(k + 1, NodeProperty.TankLevel),
        project.getNodeValue(k + 1, NodeProperty.BaseDemand),
      ]),
      times: [TimeParameter.StartTime, TimeParameter.PatternStart, TimeParameter.Duration].map(
        (t) => project.getTimeParameter(t),
      ),
    });
    const before = snapshot();
    const every = <T>(kind: string, value: (k: number) => T): Record<string, T> =>
      Object.fromEntries(
        model.linkIds
          .filter((id) => model.catalog.links.get(id) === kind)
          .map((id, k) => [id, value(k)]),
      );
    const states: Partial<LiveStateInput>[] = [
      { pumps: every('pump', (k) => ({ on: k % 2 === 0 })) },
      { pumps: every('pump', (k) => ({ on: k % 2 === 1, speed: 0.85 })) },
      { valves: every('valve', () => ({ status: 'open' as const })) },
      { valves: every('valve', () => ({ status: 'closed' as const })) },
      { valves: every('valve', (k) => ({ setting: 20 + k })) },
      { tanks: { T1: { levelM: 5.5 } }, timeOfDayS: 3600, demandMultipliers: { all: 1.2 } },
    ];
    for (const state of states) {
      const result = run(state);
      expect(result.state).toEqual(LiveStateSchema.parse({ ...noState, ...state }));
    }
    expect(snapshot()).toEqual(before);
    const plain = await direct(() => undefined);
    const result = engine.run(ctown, ScenarioSchema.parse({ horizonS: DAY }), {
      maxSteps: 10_000,
    });
    expect(result.state).toBeNull();
    expect(compareWithPlain(plain, result)).toEqual([]);
  });
});

describe('live-state validation', () => {
  const problems = (state: Partial<LiveStateInput>): string[] => {
    try {
      run(state);
    } catch (error) {
      if (error instanceof RunError && error.failure.kind === 'invalid') {
        return error.failure.problems ?? [];
      }
      throw error;
    }
    return [];
  };

  it('names unknown and mistyped assets with the nearest ids, and levels past the limits', () => {
    expect(
      problems({
        tanks: { T8: { levelM: 1 }, T1: { levelM: 7 }, PU1: { levelM: 1 } },
        pumps: { PU12: { on: true } },
        valves: { V46: { status: 'open' }, v1: {} },
      }),
    ).toEqual([
      'state.tanks.T8: T8: unknown tank in this network (did you mean T1, T2, T3?)',
      "state.tanks.T1: T1: level 7 m is above the tank's maximum 6.5 m",
      'state.tanks.PU1: PU1 is a pump, expected a tank',
      'state.pumps.PU12: PU12: unknown pump in this network (did you mean PU1, PU10, PU11?)',
      'state.valves.V46: V46: unknown valve in this network (did you mean V45, V47, V2?)',
      "state.valves.v1: v1: give a status ('open' or 'closed') or a setting",
    ]);
  });

  it('names an unknown DMA with the nearest names', () => {
    expect(problems({ demandMultipliers: { dma: { DMA9: 1.1 } } })).toEqual([
      'state.demandMultipliers.dma.DMA9: DMA9: unknown DMA in this network (did you mean DMA1, DMA2, DMA3?)',
    ]);
  });

  it('rejects a roughness factor that is not a positive number', () => {
    expect(() =>
      engine.run(
        ctown,
        ScenarioSchema.parse({ horizonS: DAY }),
        { maxSteps: 10 },
        {
          roughnessFactor: 0,
        },
      ),
    ).toThrow('roughnessFactor 0: must be a finite number > 0');
  });
});
