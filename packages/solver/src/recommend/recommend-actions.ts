import {
  type LiveState,
  type Recommendation,
  type RecommendationSet,
  type Scenario,
} from '@twinhelm/contracts';
import { RunError } from '../engine/run-errors';
import { type SolverPool } from '../engine/solver-pool';
import { beamOf, beamSearch } from './beam-search';
import {
  type Evaluation,
  evaluateAll,
  type RunBase,
  runWith,
  seriesSink,
} from './evaluate-candidates';
import { assumptionsOf, commonAssumptions, titleOf, whyOf } from './explain';
import { actionWindow, generateCandidates } from './generate-candidates';
import { compareRanked, improvesOn, kpiDeltas, scoreOf } from './rank-candidates';
import { linkedSignal } from './linked-signal';
import { createSlicer } from './slicer';
import { topologyOf } from './topology';

export interface RecommendRequest {
  /** The network's .inp text. */
  inp: string;
  /** The what-if scenario whose violations the actions should remove. */
  scenario: Scenario;
  /** Live state bound as initial conditions (passed to every run). */
  state?: LiveState;
}

export interface RecommendOptions {
  signal?: AbortSignal;
  /** Runs finished so far and runs planned (the total grows when the beam step is planned). */
  onProgress?: (done: number, total: number) => void;
  /** Most single actions evaluated, nearest to the violations first; default 40. */
  maxCandidates?: number;
  /** Combinations kept per beam step; default 4. */
  beamWidth?: number;
  /** Most actions in one recommendation; default 2 (single actions and pairs). */
  maxActions?: number;
  /** Hydraulic-step budget of each run (the pool's default when absent). */
  maxSteps?: number;
  /** Wall-time budget of each run, ms (the pool's default when absent). */
  timeoutMs?: number;
  /** Clock for `elapsedMs`; default performance.now. */
  now?: () => number;
}

const MAX_RECOMMENDATIONS = 5;

/**
 * Recommended actions for a what-if scenario: runs the baseline, derives candidate actions
 * from the network's topology and the baseline (standby pumps, pump speeds, tank controls,
 * boundary valves, PRV/PSV settings, burst isolation by valve segments), evaluates them all in
 * parallel through the pool, then pairs of the best by beam search, and returns the best five
 * that beat doing nothing, ranked by (violations, unserved demand, energy).
 *
 * Deterministic for given inputs (except elapsedMs). Candidate runs that fail are counted in
 * candidatesFailed, never thrown. Throws RunError when the baseline itself does not run (the
 * scenario or file is invalid), and the signal's reason when cancelled. Main-thread work is cut
 * into slices of a few milliseconds.
 */
export async function recommendActions(
  pool: Pick<SolverPool, 'run'>,
  request: RecommendRequest,
  options: RecommendOptions = {},
): Promise<RecommendationSet> {
  options.signal?.throwIfAborted();
  const linked = linkedSignal(options.signal);
  try {
    return await search(pool, request, options, linked.signal);
  } finally {
    linked.dispose();
  }
}

async function search(
  pool: Pick<SolverPool, 'run'>,
  request: RecommendRequest,
  options: RecommendOptions,
  signal: AbortSignal,
): Promise<RecommendationSet> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const slicer = createSlicer();
  const scenario: Scenario = { ...request.scenario };
  delete scenario.ensemble;
  const base: RunBase = {
    pool,
    inp: request.inp,
    scenario,
    ...(request.state ? { state: request.state } : {}),
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    signal,
  };
  let done = 0;
  let total = 1;
  const settled = (): void => {
    done++;
    options.onProgress?.(done, total);
  };
  const topology = await topologyOf(request.inp, slicer.check);
  const outcome = await runWith(base, scenario);
  signal.throwIfAborted();
  settled();
  if (!outcome.ok) throw new RunError(outcome.failure);
  const baseline = { kpis: outcome.result.kpis, violations: outcome.result.violations };
  const summary = (evaluations: Evaluation[], note?: string): RecommendationSet => ({
    baseline,
    candidatesEvaluated: evaluations.length,
    candidatesFailed: evaluations.filter((e) => e.summary === undefined).length,
    elapsedMs: now() - started,
    recommendations: [],
    ...(note !== undefined ? { note } : {}),
  });
  if (baseline.violations.length === 0) {
    return summary(
      [],
      `The scenario has no violations (every junction at or above ${scenario.servicePressureM} m, no tank empty or overflowing): there is nothing to fix.`,
    );
  }
  const horizonS = scenario.horizonS ?? topology.model.times.duration;
  const window = actionWindow(scenario, outcome.result, horizonS);
  const candidates = generateCandidates(
    topology,
    scenario,
    outcome.result,
    window,
    options.maxCandidates ?? 40,
  );
  await slicer.check();
  if (candidates.length === 0) {
    return summary(
      [],
      'The network offers no candidate actions here (no pumps or valves the scenario leaves free to operate).',
    );
  }
  total += candidates.length;
  const baseScore = scoreOf(baseline.kpis, baseline.violations);
  const runs: RunBase = { ...base, sink: seriesSink(outcome.result) };
  const evaluations = await evaluateAll(
    runs,
    candidates.map((c) => [c]),
    settled,
  );
  signal.throwIfAborted();
  const combinations = await beamSearch(
    evaluations,
    baseScore,
    options.beamWidth ?? 4,
    options.maxActions ?? 2,
    async (level) => {
      await slicer.check();
      total += level.length;
      const evaluated = await evaluateAll(runs, level, settled);
      signal.throwIfAborted();
      return evaluated;
    },
  );
  evaluations.push(...combinations);
  await slicer.check();
  const ranked = beamOf(evaluations, baseScore, Infinity)
    .filter((e) => improvesOn(e.ranked.score, baseScore))
    .sort((a, b) => compareRanked(a.ranked, b.ranked))
    .slice(0, MAX_RECOMMENDATIONS);
  const common = commonAssumptions(scenario, window, request.state);
  const best = ranked[0]?.summary;
  const recommendations: Recommendation[] = ranked.map((e, i) => ({
    rank: i + 1,
    title: titleOf(e.candidates),
    actions: e.candidates.map((c) => c.action),
    kpis: e.summary.kpis,
    violations: e.summary.violations,
    deltas: kpiDeltas(e.summary, baseline),
    assumptions: assumptionsOf(common, e.candidates),
    why: whyOf(e.summary, baseline, best),
  }));
  const set = summary(evaluations, noteOf(evaluations, recommendations.length));
  return { ...set, recommendations };
}

function noteOf(evaluations: readonly Evaluation[], found: number): string | undefined {
  const failed = evaluations.filter((e) => e.summary === undefined).length;
  const failures =
    failed > 0
      ? ` ${failed} of ${evaluations.length} candidate runs failed and were left out.`
      : '';
  if (found === 0) {
    return `None of the ${evaluations.length} candidate actions and combinations does better than doing nothing (fewer violations, then less unserved demand, then less energy).${failures}`;
  }
  if (found < MAX_RECOMMENDATIONS) {
    return `Only ${found} of the ${evaluations.length} candidates do better than doing nothing.${failures}`;
  }
  return failures.length > 0 ? failures.trim() : undefined;
}
