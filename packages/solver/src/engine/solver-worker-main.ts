import { parentPort } from 'node:worker_threads';
import { packMember } from '../ensemble/compact-member';
import { createLocalEngine } from './local-engine';
import { toResultJson } from './result-json';
import { toFailure } from './run-errors';
import {
  type JsonRunOutcome,
  type RunOutcome,
  type WorkerJob,
  type WorkerMessage,
} from './worker-protocol';

/** Worker body: one engine with models kept open by hash, one job at a time. */
const port = parentPort;
if (port === null) throw new Error('solver-worker-main must run in a worker thread');
const warnings: string[] = [];
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
};
const engine = await createLocalEngine();
const post = (message: WorkerMessage): void => port.postMessage(message);
port.on('message', (job: WorkerJob) => {
  const flag = new Int32Array(job.cancel);
  let outcome: RunOutcome | JsonRunOutcome;
  try {
    const result = engine.run(
      job.text,
      job.scenario,
      {
        maxSteps: job.maxSteps,
        deadlineMs: Date.now() + job.timeoutMs,
        isCancelled: () => Atomics.load(flag, 0) === 1,
      },
      { hash: job.hash, state: job.state, roughnessFactor: job.roughnessFactor },
    );
    if (job.json) outcome = { ok: true, ...toResultJson(result, job.json) };
    else outcome = { ok: true, result: job.compact ? packMember(result, job.compact) : result };
  } catch (error) {
    const failure = toFailure(error);
    if (failure.kind === 'engine') engine.forget(job.hash);
    outcome = { ok: false, failure };
  }
  post({ kind: 'done', jobId: job.jobId, outcome, openModels: engine.openHashes() });
});
post({ kind: 'ready', engineVersion: engine.engineVersion });
