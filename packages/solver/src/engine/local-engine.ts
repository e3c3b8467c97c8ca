import { createHash } from 'node:crypto';
import { type ScenarioResult, type Scenario } from '@twinhelm/contracts';
import { Project, Workspace } from 'epanet-js';
import { engineVersionOf, type OpenModel, openModel } from './open-model';
import { type RunBinding, type RunBudget, runScenario } from './run-scenario';

export const modelHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A run's binding, and the model's hash when the caller already knows it. */
export interface RunOptions extends RunBinding {
  hash?: string;
}

export interface LocalEngine {
  engineVersion: string;
  /** Opens the text, or returns the model already open under its hash. */
  open(text: string, hash?: string): OpenModel;
  run(text: string, scenario: Scenario, budget: RunBudget, options?: RunOptions): ScenarioResult;
  /** Closes a model (after a failure that may have left it in an unknown state). */
  forget(hash: string): void;
  openHashes(): string[];
}

/**
 * One epanet-js workspace with models kept open by hash (least recently used closed past
 * `maxModels`). Synchronous: call it from a worker thread or a command line, never from a
 * server's event loop.
 */
export async function createLocalEngine(maxModels = 8): Promise<LocalEngine> {
  const ws = new Workspace();
  await ws.loadModule();
  const engineVersion = engineVersionOf(ws);
  const models = new Map<string, OpenModel>();
  const forget = (hash: string): void => {
    const m = models.get(hash);
    models.delete(hash);
    try {
      m?.project.close();
    } catch {
      // a project that failed to open has nothing to release.
    }
  };
  const open = (text: string, known?: string): OpenModel => {
    const hash = known ?? modelHash(text);
    const cached = models.get(hash);
    if (cached) {
      models.delete(hash);
      models.set(hash, cached);
      return cached;
    }
    const project = new Project(ws);
    const model = openModel(ws, project, text, hash);
    models.set(hash, model);
    while (models.size > maxModels) forget(models.keys().next().value ?? '');
    return model;
  };
  return {
    engineVersion,
    open,
    forget,
    openHashes: () => [...models.keys()],
    run: (text, scenario, budget, { hash, ...binding } = {}) =>
      runScenario(open(text, hash), scenario, budget, engineVersion, binding),
  };
}
