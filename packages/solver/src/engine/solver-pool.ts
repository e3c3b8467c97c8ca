import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type LiveState, type Scenario } from '@twinhelm/contracts';
import { type CompactTarget } from '../ensemble/compact-member';
import { modelHash } from './local-engine';
import { type RunFailure } from './run-errors';
import {
  type JsonRunOutcome,
  type RunOutcome,
  type WorkerJob,
  type WorkerMessage,
} from './worker-protocol';

export interface PoolOptions {
  /** Worker threads; default the machine's available parallelism. */
  size?: number;
  /**
   * Young-generation size of each worker's heap, MB; default 64. A run's series and result are
   * short-lived garbage of a few tens of MB: room for them spares scavenges (C-Town 24 h at
   * 15 min runs 10-15% faster than with Node's default).
   */
  youngGenerationMb?: number;
}

export interface RunRequest {
  /** The .inp text; models are kept open in the workers by its sha-256. */
  inp: string;
  scenario: Scenario;
  /** Live state bound as initial and boundary conditions; none: the file's own. */
  state?: LiveState | null;
  /** Multiplies every pipe's roughness coefficient for this run (ensembles); default 1. */
  roughnessFactor?: number;
  /** Default 20,000 hydraulic steps. */
  maxSteps?: number;
  /** Wall-time budget of the run, ms; default 60 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Ensemble member: the worker writes the band series into this shared buffer and returns the
   * result without series (see runEnsemble), so large results never cross to this thread.
   */
  compact?: CompactTarget;
}

/** A run answered as JSON text (see SolverPool.runJson). */
export interface JsonRunRequest extends Omit<RunRequest, 'compact'> {
  /** Rounds every series to this many decimals in the JSON; default exact. */
  seriesDecimals?: number;
}

export interface SolverPool {
  readonly size: number;
  run(request: RunRequest): Promise<RunOutcome>;
  /**
   * The same run, answered as the whole result's JSON text made in the worker plus the result
   * without its series: the multi-MB result is never cloned into or stringified on this thread.
   */
  runJson(request: JsonRunRequest): Promise<JsonRunOutcome>;
  close(): Promise<void>;
}

/** How long past its budget a run may block before its worker is terminated and replaced. */
const HARD_STOP_GRACE_MS = 5_000;
const WORKER_URL = new URL('./solver-worker.mjs', import.meta.url);

interface Slot {
  worker: Worker;
  ready: boolean;
  busy: boolean;
  models: Set<string>;
}

type AnyOutcome = RunOutcome | JsonRunOutcome;

interface Pending {
  job: Omit<WorkerJob, 'jobId'>;
  signal?: AbortSignal;
  resolve: (outcome: AnyOutcome) => void;
}

/**
 * Worker threads running EPANET (epanet-js), each keeping models open by hash. A run goes to an
 * idle worker that already has its model, else to any idle worker, else waits. Budgets and
 * cancellation are checked at every hydraulic step inside the worker; a worker that blocks past
 * its budget is terminated and replaced. Engine failures come back as outcomes, never throws.
 */
