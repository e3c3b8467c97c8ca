import { type LiveState, type Scenario, type ScenarioResult } from '@twinhelm/contracts';
import { type CompactTarget } from '../ensemble/compact-member';
import { type RunFailure } from './run-errors';

export interface WorkerJob {
  jobId: number;
  hash: string;
  text: string;
  scenario: Scenario;
  state: LiveState | null;
  roughnessFactor: number;
  maxSteps: number;
  timeoutMs: number;
  /** Int32Array(1) over it: 1 = cancel. */
  cancel: SharedArrayBuffer;
  /** Ensemble member: band series go to this shared buffer, the result comes back without series. */
  compact?: CompactTarget;
  /** Answer with the result as JSON text made in the worker (JsonRunOutcome). */
  json?: { seriesDecimals?: number };
}

export type RunOutcome = { ok: true; result: ScenarioResult } | { ok: false; failure: RunFailure };

/** A result without its series (nodes, links, pumps, tanks, bands): a few KB. */
export type ResultSummary = Omit<ScenarioResult, 'nodes' | 'links' | 'pumps' | 'tanks' | 'bands'>;

/** The whole result as JSON text (`json`, made in the worker) and its summary as an object. */
export type JsonRunOutcome =
  { ok: true; json: string; summary: ResultSummary } | { ok: false; failure: RunFailure };

export type WorkerMessage =
  | { kind: 'ready'; engineVersion: string }
  | {
      kind: 'done';
      jobId: number;
      outcome: RunOutcome | JsonRunOutcome;
      openModels: string[];
    };
