import { describe, expect, it } from 'vitest';
import { createLocalEngine, parseInp, validateScenario } from '@twinhelm/solver';
import { ScenarioSchema } from '@twinhelm/contracts';
import { CTOWN } from './testing/ctown';
import { catalogOf } from './model-catalog';

describe('catalogOf (stored C-Town model and .inp text)', () => {
  const parsed = parseInp(CTOWN);
  if (!parsed.ok) throw new Error('C-Town does not parse');
  const catalog = catalogOf(parsed.model, CTOWN);

  it('has the ids, kinds, tank limits, controls and districts the engine sees', () => {
    expect(catalog.nodes.size).toBe(396);
    expect(catalog.links.get('PU1')).toBe('pump');
    expect(catalog.tankLimits.get('T1')).toEqual({ minLevelM: 0, maxLevelM: 6.5 });
    expect(catalog.controlCount).toBeGreaterThan(10);
    expect([...catalog.dmas.keys()].sort()).toEqual(['DMA1', 'DMA2', 'DMA3', 'DMA4', 'DMA5']);
    expect(catalog.durationS).toBe(7 * 86_400);
  });

  it('agrees with the catalog EPANET builds when it opens the file', async () => {
    const engine = (await createLocalEngine()).open(CTOWN).catalog;
    expect(catalog.nodes).toEqual(engine.nodes);
    expect(catalog.links).toEqual(engine.links);
    expect(catalog.dmas).toEqual(engine.dmas);
    expect(catalog.controlCount).toBe(engine.controlCount);
    expect(catalog.durationS).toBe(engine.durationS);
    for (const [id, limits] of engine.tankLimits) {
      expect(catalog.tankLimits.get(id)?.maxLevelM).toBeCloseTo(limits.maxLevelM, 6);
    }
  });

  it('lets validateScenario name unknown districts with the nearest ones', () => {
    const scenario = ScenarioSchema.parse({
      perturbations: [
        { type: 'demand-multiplier', dma: 'DMA6', multiplier: 1.2, startS: 0, endS: 60 },
      ],
    });
    expect(validateScenario(scenario, catalog)[0]).toMatch(
      /DMA6: unknown DMA in this network \(did you mean/,
    );
  });
});
