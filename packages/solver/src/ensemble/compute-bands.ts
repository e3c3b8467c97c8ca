import { Worker } from 'node:worker_threads';
import { type Band } from '@twinhelm/contracts';
import { BAND_QUANTILES, type BandJob } from './band-quantiles.mjs';

const WORKER_URL = new URL('./band-worker.mjs', import.meta.url);
/** Longest stretch of work on the caller's thread between two yields to its event loop, ms. */
const SLICE_MS = 8;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * P5/P50/P95 per row and report time over the members listed in `memberIndices`, from the
 * shared [row][time][member] Float32 layout (see CompactTarget). The percentiles are computed in
 * `threads` worker threads (plain ESM, started for the job), each on a range of rows; the
 * caller's thread only turns the shared output into Bands, in slices of about 8 ms separated by
 * setImmediate, so a server's event loop keeps answering. Returns one Band per row, or
 * undefined when `signal` aborts (the workers are terminated). Rejects when a worker fails.
 */
export async function computeBands(args: {
  data: SharedArrayBuffer;
  members: number;
  memberIndices: readonly number[];
  rows: number;
  times: number;
  threads: number;
  signal?: AbortSignal;
}): Promise<Band[] | undefined> {
  const { rows, times, signal } = args;
  const q = BAND_QUANTILES.length;
  const out = new SharedArrayBuffer(Math.max(1, rows * times * q) * Float64Array.BYTES_PER_ELEMENT);
  const threads = Math.max(1, Math.min(Math.floor(args.threads), rows));
  const per = Math.ceil(rows / threads);
  const jobs: BandJob[] = Array.from({ length: threads }, (_, i) => ({
    data: args.data,
    members: args.members,
    memberIndices: [...args.memberIndices],
    times,
    fromRow: i * per,
    toRow: Math.min(rows, (i + 1) * per),
    out,
  })).filter((job) => job.fromRow < job.toRow);
  if (!(await runWorkers(jobs, signal))) return undefined;
  const values = new Float64Array(out);
  const bands: Band[] = [];
  let row = 0;
  while (row < rows) {
    if (signal?.aborted === true) return undefined;
    const until = performance.now() + SLICE_MS;
    do {
      const band: Band = { p5: [], p50: [], p95: [] };
      for (let t = 0, at = row * times * q; t < times; t++, at += q) {
        band.p5.push(values[at] ?? NaN);
        band.p50.push(values[at + 1] ?? NaN);
        band.p95.push(values[at + 2] ?? NaN);
      }
      bands.push(band);
      row++;
    } while (row < rows && performance.now() < until);
    if (row < rows) await yieldToEventLoop();
  }
  return bands;
}

/** Runs one band worker per job; false when aborted (all terminated). */
function runWorkers(jobs: readonly BandJob[], signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted === true) return Promise.resolve(false);
  const workers = jobs.map((job) => new Worker(WORKER_URL, { workerData: job }));
  const stopAll = (): void => {
    for (const w of workers) void w.terminate();
  };
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => {
          reject(new Error(`a band worker exited (code ${code}) before finishing`));
        });
      }),
  );
  return new Promise<boolean>((resolve, reject) => {
    const onAbort = (): void => {
      stopAll();
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    Promise.all(finished).then(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        stopAll();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
