import { ScenarioSchema, type ScenarioInput } from '@twinhelm/contracts';
import { ControlType, DemandModel, LinkProperty, NodeProperty, type Project } from 'epanet-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from './local-engine';
import { compareWithPlain, plainRun, readNetwork } from './plain-run.fixture';

/** Net1 is in GPM and psi: EPANET's own factors. */
const GPM_PER_LPS = 1 / 0.0630901964;
const M_PER_PSI = 0.3048 / 0.4333;
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

  it('leaves the open model as the file was: a plain run after perturbed runs still matches', async () => {
    const plain = await plainRun(net1);
    expect(compareWithPlain(plain, run({ perturbations: [] }))).toEqual([]);
  });
});
