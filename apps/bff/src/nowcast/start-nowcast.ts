import { performance } from 'node:perf_hooks';
import {
  ScenarioSchema,
  type LiveState,
  type Nowcast,
  type Scenario,
  type ScenarioResult,
  type TwinState,
} from '@twinhelm/contracts';
import { estimateDemandMultipliers, readEnsembleNetwork } from '@twinhelm/solver';
import type { SqlQuery } from '../db/sql';
import type { Logger } from '../log';
import type { TwinStatePort } from '../ports/twin-state-port';
import { createLiveStateBinder } from './live-state-binder';
import { hasFreshTelemetry, modelledValues, residualsOf } from './nowcast-values';
import {
  insertResiduals,
  listNetworkSites,
  loadNetworkText,
  pruneResiduals,
} from './nowcast-store';

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

export interface NowcastStats {
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

/** The shortest run the scenario schema allows: the report at t = 0 is the current estimate. */
const SNAPSHOT_SCENARIO = ScenarioSchema.parse({ horizonS: 1 });
const FRESHNESS_FLOOR_MS = 120_000;

/**
 * The nowcast loop: every interval, each site with an active network and fresh telemetry is run
 * from its current state (a single snapshot solve), its estimates and residuals kept in memory,
 * residuals stored, and the nowcast emitted. Runs of one site never overlap; a failing run is
 * logged and counted, never thrown.
 */
/** Retention is enforced at most this often. */
const PRUNE_EVERY_MS = 3_600_000;

export function startNowcast(options: NowcastOptions): NowcastRunner {
  const { sql, twin, clock, log } = options;
  const bindState = options.bindState ?? createLiveStateBinder(sql);
  const maxAgeMs = options.maxSampleAgeMs ?? Math.max(2 * options.intervalMs, FRESHNESS_FLOOR_MS);
  const firstRunMs = options.firstRunMs ?? Math.min(options.intervalMs, 10_000);
  const latest = new Map<string, Nowcast>();
  const attempts = new Map<string, NowcastAttempt>();
  const inFlight = new Map<string, Promise<Nowcast | undefined>>();
  const networks = new Map<string, { hash: string; inp: string }>();
  const districts = new Map<string, { hash: string; districtOf: ReadonlyMap<string, string> }>();
  const multipliers = new Map<string, LiveState['demandMultipliers']>();

  /** Junction → district of a network version (read from the .inp once per version). */
  function districtsOf(siteId: string, network: { hash: string; inp: string }) {
    const cached = districts.get(siteId);
    if (cached?.hash === network.hash) return cached.districtOf;
    const { districtOf } = readEnsembleNetwork(network.inp);
    districts.set(siteId, { hash: network.hash, districtOf });
    return districtOf;
  }

  /** New multipliers from the junctions whose demand is metered (their residuals). */
  function updateMultipliers(
    siteId: string,
    network: { hash: string; inp: string },
    applied: LiveState['demandMultipliers'],
    residuals: Nowcast['residuals'],
  ): void {
    const measured = new Map<string, number>();
    const modelled = new Map<string, number>();
    for (const [assetId, byMetric] of Object.entries(residuals)) {
      const demand = byMetric.demand;
      if (!demand) continue;
      measured.set(assetId, demand.measured);
      modelled.set(assetId, demand.modelled);
    }
    if (measured.size === 0) return;
    const districtOf = districtsOf(siteId, network);
    multipliers.set(siteId, estimateDemandMultipliers({ measured, modelled, applied, districtOf }));
  }
  const stats: NowcastStats = { runs: 0, failures: 0, skipped: 0, unstored: 0 };
  const startedAt = clock();

  async function networkOf(siteId: string, hash?: string) {
    const wanted = hash ?? (await listNetworkSites(sql)).find((s) => s.siteId === siteId)?.hash;
    if (wanted === undefined) return undefined;
    const cached = networks.get(siteId);
    if (cached?.hash === wanted) return cached;
    const inp = await loadNetworkText(sql, siteId, wanted);
    if (inp === undefined) return undefined;
    const network = { hash: wanted, inp };
    networks.set(siteId, network);
    return network;
  }

  const skip = (siteId: string, at: number, reason: string): undefined => {
    stats.skipped += 1;
    attempts.set(siteId, { at, outcome: 'skipped', reason });
    log('debug', `nowcast ${siteId}: skipped: ${reason}`);
    return undefined;
  };

  async function run(siteId: string, hash?: string): Promise<Nowcast | undefined> {
    const at = clock();
    try {
      const network = await networkOf(siteId, hash);
      if (!network) return skip(siteId, at, 'no network imported');
      const snapshot = twin.snapshot(siteId);
      if (!hasFreshTelemetry(snapshot.state, { nowMs: at, maxAgeMs }))
        return skip(siteId, at, `no telemetry in the last ${Math.round(maxAgeMs / 1000)} s`);
      const started = performance.now();
      const bound = await bindState({
        siteId,
        hash: network.hash,
        state: snapshot.state,
        nowMs: at,
        utcOffsetMin: options.utcOffsetMin,
        maxAgeMs,
      });
      const estimated = multipliers.get(siteId);
      const state = estimated ? { ...bound, demandMultipliers: estimated } : bound;
      const outcome = await options.solver.run({
        inp: network.inp,
        scenario: SNAPSHOT_SCENARIO,
        state,
        maxSteps: options.maxSteps,
        timeoutMs: options.timeoutMs,
      });
      if (!outcome.ok) throw new Error(outcome.failure.message);
      if (outcome.result.times[0] !== 0)
        throw new Error('the run reported no values at t = 0 (check REPORT START in [TIMES])');
      const values = modelledValues(outcome.result, 0);
      const nowcast: Nowcast = {
        siteId,
        at,
        stateTakenAt: state.takenAt,
        modelHash: outcome.result.modelHash,
        engineVersion: outcome.result.engineVersion,
        elapsedMs: Math.round(performance.now() - started),
        values,
        residuals: residualsOf(values, snapshot.state, { nowMs: at, maxAgeMs }),
        demandMultipliers: state.demandMultipliers,
      };
      latest.set(siteId, nowcast);
      updateMultipliers(siteId, network, state.demandMultipliers, nowcast.residuals);
      stats.runs += 1;
      attempts.set(siteId, { at, outcome: 'ok', elapsedMs: nowcast.elapsedMs });
      try {
        options.emit(siteId, nowcast);
      } catch (error) {
        log('warn', `nowcast ${siteId}: not sent to clients: ${messageOf(error)}`);
      }
      // the estimates stand even when the history cannot be written (database down)
      await insertResiduals(sql, siteId, at, nowcast.residuals).catch((error: unknown) => {
        stats.unstored += 1;
        log('warn', `nowcast ${siteId}: residuals not stored: ${messageOf(error)}`);
      });
      return nowcast;
    } catch (error) {
      stats.failures += 1;
      const reason = messageOf(error);
      attempts.set(siteId, { at, outcome: 'failed', reason });
      log('warn', `nowcast ${siteId} failed (${stats.failures} so far): ${reason}`);
      return undefined;
    }
  }

  function runOnce(siteId: string, hash?: string): Promise<Nowcast | undefined> {
    const running = inFlight.get(siteId);
    if (running) return running;
    const next = run(siteId, hash).finally(() => inFlight.delete(siteId));
    inFlight.set(siteId, next);
    return next;
  }

  async function tick(): Promise<void> {
    let sites: { siteId: string; hash: string }[];
    try {
      sites = await listNetworkSites(sql);
    } catch (error) {
      stats.failures += 1;
      log('warn', `nowcast: sites not listed: ${messageOf(error)}`);
      return;
    }
    // a run still going (a manual runOnce) is joined, not repeated
    await Promise.all(sites.map(({ siteId, hash }) => runOnce(siteId, hash)));
    await pruneIfDue();
  }

  let prunedAt = -Infinity;
  async function pruneIfDue(): Promise<void> {
    const retention = options.residualRetentionMs ?? 0;
    const now = clock();
    if (retention <= 0 || now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    try {
      const gone = await pruneResiduals(sql, now - retention);
      if (gone > 0) log('info', `nowcast: ${gone} residual(s) past retention deleted`);
    } catch (error) {
      log('warn', `nowcast: old residuals not deleted: ${messageOf(error)}`);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;
  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      ticking = tick().finally(() => {
        ticking = undefined;
        if (!stopped) schedule(options.intervalMs);
      });
    }, delayMs);
    timer.unref();
  };
  if (options.intervalMs > 0) schedule(firstRunMs);

  return {
    runOnce: (siteId) => runOnce(siteId),
    latest: (siteId) => latest.get(siteId),
    lastAttempt: (siteId) => attempts.get(siteId),
    demandMultipliers: (siteId) => multipliers.get(siteId),
    stats: () => ({ ...stats }),
    schedule: { intervalMs: options.intervalMs, firstRunMs, startedAt },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
