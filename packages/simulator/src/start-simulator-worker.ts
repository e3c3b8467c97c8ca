import { Worker } from 'node:worker_threads';
import { type FaultEvent } from './fault-scheduler';
import { emptyPublisherStats } from './mqtt-publisher';
import { type SimulatorLogger } from './plant-simulator';
import { resolveSimulatorOptions } from './simulator-options';
import {
  type FromWorker,
  type SimulatorStats,
  type SimulatorWorkerOptions,
} from './worker/worker-protocol';

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
}

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

  const handle: SimulatorWorkerHandle = {
    async stop() {
      worker.postMessage({ type: 'stop' });
      const timeout = setTimeout(() => void worker.terminate(), (options.drainMs ?? 5000) + 5000);
      await exited;
      clearTimeout(timeout);
    },
    stats: () => latest,
    events: () => events,
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
