import { type PlantSimulator } from '../plant-simulator';
import { SimulatorRequestError } from '../simulator-requests';
import { type WorkerReply, type WorkerRequest, type WorkerResults } from './worker-protocol';

/** One request from the caller's thread, answered with its result or the refusal. */
export function handleRequest(
  simulator: PlantSimulator | undefined,
  body: WorkerRequest,
): WorkerReply {
  if (simulator === undefined)
    return {
      ok: false,
      code: 'unavailable',
      message: 'the simulator is not running (it is starting or stopping)',
    };
  try {
    return { ok: true, result: run(simulator, body) };
  } catch (error) {
    if (error instanceof SimulatorRequestError)
      return { ok: false, code: error.code, message: error.message };
    return {
      ok: false,
      code: 'failed',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

function run(simulator: PlantSimulator, body: WorkerRequest): WorkerResults[keyof WorkerResults] {
  const { siteId, speedup } = simulator.options;
  const faults = (list: WorkerResults['list-faults']['faults']) => ({
    siteId,
    plantTimeS: simulator.plantTimeS,
    speedup,
    faults: list,
  });
  const hands = (settings: WorkerResults['list-hand-settings']['settings']) => ({
    siteId,
    plantTimeS: simulator.plantTimeS,
    settings,
  });
  switch (body.type) {
    case 'inject-fault':
      return faults(simulator.injectFault(body.request));
    case 'clear-fault':
      return faults(simulator.clearFault(body.assetId));
    case 'list-faults':
      return faults(simulator.activeFaults());
    case 'apply-actions':
      return hands(simulator.applyActions(body.actions));
    case 'list-hand-settings':
      return hands(simulator.handSettings());
  }
}