export function createSolverPool(opts: PoolOptions = {}): SolverPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextJob = 1;
  let closed = false;

  const spawn = (at: number): void => {
    const slot: Slot = {
      worker: new Worker(WORKER_URL, {
        resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb ?? 64 },
      }),
      ready: false,
      busy: false,
      models: new Set(),
    };
    slots[at] = slot;
    slot.worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'ready') {
        slot.ready = true;
        dispatch();
      }
    });
    slot.worker.on('error', () => undefined);
  };
  for (let i = 0; i < size; i++) spawn(i);

  const dispatch = (): void => {
    while (queue.length > 0) {
      const idle = slots.filter((s) => s.ready && !s.busy);
      if (idle.length === 0) return;
      const next = queue[0];
      if (!next) return;
      const slot = idle.find((s) => s.models.has(next.job.hash)) ?? idle[0];
      if (!slot) return;
      queue.shift();
      start(slot, next);
    }
  };

  const start = (slot: Slot, pending: Pending): void => {
    const jobId = nextJob++;
    slot.busy = true;
    const flag = new Int32Array(pending.job.cancel);
    const onAbort = (): void => {
      Atomics.store(flag, 0, 1);
    };
    pending.signal?.addEventListener('abort', onAbort);
    const finish = (outcome: AnyOutcome): void => {
      clearTimeout(timer);
      pending.signal?.removeEventListener('abort', onAbort);
      slot.worker.off('message', onMessage);
      slot.worker.off('exit', onExit);
      slot.busy = false;
      pending.resolve(outcome);
      dispatch();
    };
    const onMessage = (m: WorkerMessage): void => {
      if (m.kind !== 'done' || m.jobId !== jobId) return;
      slot.models = new Set(m.openModels);
      finish(m.outcome);
    };
    const onExit = (code: number): void => {
      finish(failure('worker', `the solver worker exited (code ${code}) during the run`));
      if (!closed) spawn(slots.indexOf(slot));
    };
    const timer = setTimeout(() => {
      slot.worker.off('exit', onExit);
      void slot.worker.terminate();
      finish(
        failure(
          'budget',
          `the run blocked ${pending.job.timeoutMs + HARD_STOP_GRACE_MS} ms inside one EPANET call; its worker was replaced`,
        ),
      );
      if (!closed) spawn(slots.indexOf(slot));
    }, pending.job.timeoutMs + HARD_STOP_GRACE_MS);
    slot.worker.on('message', onMessage);
    slot.worker.on('exit', onExit);
    slot.worker.postMessage({ ...pending.job, jobId } satisfies WorkerJob);
  };

  const enqueue = (request: RunRequest, json?: { seriesDecimals?: number }): Promise<AnyOutcome> =>
    new Promise<AnyOutcome>((resolve) => {
      if (closed) return resolve(failure('worker', 'the solver pool is closed'));
      if (request.signal?.aborted === true) {
        return resolve(failure('cancelled', 'run cancelled before it started'));
      }
      const pending: Pending = {
        job: {
          hash: modelHash(request.inp),
          text: request.inp,
          scenario: request.scenario,
          state: request.state ?? null,
          roughnessFactor: request.roughnessFactor ?? 1,
          maxSteps: request.maxSteps ?? 20_000,
          timeoutMs: request.timeoutMs ?? 60_000,
          cancel: new SharedArrayBuffer(4),
          ...(request.compact ? { compact: request.compact } : {}),
          ...(json ? { json } : {}),
        },
        ...(request.signal ? { signal: request.signal } : {}),
        resolve,
      };
      request.signal?.addEventListener('abort', () => {
        const at = queue.indexOf(pending);
        if (at < 0) return;
        queue.splice(at, 1);
        resolve(failure('cancelled', 'run cancelled while waiting for a worker'));
      });
      queue.push(pending);
      dispatch();
    });

  return {
    size,
    run: async (request) => {
      const outcome = await enqueue(request);
      if (!outcome.ok || 'result' in outcome) return outcome;
      return failure('worker', 'the worker answered JSON to a run');
    },
    runJson: async ({ seriesDecimals, ...request }) => {
      const outcome = await enqueue(
        request,
        seriesDecimals === undefined ? {} : { seriesDecimals },
      );
      if (!outcome.ok || 'json' in outcome) return outcome;
      return failure('worker', 'the worker answered an object to a JSON run');
    },
    close: async () => {
      closed = true;
      for (const p of queue.splice(0)) p.resolve(failure('worker', 'the solver pool was closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

const failure = (
  kind: 'worker' | 'budget' | 'cancelled',
  message: string,
): { ok: false; failure: RunFailure } => ({
  ok: false,
  failure: { kind, message },
});
