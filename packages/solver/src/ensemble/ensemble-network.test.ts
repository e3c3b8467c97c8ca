import { NodeProperty } from 'epanet-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from '../engine/local-engine';
import { readNetwork } from '../engine/plain-run.fixture';
import { generateGridNetwork } from '../testing/generate-grid-network';
import { readEnsembleNetwork } from './ensemble-network';

let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine(1);
});

/** What EPANET itself says: the catalog's districts, each tank's initial level and limits. */
function fromEngine(text: string): ReturnType<typeof readEnsembleNetwork> {
  const model = engine.open(text);
  const tanks = new Map<string, { initLevelM: number; minLevelM: number; maxLevelM: number }>();
  for (const [id, limits] of model.catalog.tankLimits) {
    const i = model.nodeIndex.get(id) ?? 0;
    tanks.set(id, {
      initLevelM: model.project.getNodeValue(i, NodeProperty.TankLevel),
      ...limits,
    });
  }
  const inDma = new Set([...model.catalog.dmas.values()].flat());
  const outsideDmas = model.nodeIds.some((id, k) => {
    const demands = model.project.getNumberOfDemands(k + 1);
    return (
      model.catalog.nodes.get(id) === 'junction' &&
      !inDma.has(id) &&
      demands > 0 &&
      model.project.getBaseDemand(k + 1, 1) > 0
    );
  });
  const districtOf = new Map(
    [...model.catalog.dmas].flatMap(([dma, ids]) => ids.map((id): [string, string] => [id, dma])),
  );
  return { dmas: [...model.catalog.dmas.keys()].sort(), outsideDmas, districtOf, tanks };
}

const inputs: [string, () => string][] = [
  ...['Net1.inp', 'Net2.inp', 'Net3.inp', 'Anytown.inp', 'CTOWN.INP'].map(
    (name): [string, () => string] => [name, () => readNetwork(name)],
  ),
  [
    'a 20 x 20 grid',
    () => generateGridNetwork({ rows: 20, cols: 20, seed: 3, withCoordinates: false }),
  ],
  [
    'a file with [DEMANDS], a default pattern and junctions without patterns',
    () =>
      [
        '[JUNCTIONS]',
        'A 10 1.5',
        'B 10 2 Zone7_pat',
        'C 10 0 Zone8_pat',
        'D 10 1 Zone9_pat',
        '[RESERVOIRS]',
        'R 50',
        '[PIPES]',
        'P1 R A 100 200 100',
        'P2 A B 100 200 100',
        'P3 B C 100 200 100',
        'P4 C D 100 200 100',
        '[DEMANDS]',
        'D 3 North-pattern',
        'D 1 Zone9_pat',
        '[PATTERNS]',
        'base 1 1',
        'Zone7_pat 1',
        'Zone8_pat 1',
        'Zone9_pat 1',
        'North-pattern 1',
        '[OPTIONS]',
        'UNITS LPS',
        'PATTERN base',
        '[END]',
      ].join('\n'),
  ],
];

describe('readEnsembleNetwork', () => {
  it.each(inputs)('agrees with the engine on the districts and tanks of %s', (_, text) => {
    const mine = readEnsembleNetwork(text());
    const engines = fromEngine(text());
    expect(mine.dmas).toEqual(engines.dmas);
    expect(mine.outsideDmas).toBe(engines.outsideDmas);
    expect([...mine.tanks.keys()].sort()).toEqual([...engines.tanks.keys()].sort());
    for (const [id, tank] of engines.tanks) {
      const m = mine.tanks.get(id);
      expect(m?.initLevelM).toBeCloseTo(tank.initLevelM, 4);
      expect(m?.minLevelM).toBeCloseTo(tank.minLevelM, 4);
      expect(m?.maxLevelM).toBeCloseTo(tank.maxLevelM, 4);
    }
  });

  it('reads CRLF files and stops at [END]', () => {
    const text = [
      '[JUNCTIONS]',
      'A 10 1.5 North_pat',
      '[PATTERNS]',
      'North_pat 1',
      '[END]',
      '[JUNCTIONS]',
      'B 10 1 South_pat',
    ].join('\r\n');
    expect(readEnsembleNetwork(text).dmas).toEqual(['North']);
  });

  it('names C-Town districts after their patterns', () => {
    expect(readEnsembleNetwork(readNetwork('CTOWN.INP')).dmas).toEqual([
      'DMA1',
      'DMA2',
      'DMA3',
      'DMA4',
      'DMA5',
    ]);
  });
});
