import { ScenarioSchema, type ScenarioInput } from '@twinhelm/contracts';
import { CountType, LinkProperty, NodeType, type Project, TimeParameter } from 'epanet-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from './local-engine';
import { compareWithPlain, plainRun, readNetwork } from './plain-run.fixture';

/** C-Town is in L/s and m: settings need no conversion. */
const ctown = readNetwork('CTOWN.INP');
const DAY = 86_400;
const oneDay = (p: Project): void => p.setTimeParameter(TimeParameter.Duration, DAY);
/** What an override does at its window's end: the link's status or setting from before it. */
const FIXED = 1e9;

let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine();
});
const run = (scenario: ScenarioInput) =>
  engine.run(ctown, ScenarioSchema.parse({ horizonS: DAY, ...scenario }), { maxSteps: 10_000 });

/**
 * Direct toolkit edits: the link's controls suspended and `apply` at startS; at endS the controls
 * back and the link's previous status or setting put back.
 */
function override(
  id: string,
  window: { startS: number; endS: number; controls?: number[] },
  apply: (p: Project, i: number) => void,
) {
  let before = { status: 1, setting: 1 };
  const controls = (p: Project, on: 0 | 1) => {
    for (const c of window.controls ?? []) p.setControlEnabled(c, on);
  };
  return {
    before: oneDay,
    at: {
      [window.startS]: (p: Project) => {
        const i = p.getLinkIndex(id);
        before = {
          status: p.getLinkValue(i, LinkProperty.Status),
          setting: p.getLinkValue(i, LinkProperty.Setting),
        };
        controls(p, 0);
        apply(p, i);
      },
      [window.endS]: (p: Project) => {
        const i = p.getLinkIndex(id);
        controls(p, 1);
        if (before.status === 0) p.setLinkValue(i, LinkProperty.Status, 0);
        else if (Math.abs(before.setting) >= FIXED) p.setLinkValue(i, LinkProperty.Status, 1);
        else p.setLinkValue(i, LinkProperty.Setting, before.setting);
      },
    },
  };
}

describe('valve-setting equals the same edit made directly through the toolkit (C-Town)', () => {
  it('a setting: PRV v1 at 25 m instead of 40 m from 2 to 8 h', async () => {
    const plain = await plainRun(
      ctown,
      override('v1', { startS: 7200, endS: 28_800 }, (p, i) =>
        p.setLinkValue(i, LinkProperty.Setting, 25),
      ),
    );
    const result = run({
      perturbations: [
        { type: 'valve-setting', assetId: 'v1', setting: 25, startS: 7200, endS: 28_800 },
      ],
    });
    const nominal = run({ perturbations: [] });
    const at4h = 16;
    const drop = (nominal.nodes['J88']?.head[at4h] ?? 0) - (result.nodes['J88']?.head[at4h] ?? 0);
    expect(drop).toBeGreaterThan(1);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });

  it('a status: FCV V2 (opened by its T2 controls, 5 and 6) closed from 2 to 8 h', async () => {
    const plain = await plainRun(
      ctown,
      override('V2', { startS: 7200, endS: 28_800, controls: [5, 6] }, (p, i) =>
        p.setLinkValue(i, LinkProperty.Status, 0),
      ),
    );
    const result = run({
      perturbations: [
        { type: 'valve-setting', assetId: 'V2', status: 'closed', startS: 7200, endS: 28_800 },
      ],
    });
    const nominal = run({ perturbations: [] });
    expect(Math.abs(nominal.links['V2']?.flow[16] ?? 0)).toBeGreaterThan(1);
    expect(result.links['V2']?.flow[16]).toBe(0);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });
});

describe('demand-multiplier per DMA equals the same edit made directly (C-Town)', () => {
  it('DMA3 (junctions with pattern DMA3_pat) x1.5 from 6 to 12 h', async () => {
    const dma3 = (p: Project): number[] => {
      const out: number[] = [];
      for (let i = 1; i <= p.getCount(CountType.NodeCount); i++) {
        if (p.getNodeType(i) !== NodeType.Junction || p.getNumberOfDemands(i) === 0) continue;
        const pattern = p.getDemandPattern(i, 1);
        if (pattern > 0 && p.getPatternId(pattern) === 'DMA3_pat' && p.getBaseDemand(i, 1) > 0) {
          out.push(i);
        }
      }
      return out;
    };
    const scale = (f: number) => (p: Project) => {
      for (const i of dma3(p)) p.setBaseDemand(i, 1, p.getBaseDemand(i, 1) * f);
    };
    const plain = await plainRun(ctown, {
      before: oneDay,
      at: { 21_600: scale(1.5), 43_200: scale(1 / 1.5) },
    });
    const result = run({
      perturbations: [
        { type: 'demand-multiplier', dma: 'DMA3', multiplier: 1.5, startS: 21_600, endS: 43_200 },
      ],
    });
    const nominal = run({ perturbations: [] });
    const total = (r: typeof result, k: number) =>
      Object.values(r.nodes).reduce((sum, n) => sum + Math.max(0, n.demand[k] ?? 0), 0);
    expect(total(result, 32)).toBeGreaterThan(total(nominal, 32) + 1);
    expect(total(result, 16)).toBeCloseTo(total(nominal, 16), 6);
    expect(compareWithPlain(plain, result)).toEqual([]);
  });
});
