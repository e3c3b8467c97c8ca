import type { NetworkModel, Scenario } from '@twinhelm/contracts';
import { ScenarioSchema } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { linkRenames, scenarioToEpanet } from './site-ids';

const model = {
  nodes: [{ type: 'junction', id: '10', x: 0, y: 0, elevation: 0, baseDemand: 0 }],
  links: [
    {
      type: 'pipe',
      id: 'pipe:10',
      from: '10',
      to: '10',
      vertices: [],
      length: 1,
      diameter: 1,
      roughness: 1,
    },
    {
      type: 'pipe',
      id: 'pipe:20',
      from: '10',
      to: '10',
      vertices: [],
      length: 1,
      diameter: 1,
      roughness: 1,
    },
  ],
} as unknown as NetworkModel;

describe('site ids ↔ EPANET ids', () => {
  it('maps renamed links (and only those) to their EPANET ids', () => {
    const renames = linkRenames(model);
    expect([...renames]).toEqual([['pipe:10', '10']]);
    const scenario: Scenario = ScenarioSchema.parse({
      perturbations: [
        { type: 'asset-outage', assetId: 'pipe:10', startS: 0, endS: 60 },
        { type: 'fire-flow', assetId: '10', flowLps: 5, startS: 0, endS: 60 },
      ],
    });
    expect(
      scenarioToEpanet(scenario, renames).perturbations.map((p) =>
        'assetId' in p ? p.assetId : '',
      ),
    ).toEqual(['10', '10']);
  });
});
