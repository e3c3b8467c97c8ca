import { Worker } from 'node:worker_threads';
import { type EpanetCheck, interpretRun, type RawEngineRun } from './check-result';

export interface CheckOptions {
  /** Hard limit for the whole check (worker start, open, run). Default 30 s. */
  timeoutMs?: number;
  /** Most hydraulic steps the check runs. Default 20,000. */
  maxSteps?: number;
}

const WORKER_URL = new URL('./epanet-worker.mjs', import.meta.url);

/**
 * Opens the .inp text in EPANET (epanet-js) and runs the hydraulics within a step and time
 * budget, in a worker thread (EPANET calls block). A file EPANET cannot open or set up gives
 * errors; one that opens but does not solve cleanly gives warnings.
 */
export function checkWithEpanet(text: string, opts: CheckOptions = {}): Promise<EpanetCheck> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const budgetMs = Math.max(50, Math.floor(timeoutMs * 0.7));
  const worker = new Worker(WORKER_URL, {
    workerData: { text, budgetMs, maxSteps: opts.maxSteps ?? 20_000 },
  });
  return new Promise<EpanetCheck>((resolve) => {
    const finish = (check: EpanetCheck): void => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      resolve(check);
    };
    const failure = (message: string): EpanetCheck => ({
      ok: false,
      errors: [{ code: 0, message }],
      warnings: [],
      engineVersion: 'unknown (the engine did not report)',
    });
    const timer = setTimeout(() => {
      finish(
        failure(
          `EPANET did not finish checking the file within ${timeoutMs} ms: try a larger timeout or a smaller model`,
        ),
      );
    }, timeoutMs);
    worker.on('message', (run: RawEngineRun) => finish(interpretRun(text, run)));
    worker.on('error', (error) => finish(failure(`the EPANET worker failed: ${error.message}`)));
    worker.on('exit', (code) =>
      finish(failure(`the EPANET worker exited (code ${code}) before reporting`)),
    );
  });
}
