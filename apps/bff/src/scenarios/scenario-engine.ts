import type { LiveState, RecommendationSet, Scenario, ScenarioResult } from '@twinhelm/contracts';
import type { RunFailure } from '@twinhelm/solver';

/** One what-if run as the runner hands it to the engine: EPANET ids throughout (site-ids.ts). */
export interface EngineJob {
  inp: string;
  scenario: Scenario;
  state: LiveState | null;
  /** Search ranked mitigating actions when the run has violations. */
  recommend: boolean;
  /**
   * Answer a one-run scenario as ResultText with series rounded to this many decimals (the
   * JSON is made off the event loop); ensembles, and jobs without it, answer a ScenarioResult.
   */
  resultText?: { seriesDecimals: number };
}

/** A result without its series (nodes, links, pumps, tanks, bands): a few KB. */
export type ResultSummary = Omit<ScenarioResult, 'nodes' | 'links' | 'pumps' | 'tanks' | 'bands'>;

/** A whole result as JSON text made by the engine's worker, and its summary as an object. */
export interface ResultText {
  json: string;
  summary: ResultSummary;
}

export interface EngineProgress {
  /** 0..1 over the whole job (ensemble members, then candidates). */
  progress: number;
  phase: string;
}

export type EngineOutcome =
  | {
      ok: true;
      result: ScenarioResult | ResultText;
      recommendations: RecommendationSet | null;
    }
  | { ok: false; failure: RunFailure };

/** Runs what-ifs off the event loop (the solver's worker pool in production). */
export interface ScenarioEngine {
  run(
    job: EngineJob,
    options: { signal: AbortSignal; onProgress: (progress: EngineProgress) => void },
  ): Promise<EngineOutcome>;
}
