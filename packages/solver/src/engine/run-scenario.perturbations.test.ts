import { ScenarioSchema, type ScenarioInput } from '@twinhelm/contracts';
import {
  ControlType,
  CountType,
  DemandModel,
  LinkProperty,
  LinkType,
  NodeProperty,
  type Project,
} from 'epanet-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from './local-engine';
import { compareWithPlain, plainRun, readNetwork } from './plain-run.fixture';

/** Net1 is in GPM and psi: EPANET's own factors. */
const GPM_PER_LPS = 1 / 0.0630901964;
const M_PER_PSI = 0.3048 / 0.4333;
const M_PER_FT = 0.3048;
const pda = (p: Project): void => p.setDemandModel(DemandModel.PDA, 0, 20 / M_PER_PSI, 0.5);
const net1 = readNetwork('Net1.inp');
const JUNCTIONS = ['10', '11', '12', '13', '21', '22', '23', '31', '32'];

let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine();
});
const run = (scenario: ScenarioInput) =>
  engine.run(net1, ScenarioSchema.parse(scenario), { maxSteps: 10_000 });

describe('each perturbation equals the same edit made directly through the toolkit (Net1)', () => {
  it('pump outage: pump 9 stopped 2-6 h, its level controls suspended meanwhile', async () => {
    const pump = (p: Project) => p.getLinkIndex('9');
    const plain = await plainRun(net1, {
      before: pda,
      at: {
        7200: (p) => {
          p.setControlEnabled(1, 0);
          p.setControlEnabled(2, 0);
          p.setLinkValue(pump(p), LinkProperty.Status, 0);
        },
        21600: (p) => {
          p.setControlEnabled(1, 1);
          p.setControlEnabled(2, 1);
          p.setLinkValue(pump(p), LinkProperty.Setting, 1);
        },
      },
    });
    const result = run({
      perturbations: [{ type: 'asset-outage', assetId: '9', startS: 7200, endS: 21600 }],
    });
    expect(result.links['9']?.flow[3]).toBe(0);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('pipe closure: pipe 12 closed 4-10 h (timer controls)', async () => {
    const plain = await plainRun(net1, {
      before: (p) => {
        pda(p);
        const i = p.getLinkIndex('12');
        p.addControl(ControlType.Timer, i, 0, 0, 14_400);
        p.addControl(ControlType.Timer, i, 1, 0, 36_000);
      },
    });
    const result = run({
      perturbations: [{ type: 'asset-outage', assetId: '12', startS: 14_400, endS: 36_000 }],
    });
    expect(result.links['12']?.flow[5]).toBe(0);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('demand multiplier: every junction x1.5 from 6 to 12 h', async () => {
    const scale = (f: number) => (p: Project) => {
      for (const id of JUNCTIONS) {
        const i = p.getNodeIndex(id);
        p.setBaseDemand(i, 1, p.getBaseDemand(i, 1) * f);
      }
    };
    const plain = await plainRun(net1, { at: { 21_600: scale(1.5), 43_200: scale(1 / 1.5) } });
    const result = run({
      perturbations: [{ type: 'demand-multiplier', multiplier: 1.5, startS: 21_600, endS: 43_200 }],
    });
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('fire flow: 60 L/s at junction 32 from 2 to 4 h (a demand with its own pattern)', async () => {
    const plain = await plainRun(net1, {
      before: (p) => {
        pda(p);
        p.addPattern('FIRE');
        p.setPattern(p.getPatternIndex('FIRE'), [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        p.addDemand(p.getNodeIndex('32'), 60 * GPM_PER_LPS, 'FIRE', 'fire');
      },
    });
    const result = run({
      perturbations: [
        { type: 'fire-flow', assetId: '32', flowLps: 60, startS: 7200, endS: 14_400 },
      ],
    });
    expect(result.nodes['32']?.requested[2]).toBeGreaterThan(60);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('burst as an emitter: junction 22, 3 L/s per √m, from 1 to 20 h', async () => {
    const k = 3 * GPM_PER_LPS * Math.sqrt(M_PER_PSI);
    const plain = await plainRun(net1, {
      before: pda,
      at: {
        3600: (p) => p.setNodeValue(p.getNodeIndex('22'), NodeProperty.Emitter, k),
        72_000: (p) => p.setNodeValue(p.getNodeIndex('22'), NodeProperty.Emitter, 0),
      },
    });
    const result = run({
      perturbations: [
        {
          type: 'burst',
          assetId: '22',
          size: { kind: 'coefficient', lpsPerSqrtM: 3 },
          startS: 3600,
          endS: 72_000,
        },
      ],
    });
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('tank level: tank 2 held at 40 m from 2 to 6 h, then left to evolve from there', async () => {
    const tank = (p: Project) => p.getNodeIndex('2');
    const plain = await plainRun(net1, {
      each: (p, t) => {
        if (t >= 7200 && t < 21_600) p.setNodeValue(tank(p), NodeProperty.TankLevel, 40 / M_PER_FT);
      },
    });
    const result = run({
      perturbations: [{ type: 'tank-level', assetId: '2', levelM: 40, startS: 7200, endS: 21_600 }],
    });
    expect(result.tanks['2']?.level[2]).toBeCloseTo(40, 6);
    expect(result.tanks['2']?.level[5]).toBeCloseTo(40, 6);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('pump speed: pump 9 at 0.8 from 2 to 6 h, its level controls suspended meanwhile', async () => {
    const pump = (p: Project) => p.getLinkIndex('9');
    let before = { status: 1, setting: 1 };
    const plain = await plainRun(net1, {
      at: {
        7200: (p) => {
          before = {
            status: p.getLinkValue(pump(p), LinkProperty.Status),
            setting: p.getLinkValue(pump(p), LinkProperty.Setting),
          };
          p.setControlEnabled(1, 0);
          p.setControlEnabled(2, 0);
          p.setLinkValue(pump(p), LinkProperty.Setting, 0.8);
        },
        21_600: (p) => {
          p.setControlEnabled(1, 1);
          p.setControlEnabled(2, 1);
          if (before.status === 0) p.setLinkValue(pump(p), LinkProperty.Status, 0);
          else p.setLinkValue(pump(p), LinkProperty.Setting, before.setting);
        },
      },
    });
    const result = run({
      perturbations: [{ type: 'pump-speed', assetId: '9', speed: 0.8, startS: 7200, endS: 21_600 }],
    });
    const nominal = run({ perturbations: [] });
    expect(result.links['9']?.flow[3]).toBeLessThan((nominal.links['9']?.flow[3] ?? 0) - 1);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('control disabled: control 2 (pump 9 closed above 140 ft) suspended all day', async () => {
    const plain = await plainRun(net1, {
      at: { 0: (p) => p.setControlEnabled(2, 0), 86_400: (p) => p.setControlEnabled(2, 1) },
    });
    const result = run({
      perturbations: [{ type: 'control-disabled', controlIndex: 2, startS: 0, endS: 86_400 }],
    });
    const nominal = run({ perturbations: [] });
    const top = (levels: number[] = []) => Math.max(...levels);
    expect(top(result.tanks['2']?.level)).toBeGreaterThan(top(nominal.tanks['2']?.level) + 0.5);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('roughness factor: every pipe at 0.8 times its Hazen-Williams C for the run', async () => {
    const plain = await plainRun(net1, {
      before: (p) => {
        for (let i = 1; i <= p.getCount(CountType.LinkCount); i++) {
          if (p.getLinkType(i) !== LinkType.Pipe && p.getLinkType(i) !== LinkType.CVPipe) continue;
          p.setLinkValue(
            i,
            LinkProperty.Roughness,
            p.getLinkValue(i, LinkProperty.Roughness) * 0.8,
          );
        }
      },
    });
    const result = engine.run(
      net1,
      ScenarioSchema.parse({}),
      { maxSteps: 10_000 },
      {
        roughnessFactor: 0.8,
      },
    );
    const nominal = run({ perturbations: [] });
    expect(result.nodes['32']?.head[12]).toBeLessThan((nominal.nodes['32']?.head[12] ?? 0) - 0.1);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('leaves the open model as the file was: a plain run after perturbed runs still matches', async () => {
    const plain = await plainRun(net1);
    expect(compareWithPlain(plain, run({ perturbations: [] }))).toEqual([]);
  });
});
