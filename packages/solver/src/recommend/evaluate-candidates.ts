import {
  type LiveState,
  type Scenario,
  type ScenarioKpis,
  type ScenarioResult,
  type Violation,
} from '@twinhelm/contracts';
import { compactCells, type CompactTarget } from '../ensemble/compact-member';
import { type RunRequest, type SolverPool } from '../engine/solver-pool';
import { type RunOutcome } from '../engine/worker-protocol';
import { type Candidate } from './candidate';
import { type Ranked, scoreOf } from './rank-candidates';

/** What the ranking keeps of a run (the series are dropped as soon as the run returns). */
export interface RunSummary {
  kpis: ScenarioKpis;
  violations: Violation[];
}

/** A combination of candidate actions and how its run went. */
export interface Evaluation {
  candidates: Candidate[];
  key: string;
  /** Undefined when the run failed. */
  summary?: RunSummary;
  ranked?: Ranked;
}

/** The run a recommendation search makes, before its perturbations are chosen. */
export interface RunBase {
  pool: Pick<SolverPool, 'run'>;
  inp: string;
  scenario: Scenario;
  state?: LiveState;
  maxSteps?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Candidate runs: where their series go instead of crossing back (see seriesSink). */
  sink?: CompactTarget;
}

/**
 * A place for candidate runs to drop their series in the worker, so that only KPIs and
 * violations cross back to this thread (a C-Town day's full result takes 20-90 ms to
 * deserialize here). It borrows the ensemble's compact layout with one member slot that every
 * candidate overwrites and nobody reads. Shaped like the baseline, which all candidates share.
 */
export function seriesSink(baseline: ScenarioResult): CompactTarget {
  const layout = {
    members: 1,
    nodes: Object.keys(baseline.nodes).length,
    links: Object.keys(baseline.links).length,
    pumps: Object.keys(baseline.pumps).length,
    times: baseline.times.length,
  };
  const bytes = compactCells(layout) * Float32Array.BYTES_PER_ELEMENT;
  return { ...layout, member: 0, buffer: new SharedArrayBuffer(bytes) };
}

/** A canonical text of a combination: its actions' descriptions, sorted. */
export const keyOf = (candidates: readonly Candidate[]): string =>
  candidates
    .map((c) => c.action.description)
    .sort()
    .join(' + ');

/** The scenario with the actions' perturbations added after its own. */
export const scenarioWith = (scenario: Scenario, candidates: readonly Candidate[]): Scenario => ({
  ...scenario,
  perturbations: [...scenario.perturbations, ...candidates.flatMap((c) => c.action.perturbations)],
});

/** One run through the pool with the search's state, budgets, signal and series sink. */
export function runWith(base: RunBase, scenario: Scenario): Promise<RunOutcome> {
  const request: RunRequest = {
    inp: base.inp,
    scenario,
    ...(base.state ? { state: base.state } : {}),
    ...(base.maxSteps !== undefined ? { maxSteps: base.maxSteps } : {}),
    ...(base.timeoutMs !== undefined ? { timeoutMs: base.timeoutMs } : {}),
    ...(base.signal ? { signal: base.signal } : {}),
    ...(base.sink ? { compact: base.sink } : {}),
  };
  return base.pool.run(request);
}

/**
 * Runs every combination at once (the pool queues them), keeping KPIs and violations only.
 * Failed runs come back without a summary; `onSettled` is called as each run returns.
 */
export function evaluateAll(
  base: RunBase,
  combinations: readonly Candidate[][],
  onSettled: () => void,
): Promise<Evaluation[]> {
  return Promise.all(
    combinations.map(async (candidates) => {
      const outcome = await runWith(base, scenarioWith(base.scenario, candidates));
      onSettled();
      const key = keyOf(candidates);
      if (!outcome.ok) return { candidates, key };
      const summary = { kpis: outcome.result.kpis, violations: outcome.result.violations };
      return {
        candidates,
        key,
        summary,
        ranked: {
          score: scoreOf(summary.kpis, summary.violations),
          actionCount: candidates.length,
          key,
        },
      };
    }),
  );
}
