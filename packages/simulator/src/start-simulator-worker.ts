import { Worker } from 'node:worker_threads';
import { type SimulatorFaultsResponse } from '@twinhelm/contracts';
import { SimulatorRequestError } from './simulator-requests';
import { type FaultEvent } from './fault-scheduler';
import { emptyPublisherStats } from './mqtt-publisher';
import { type SimulatorLogger } from './plant-simulator';
import { resolveSimulatorOptions } from './simulator-options';
import {
  type FromWorker,
  type SimulatorStats,
  type SimulatorWorkerOptions,
  type HandSettingsResponse,
  type ToWorker,
  type WorkerReply,
  type WorkerRequest,
  type WorkerResults,
} from './worker/worker-protocol';
import { type PlantAction } from './plant-actions';

export interface StartSimulatorWorkerOptions extends SimulatorWorkerOptions {
  /** Receives the worker's log lines (fault starts and ends, publish failures). */
  logger?: SimulatorLogger & { error?(message: string, fields?: Record<string, unknown>): void };
  onFault?: (event: FaultEvent) => void;
}

export interface SimulatorWorkerHandle {
  /** Stops ticking, waits for queued messages to be acknowledged (drainMs), ends the worker. */
  stop(): Promise<void>;
  /** The latest counters reported by the worker (updated every tick). */
  stats(): SimulatorStats;
  /** Fault starts and ends so far, oldest first. */
  events(): readonly FaultEvent[];
  /**
   * Trips one pump or several now (`{ kind: 'pump_trip', assetId | assetIds, durationS? }`,
   * plant seconds; until cleared without durationS). Rejects with a SimulatorRequestError: invalid,
   * unknown_asset (naming the nearest pump ids; nothing is tripped), unavailable.
   */
  injectFault(request: unknown): Promise<SimulatorFaultsResponse>;
  /** Ends the asset's fault now; rejects with SimulatorRequestError no_fault when it has none. */
  clearFault(assetId: string): Promise<SimulatorFaultsResponse>;
  /** The faults in force (scheduled and injected), oldest first. */
  faults(): Promise<SimulatorFaultsResponse>;
  /**
   * Carries out operator actions (PlantAction: pump-speed, valve-setting, automatic), each
   * pump or valve held by hand; all refused (SimulatorRequestError) if one is invalid.
   */
  applyActions(actions: readonly PlantAction[]): Promise<HandSettingsResponse>;
  /** The pumps and valves held by hand now. */
  handSettings(): Promise<HandSettingsResponse>;
}

/** How long a fault request waits for the worker's answer (it answers between ticks). */
const REQUEST_TIMEOUT_MS = 10_000;

const emptyStats: SimulatorStats = {
  running: false,
  ticks: 0,
  messages: 0,
  plantTimeS: 0,
  faultEvents: 0,
  engineWarnings: 0,
  publisher: emptyPublisherStats(),
};

/**
 * Runs a PlantSimulator in a worker thread (EPANET is synchronous and must not block the
 * caller's event loop) that publishes with mqtt.js. Resolves once the network is loaded and the
 * first tick is under way; rejects with the worker's reason if it cannot start.
 */
export function startSimulatorWorker(
  options: StartSimulatorWorkerOptions,
): Promise<SimulatorWorkerHandle> {
  const { logger, onFault, ...workerOptions } = options;
  resolveSimulatorOptions(workerOptions);
  const worker = new Worker(new URL('./worker/bootstrap.mjs', import.meta.url), {
    workerData: { options: workerOptions },
    execArgv: [],
  });
  let latest = emptyStats;
  const events: FaultEvent[] = [];
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const pending = new Map<number, (reply: WorkerReply) => void>();
  let nextId = 1;
  let gone = false;
  void exited.then(() => {
    gone = true;
    for (const answer of pending.values())
      answer({ ok: false, code: 'unavailable', message: 'the simulator has stopped' });
  });

  const request = <R extends WorkerRequest>(body: R): Promise<WorkerResults[R['type']]> =>
    new Promise((resolve, reject) => {
      if (gone) {
        reject(new SimulatorRequestError('unavailable', 'the simulator has stopped'));
        return;
      }
      const id = nextId++;
      const timer = setTimeout(
        () =>
          pending.get(id)?.({
            ok: false,
            code: 'unavailable',
            message: `the simulator did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
          }),
        REQUEST_TIMEOUT_MS,
      );
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        // the worker answers each request type with that type's result (handle-request.ts)
        if (reply.ok) resolve(reply.result as WorkerResults[R['type']]);
        else reject(new SimulatorRequestError(reply.code, reply.message));
      });
      worker.postMessage({ type: 'request', id, body } satisfies ToWorker);
    });

  const handle: SimulatorWorkerHandle = {
    async stop() {
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      const timeout = setTimeout(() => void worker.terminate(), (options.drainMs ?? 5000) + 5000);
      await exited;
      clearTimeout(timeout);
    },
    stats: () => latest,
    events: () => events,
    injectFault: (faultRequest) => request({ type: 'inject-fault', request: faultRequest }),
    clearFault: (assetId) => request({ type: 'clear-fault', assetId }),
    faults: () => request({ type: 'list-faults' }),
    applyActions: (actions) => request({ type: 'apply-actions', actions }),
    handSettings: () => request({ type: 'list-hand-settings' }),
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(handle);
          break;
        case 'stats':
        case 'stopped':
          latest = message.stats;
          break;
        case 'fault':
          events.push(message.event);
          onFault?.(message.event);
          break;
        case 'reply':
          pending.get(message.id)?.(message.reply);
          break;
        case 'log':
          if (message.level === 'error')
            (logger?.error ?? logger?.warn)?.call(logger, message.message, message.fields);
          else logger?.[message.level](message.message, message.fields);
          break;
        case 'failed':
          reject(
            new Error(`simulator for site ${options.siteId} could not start: ${message.message}`),
          );
          break;
      }
    });
    worker.once('error', (error) =>
      reject(new Error(`simulator worker for site ${options.siteId} crashed: ${error.message}`)),
    );
    void exited.then(() =>
      reject(new Error(`simulator worker for site ${options.siteId} exited before it was ready`)),
    );
  });
}
