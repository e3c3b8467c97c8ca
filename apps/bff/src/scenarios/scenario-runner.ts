import { setMaxListeners } from 'node:events';
import {
  CreateScenarioRequestSchema,
  type EnsembleSummary,
  NetworkModelSchema,
  type ScenarioProgressEvent,
  type ScenarioStatus,
} from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';
import type { Logger } from '../log';
import { stringifyYielding } from './json-text';
import type { ScenarioProgressHub } from './progress-hub';
import type { EngineOutcome, ResultSummary, ScenarioEngine } from './scenario-engine';
import {
  claimNext,
  end,
  failInterrupted,
  finish,
  networkOf,
  writeProgress,
} from './scenario-store';
import type { ClaimedScenario } from './scenario-store';
import {
  linkRenames,
  resultToSite,
  scenarioToEpanet,
  stateToEpanet,
  type LinkRenames,
} from './site-ids';

export interface ScenarioRunnerOptions {
  sql: SqlQuery;
  engine: ScenarioEngine;
  hub: ScenarioProgressHub;
  /** Scenarios run at once (each takes one or more pool workers; the pool queues the rest). */
  concurrency: number;
  log?: Logger;
  /** Looks for queued scenarios this often besides wake() (other instances, missed wakes). */
  pollMs?: number;
  /** Least time between two progress writes to the database / events to the room, ms. */
  progressWriteMs?: number;
  progressEmitMs?: number;
}

