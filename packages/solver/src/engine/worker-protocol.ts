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
}

export type RunOutcome = { ok: true; result: ScenarioResult } | { ok: false; failure: RunFailure };

export type WorkerMessage =
  | { kind: 'ready'; engineVersion: string }
  | { kind: 'done'; jobId: number; outcome: RunOutcome; openModels: string[] };
