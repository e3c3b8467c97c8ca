import { ScenarioSchema } from '@twinhelm/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from './local-engine';
import { compareWithPlain, plainRun, readNetwork } from './plain-run.fixture';

let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine();
});

describe('runScenario without perturbations equals a plain EPANET run', () => {
  it.each(['Net1.inp', 'Net2.inp', 'Net3.inp', 'Anytown.inp', 'CTOWN.INP'])(
    '%s: heads and flows at every report time within WNTR tolerances',
    async (name) => {
      const text = readNetwork(name);
      const plain = await plainRun(text);
      const result = engine.run(text, ScenarioSchema.parse({ perturbations: [] }), {
        maxSteps: 100_000,
      });
      expect(result.times.length).toBeGreaterThan(1);
      expect(compareWithPlain(plain, result)).toEqual([]);
    },
  );
});
