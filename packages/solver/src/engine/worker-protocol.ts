import { type Scenario, type ScenarioResult } from '@twinhelm/contracts';
import { type RunFailure } from './run-errors';

export interface WorkerJob {
  jobId: number;
  hash: string;
  text: string;
  scenario: Scenario;
  maxSteps: number;
  timeoutMs: number;
  /** Int32Array(1) over it: 1 = cancel. */
  cancel: SharedArrayBuffer;
}

export type RunOutcome = { ok: true; result: ScenarioResult } | { ok: false; failure: RunFailure };

export type WorkerMessage =
  | { kind: 'ready'; engineVersion: string }
  | { kind: 'done'; jobId: number; outcome: RunOutcome; openModels: string[] };
