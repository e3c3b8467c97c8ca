import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NetworkModel } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { SupplyGraph } from '../grouping/supply-graph';
import { readInpGraph } from '../testing/read-inp-graph';
import { alarmAssetsFromNetwork } from './network-assets';
import { resolveSiteRules } from './resolve-rules';

const ctown = readInpGraph(
  readFileSync(
    fileURLToPath(new URL('../../../../data/networks/CTOWN.INP', import.meta.url)),
    'utf8',
  ),
);

describe('alarm assets from a network', () => {
  it('marks pump suction junctions, keeps tank ranges and applies the interval', () => {
    const assets = alarmAssetsFromNetwork(
      {
        nodes: [
          { id: 'R1', type: 'reservoir' },
          { id: 'J1', type: 'junction' },
          { id: 'J2', type: 'junction' },
          { id: 'T1', type: 'tank', minLevel: 1, maxLevel: 5 },
        ],
        links: [{ id: 'PU1', type: 'pump', from: 'J1' }],
      },
      (id) => (id === 'PU1' ? 5 : undefined),
    );
    expect(assets).toEqual([
      { id: 'R1', type: 'reservoir' },
      { id: 'J1', type: 'junction', pumpSuction: true },
      { id: 'J2', type: 'junction' },
      { id: 'T1', type: 'tank', minLevel: 1, maxLevel: 5 },
      { id: 'PU1', type: 'pump', expectedIntervalS: 5 },
    ]);
  });

  it('accepts a contracts NetworkModel, for rules and for grouping', () => {
    const model: NetworkModel = {
      title: 't',
      hash: 'h',
      sourceUnits: 'LPS',
      layout: 'file',
      times: { duration: 0, hydraulicStep: 3600, reportStep: 3600 },
      nodes: [
        { type: 'reservoir', id: 'R1', x: 0, y: 0, elevation: 50 },
        { type: 'junction', id: 'J1', x: 1, y: 0, elevation: 0, baseDemand: 1 },
        {
          type: 'tank',
          id: 'T1',
          x: 2,
          y: 0,
          elevation: 40,
          initLevel: 2,
          minLevel: 0,
          maxLevel: 4,
          diameter: 10,
        },
      ],
      links: [
        { type: 'pump', id: 'PU1', from: 'R1', to: 'J1', vertices: [] },
        {
          type: 'pipe',
          id: 'P1',
          from: 'J1',
          to: 'T1',
          vertices: [],
          length: 100,
          diameter: 0.3,
          roughness: 100,
        },
      ],
    };
    expect(alarmAssetsFromNetwork(model).map((a) => a.id)).toEqual(['R1', 'J1', 'T1', 'PU1', 'P1']);
    expect(new SupplyGraph(model).reach([0], new Set()).size).toBe(3);
  });

  it('gives every C-Town asset consistent default rules', () => {
    const result = resolveSiteRules(alarmAssetsFromNetwork(ctown, 1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.assets).toHaveLength(396 + 444);
    const ids = (assetId: string) =>
      result.assets.find((a) => a.assetId === assetId)?.rules.map((r) => r.id);
    // J285 feeds PU1: its pressure sits near 3 m by design (reservoir head 59 m, elevation 56 m).
    expect(ids('J285')).toEqual(['suction-pressure-low', 'stale']);
    expect(ids('J10')).toEqual(['pressure-low', 'pressure-low-low', 'pressure-residual', 'stale']);
    expect(ids('T1')).toContain('level-low-low');
    const rules = result.assets.reduce((n, a) => n + a.rules.length, 0);
    // 377 junctions × 4 + 11 suction junctions × 2 + 7 tanks × 6 + 1 reservoir + 11 pumps × 4
    // + 433 pipes and valves × 1 (stale).
    expect(rules).toBe(377 * 4 + 11 * 2 + 7 * 6 + 1 + 11 * 4 + 433);
  });
});
