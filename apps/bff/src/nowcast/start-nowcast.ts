import { performance } from 'node:perf_hooks';
import { ScenarioSchema, type Nowcast } from '@twinhelm/contracts';
import { createDemandEstimates } from './demand-estimates';
import { createLiveStateBinder } from './live-state-binder';
import { hasFreshTelemetry, modelSamples, modelledValues, residualsOf } from './nowcast-values';
import {
  insertResiduals,
  listNetworkSites,
  loadNetworkText,
  pruneResiduals,
} from './nowcast-store';
import { predictionSamples } from './tank-predictions';
import { createTankPredictor } from './tank-predictor';
import type { NowcastAttempt, NowcastOptions, NowcastRunner } from './nowcast-types';

export type {
  BindLiveState,
  NowcastAttempt,
  NowcastOptions,
  NowcastRunner,
  NowcastSolver,
  NowcastStats,
} from './nowcast-types';

/** The shortest run the scenario schema allows: the report at t = 0 is the current estimate. */
const SNAPSHOT_SCENARIO = ScenarioSchema.parse({ horizonS: 1 });
const DEFAULT_PREDICTION_HORIZON_H = 8;
const FRESHNESS_FLOOR_MS = 120_000;

/** Retention is enforced at most this often. */
const PRUNE_EVERY_MS = 3_600_000;

/**
 * The nowcast loop: every interval, each site with an active network and fresh telemetry is run
 * from its current state (a single snapshot solve), its estimates and residuals kept in memory,
 * residuals stored, and the nowcast emitted with its alarm samples; when due, a forward run
 * predicts when each tank empties. Runs of one site never overlap; a failing run is logged and
 * counted, never thrown.
 */
export function startNowcast(options: NowcastOptions): NowcastRunner {
  const { sql, twin, clock, log } = options;
  const bindState = options.bindState ?? createLiveStateBinder(sql);
  const maxAgeMs = options.maxSampleAgeMs ?? Math.max(2 * options.intervalMs, FRESHNESS_FLOOR_MS);
  const firstRunMs = options.firstRunMs ?? Math.min(options.intervalMs, 10_000);
  const latest = new Map<string, Nowcast>();
  const attempts = new Map<string, NowcastAttempt>();
  const inFlight = new Map<string, Promise<Nowcast | undefined>>();
  const networks = new Map<string, { hash: string; inp: string }>();
  const demand = createDemandEstimates();
  const predictor = createTankPredictor({
    solver: options.solver,
    intervalMs: options.predictionIntervalMs ?? 0,
    horizonH: options.predictionHorizonH ?? DEFAULT_PREDICTION_HORIZON_H,
    maxSteps: options.maxSteps,
    timeoutMs: options.timeoutMs,
    log,
  });
  const stats = { runs: 0, failures: 0, skipped: 0, unstored: 0 };
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
      const estimated = demand.get(siteId);
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
      const elapsedMs = Math.round(performance.now() - started);
      const predicted = await predictor.update(siteId, { inp: network.inp, state, at });
      const nowcast: Nowcast = {
        siteId,
        at,
        stateTakenAt: state.takenAt,
        modelHash: outcome.result.modelHash,
        engineVersion: outcome.result.engineVersion,
        elapsedMs,
        values,
        residuals: residualsOf(values, snapshot.state, { nowMs: at, maxAgeMs }),
        demandMultipliers: state.demandMultipliers,
        ...(predicted.latest ? { predictions: predicted.latest } : {}),
      };
      latest.set(siteId, nowcast);
      demand.update(siteId, network, state.demandMultipliers, nowcast.residuals);
      stats.runs += 1;
      attempts.set(siteId, { at, outcome: 'ok', elapsedMs: nowcast.elapsedMs });
      try {
        options.emit(siteId, nowcast);
      } catch (error) {
        log('warn', `nowcast ${siteId}: not sent to clients: ${messageOf(error)}`);
      }
      const samples = modelSamples(values, snapshot.state, at);
      if (predicted.fresh && predicted.latest) samples.push(...predictionSamples(predicted.latest));
      try {
        options.onSamples?.(siteId, samples);
      } catch (error) {
        log('warn', `nowcast ${siteId}: alarm samples not taken: ${messageOf(error)}`);
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
    demandMultipliers: (siteId) => demand.get(siteId),
    stats: () => ({ ...stats, ...predictor.stats() }),
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