export interface ScenarioRunner {
  /** Ends runs interrupted by a restart, then starts taking queued scenarios. */
  start(): Promise<{ interrupted: number }>;
  /** A scenario was queued: take it now if a slot is free. */
  wake(): void;
  /** Aborts a scenario running here; false when it does not run in this process. */
  abort(id: string, reason: string): boolean;
  /** Resolves when nothing runs and nothing is being claimed (tests, benches). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const INTERRUPTED_MESSAGE =
  'the server stopped while this scenario was running: run it again (POST it anew)';

/**
 * Stored series are rounded to 1e-4 (0.1 mm of head or level, 0.1 mL/s, 0.1 mm/s, 0.1 W):
 * ten times finer than WNTR's acceptance tolerance against EPANET (1e-3 m, 1e-5 m³/s), and
 * 2.5× less JSON to write and read (C-Town 24 h: 4.4 → 1.7 MB). KPIs stay exact.
 */
const SERIES_DECIMALS = 4;

interface Network {
  inp: string;
  renames: LinkRenames;
}

/**
 * Runs queued scenarios with bounded concurrency: claims one (queued → running), runs it on the
 * engine with an AbortSignal, throttles progress into the database and the site's room, stores
 * the result as JSON text (made by the solver's worker for one run; produced here in slices,
 * json-text.ts, for ensembles and networks with renamed links), and ends it succeeded, failed
 * (with the engine's own message) or cancelled.
 */
export function createScenarioRunner(options: ScenarioRunnerOptions): ScenarioRunner {
  const { sql, engine, hub } = options;
  const log = options.log ?? (() => undefined);
  const running = new Map<string, { controller: AbortController; reason?: string }>();
  const networks = new Map<string, Network>();
  let claiming: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let idleWaiters: (() => void)[] = [];
  let poll: NodeJS.Timeout | undefined;

  const notifyIdle = (): void => {
    if (running.size > 0 || claiming) return;
    for (const done of idleWaiters.splice(0)) done();
  };

  const wake = (): void => {
    if (closed) {
      // close() waits for the last run to end: tell it.
      notifyIdle();
      return;
    }
    if (claiming) {
      again = true;
      return;
    }
    claiming = fill()
      .catch((error: unknown) => log('warn', `scenario runner: ${messageOf(error)}`))
      .finally(() => {
        claiming = undefined;
        if (again) {
          again = false;
          wake();
        } else notifyIdle();
      });
  };

  async function fill(): Promise<void> {
    while (!closed && running.size < options.concurrency) {
      const claimed = await claimNext(sql);
      if (!claimed) return;
      const controller = new AbortController();
      // One signal fans out to every member and candidate run of the scenario.
      setMaxListeners(0, controller.signal);
      running.set(claimed.id, { controller });
      void execute(claimed, controller.signal).finally(() => {
        running.delete(claimed.id);
        wake();
      });
    }
  }

  async function network(siteId: string, hash: string): Promise<Network> {
    const key = `${siteId}\u0000${hash}`;
    const known = networks.get(key);
    if (known) return known;
    const stored = await networkOf(sql, siteId, hash);
    if (!stored)
      throw new Error(`network ${hash.slice(0, 12)} of site ${siteId} is no longer stored`);
    const entry = {
      inp: stored.inp,
      renames: linkRenames(NetworkModelSchema.parse(JSON.parse(stored.model))),
    };
    networks.set(key, entry);
    if (networks.size > 8) networks.delete(networks.keys().next().value ?? '');
    return entry;
  }

  async function execute(claimed: ClaimedScenario, signal: AbortSignal): Promise<void> {
    const { id, siteId } = claimed;
    const publish = (status: ScenarioStatus, progress: number, phase: string | null): void =>
      hub.publish({ id, siteId, status, progress, phase } satisfies ScenarioProgressEvent);
    publish('running', 0, 'starting');
    const started = performance.now();
    let outcome: EngineOutcome;
    let store: (() => Promise<void>) | undefined;
    try {
      const request = CreateScenarioRequestSchema.parse(claimed.request);
      const net = await network(siteId, claimed.modelHash);
      const throttle = progressThrottle(options, (progress, phase, toDb) => {
        publish('running', progress, phase);
        if (toDb)
          void writeProgress(sql, id, progress, phase).catch((e: unknown) =>
            log('warn', `scenario ${id}: progress not written: ${messageOf(e)}`),
          );
      });
      outcome = await engine.run(
        {
          inp: net.inp,
          scenario: scenarioToEpanet(request.scenario, net.renames),
          state: stateToEpanet(claimed.liveState, net.renames),
          recommend: request.recommend,
          // Renamed links are renamed back on the result object (resultToSite).
          ...(net.renames.size === 0 ? { resultText: { seriesDecimals: SERIES_DECIMALS } } : {}),
        },
        { signal, onProgress: (p) => throttle(p.progress, p.phase) },
      );
      if (outcome.ok) {
        const { recommendations, result } = outcome;
        store = async () => {
          publish('running', 1, 'storing the result');
          const storing = performance.now();
          let summary: ResultSummary;
          let resultJson: string;
          let ensemble: EnsembleSummary | null = null;
          if ('json' in result) {
            ({ summary, json: resultJson } = result);
          } else {
            const site = resultToSite(result, net.renames, {
              scenario: request.scenario,
              state: claimed.liveState,
            });
            summary = site;
            if (site.bands) {
              const { members, failedMembers, kpis, violationProbability } = site.bands;
              ensemble = { members, failedMembers, kpis, violationProbability };
            }
            resultJson = await stringifyYielding(site, { seriesDecimals: SERIES_DECIMALS });
          }
          const written = performance.now();
          const stored = await finish(sql, id, {
            engineVersion: summary.engineVersion,
            kpis: summary.kpis,
            violations: summary.violations,
            times: summary.times,
            startClockS: summary.startClockS,
            resultJson,
            recommendations,
            ensemble,
          });
          if (stored) publish('succeeded', 1, null);
          log(
            'debug',
            `scenario ${id}: ran in ${Math.round(storing - started)} ms, result ${(resultJson.length / 1e6).toFixed(1)} MB serialised in ${Math.round(written - storing)} ms, stored in ${Math.round(performance.now() - written)} ms`,
          );
        };
      }
    } catch (error) {
      outcome = { ok: false, failure: { kind: 'worker', message: messageOf(error) } };
    }
    try {
      if (store) await store();
      else if (!outcome.ok) {
        const cancelled = outcome.failure.kind === 'cancelled';
        const reason = running.get(id)?.reason;
        const error = {
          kind: outcome.failure.kind,
          message: cancelled && reason ? reason : outcome.failure.message,
        };
        const status = cancelled ? 'cancelled' : 'failed';
        if (await end(sql, id, status, error)) publish(status, 0, null);
        if (!cancelled) log('info', `scenario ${id} failed: ${error.message}`);
      }
    } catch (error) {
      log('error', `scenario ${id}: the outcome could not be stored: ${messageOf(error)}`);
      await end(sql, id, 'failed', { kind: 'storage', message: messageOf(error) }).catch(
        () => undefined,
      );
    }
  }

  return {
    async start() {
      const interrupted = await failInterrupted(sql, INTERRUPTED_MESSAGE);
      for (const s of interrupted)
        hub.publish({ id: s.id, siteId: s.siteId, status: 'failed', progress: 0, phase: null });
      if (interrupted.length > 0)
        log('warn', `${interrupted.length} scenario(s) interrupted by the restart marked failed`);
      poll = setInterval(wake, options.pollMs ?? 5_000);
      poll.unref();
      wake();
      return { interrupted: interrupted.length };
    },
    wake,
    abort(id, reason) {
      const run = running.get(id);
      if (!run) return false;
      run.reason = reason;
      run.controller.abort(new Error(reason));
      return true;
    },
    idle: () =>
      running.size === 0 && !claiming
        ? Promise.resolve()
        : new Promise<void>((done) => idleWaiters.push(done)),
    async close() {
      closed = true;
      clearInterval(poll);
      for (const run of running.values()) {
        run.reason = 'the server is shutting down: run it again';
        run.controller.abort();
      }
      await new Promise<void>((done) => {
        if (running.size === 0 && !claiming) done();
        else idleWaiters.push(done);
      });
      idleWaiters = [];
    },
  };
}

/**
 * Progress callbacks arrive per member or candidate: events go out at most every
 * progressEmitMs, database writes at most every progressWriteMs (the last value always wins
 * when the run ends, through the final status).
 */
function progressThrottle(
  options: Pick<ScenarioRunnerOptions, 'progressEmitMs' | 'progressWriteMs'>,
  emit: (progress: number, phase: string, toDb: boolean) => void,
): (progress: number, phase: string) => void {
  const emitMs = options.progressEmitMs ?? 100;
  const writeMs = options.progressWriteMs ?? 1_000;
  let lastEmit = -Infinity;
  let lastWrite = -Infinity;
  let lastPhase = '';
  return (progress, phase) => {
    const now = performance.now();
    const phaseChanged = phase !== lastPhase;
    if (!phaseChanged && now - lastEmit < emitMs) return;
    const toDb = phaseChanged || now - lastWrite >= writeMs;
    lastEmit = now;
    lastPhase = phase;
    if (toDb) lastWrite = now;
    emit(Math.min(1, Math.max(0, progress)), phase, toDb);
  };
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
