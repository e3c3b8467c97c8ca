import type { LiveState, Nowcast, Scenario, ScenarioResult, TwinState } from '@twinhelm/contracts';
import type { AlarmSample } from '@twinhelm/alarms';
import type { SqlQuery } from '../db/sql';
import type { Logger } from '../log';
import type { TwinStatePort } from '../ports/twin-state-port';

/** The part of @twinhelm/solver's SolverPool the nowcast uses. */
export interface NowcastSolver {
  run(request: {
    inp: string;
    scenario: Scenario;
    state?: LiveState;
    maxSteps?: number;
    timeoutMs?: number;
  }): Promise<{ ok: true; result: ScenarioResult } | { ok: false; failure: { message: string } }>;
}

/** Turns a site's measured state into the run's initial conditions (the solver's live-state binding). */
export type BindLiveState = (input: {
  siteId: string;
  /** The active network's hash: asset catalogues can be cached by it. */
  hash: string;
  state: TwinState;
  nowMs: number;
  utcOffsetMin: number;
  /** Older measurements are not bound. */
  maxAgeMs: number;
}) => LiveState | Promise<LiveState>;

export interface NowcastOptions {
  solver: NowcastSolver;
  twin: TwinStatePort;
  sql: SqlQuery;
  /** Default: createLiveStateBinder(sql) (the solver's liveStateFromTwin over the site's assets). */
  bindState?: BindLiveState;
  /** Called with every new nowcast (the lead wires it to the site's socket room). */
  emit: (siteId: string, nowcast: Nowcast) => void;
  /**
   * Called after every nowcast with alarm samples: the modelled value of every metric the twin
   * measures (source 'model', for residual rules) and, after each forward run, every tank's
   * `time_to_empty_h` (source 'prediction', for prediction rules), all at the nowcast's time.
   */
  onSamples?: (siteId: string, samples: AlarmSample[]) => void;
  /** Between forward runs (tank time to empty) of a site; 0 or absent: none. */
  predictionIntervalMs?: number;
  /** How far the forward runs look ahead, h (default 8). */
  predictionHorizonH?: number;
  /** Between runs of a site; 0 turns the timer off (runOnce still works). */
  intervalMs: number;
  /** The first run, after start (default min(intervalMs, 10 s)). */
  firstRunMs?: number;
  utcOffsetMin: number;
  /** A measurement older than this is neither a residual nor a reason to run (default 2 × interval, ≥ 2 min). */
  maxSampleAgeMs?: number;
  maxSteps: number;
  timeoutMs: number;
  /** Residuals older than this are deleted, at most once an hour (0 keeps them all). */
  residualRetentionMs?: number;
  clock: () => number;
  log: Logger;
}

/** What the last attempt of a site did: for the 404 message and the health of the loop. */
export type NowcastAttempt =
  | { at: number; outcome: 'ok'; elapsedMs: number }
  | { at: number; outcome: 'skipped' | 'failed'; reason: string };

/** The forward runs (tank time to empty): done, and failed (logged, never thrown). */
export interface PredictorStats {
  predictions: number;
  predictionFailures: number;
}

export interface NowcastStats extends PredictorStats {
  runs: number;
  failures: number;
  skipped: number;
  /** Runs whose residuals could not be stored (their nowcast was still kept and sent). */
  unstored: number;
}

export interface NowcastRunner {
  /** Runs one site now (or joins its run in flight); undefined when the site was skipped or failed. */
  runOnce(siteId: string): Promise<Nowcast | undefined>;
  latest(siteId: string): Nowcast | undefined;
  lastAttempt(siteId: string): NowcastAttempt | undefined;
  /**
   * The site's current demand multipliers, estimated from metered junction demands (measured ÷
   * modelled per district); undefined until a nowcast had a metered junction. Bound into the
   * next nowcasts and into what-ifs started from the live state.
   */
  demandMultipliers(siteId: string): LiveState['demandMultipliers'] | undefined;
  stats(): NowcastStats;
  /** When the timer runs: ms between runs and of the first run after start (0: off). */
  readonly schedule: { intervalMs: number; firstRunMs: number; startedAt: number };
  /** Stops the timer and waits for runs in flight. */
  stop(): Promise<void>;
}
