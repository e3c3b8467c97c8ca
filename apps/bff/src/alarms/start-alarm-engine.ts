import { FLOOD_DEFAULTS, type AlarmSample, type FloodOptions } from '@twinhelm/alarms';
import type { AlarmChangesEvent, Sample } from '@twinhelm/contracts';
import type { Sql } from '../db/sql';
import type { PrismaClient } from '../generated/prisma/client';
import type { DurableBatch } from '../ingest/batch-writer';
import type { Logger } from '../log';
import type { AlarmEnginePort } from '../ports/alarm-engine-port';
import type { TwinStatePort } from '../ports/twin-state-port';
import {
  loadAnnouncementsSince,
  loadFloodsSince,
  loadStoredAlarms,
  sitesWithNetwork,
} from './alarm-store';
import { EngineCounters } from './engine-counters';
import { FloodTracker } from './flood-tracker';
import { SiteAlarms, type SiteAlarmsDeps } from './site-alarms';
import { GraphCache, loadSiteModel } from './site-model';

export interface AlarmEngineOptions {
  prisma: PrismaClient;
  sql: Sql;
  twin: TwinStatePort;
  clock?: () => number;
  /** Period of the clock tick (stale data, shelf expiry, flood end), ms; 0 = no timer. Default 1000. */
  tickMs?: number;
  log?: Logger;
  /** Backoff of a failed write: first delay and cap, ms (defaults 100, 5000). */
  retry?: { firstMs?: number; maxMs?: number };
  flood?: FloodOptions;
}

export interface AlarmEngineStats {
  sites: number;
  samples: number;
  modelledSamples: number;
  unmatchedSamples: number;
  /** Rule evaluations (one per rule a sample fed) and samples ignored as out of order. */
  evaluations: number;
  outOfOrder: number;
  changes: number;
  records: number;
  refused: number;
  writes: number;
  writtenChanges: number;
  writeFailures: number;
  pendingWrites: number;
  /** Root-cause grouping of a site's announced alarms after a change: last and most, ms. */
  groupingMs: { last: number; max: number };
  /** Sample arrival at the ingest → its alarm change stored, over the last 2,000 changes. */
  sampleToStoredMs: { count: number; p50: number | null; p95: number | null; max: number | null };
}

export interface AlarmEngine extends AlarmEnginePort {
  /** Durable measured samples (any sites), `arrivedAt` when they reached the ingest. */
  push(samples: readonly Sample[], arrivedAt?: number): void;
  /** The ingest's onDurable hook. */
  onDurable(batch: DurableBatch): void;
  /** Nowcast samples of one site: source 'model' (modelled values) or 'prediction'. */
  pushModelled(siteId: string, samples: readonly AlarmSample[]): void;
  /** Runs one clock tick now (the timer calls it every tickMs). */
  tick(now?: number): void;
  stats(): AlarmEngineStats;
  /** Resolves once every change so far is stored. */
  idle(): Promise<void>;
  /** Stops the clock, stores what is pending (waits up to drainMs), stops. */
  close(drainMs?: number): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * The live alarm engine: one SiteAlarms per site with an active network, loaded from the
 * alarm tables (restart without duplicates), fed by the ingest and the nowcast, ticking every
 * second. See README.md.
 */
export async function startAlarmEngine(options: AlarmEngineOptions): Promise<AlarmEngine> {
  const clock = options.clock ?? Date.now;
  const log: Logger = options.log ?? ((level, message) => console[level](`[alarms] ${message}`));
  const counters = new EngineCounters();
  const listeners = new Set<(event: AlarmChangesEvent) => void>();
  const sites = new Map<string, SiteAlarms>();
  const reloads = new Map<string, Promise<void>>();
  const graphs = new GraphCache();
  const windowMs = options.flood?.windowMs ?? FLOOD_DEFAULTS.windowMs;
  const startedAt = clock();
  let closed = false;

  const emit = (event: AlarmChangesEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log('error', `alarm change listener failed: ${(error as Error).message}`);
      }
    }
  };
  const deps: SiteAlarmsDeps = {
    sql: options.sql,
    twin: options.twin,
    clock,
    log,
    counters,
    emit,
    startedAt,
    retry: { firstMs: options.retry?.firstMs ?? 100, maxMs: options.retry?.maxMs ?? 5000 },
  };

  async function loadSite(siteId: string): Promise<void> {
    const model = await loadSiteModel(options.prisma, siteId, graphs, log);
    const existing = sites.get(siteId);
    if (existing) return existing.applyModel(model);
    const now = clock();
    const { alarms, problems } = await loadStoredAlarms(options.sql, siteId);
    for (const problem of problems) log('warn', problem);
    const flood = new FloodTracker(
      siteId,
      {
        announcements: await loadAnnouncementsSince(options.sql, siteId, now - windowMs),
        floods: await loadFloodsSince(options.sql, siteId, now - DAY_MS),
      },
      now,
      options.flood,
    );
    const site = new SiteAlarms(siteId, model, alarms, flood, deps);
    sites.set(siteId, site);
    await site.applyModel(model);
    log(
      'info',
      `${siteId}: ${alarms.length} stored alarm(s), ${model.rules.length} asset(s) with rules`,
    );
  }

  /** One reload per site at a time; a reload asked for meanwhile runs after it. */
  function reloadRules(siteId: string): Promise<void> {
    const previous = reloads.get(siteId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => loadSite(siteId));
    reloads.set(siteId, next);
    return next;
  }

  for (const siteId of await sitesWithNetwork(options.sql)) {
    await reloadRules(siteId).catch((error: unknown) =>
      log('error', `${siteId}: alarms not started: ${(error as Error).message}`),
    );
  }

  const unsubscribeTwin = options.twin.onChange((siteId, changes) =>
    sites.get(siteId)?.onTwinChange(changes),
  );

  function tick(now = clock()): void {
    for (const site of sites.values()) {
      try {
        site.tick(now);
      } catch (error) {
        log('error', `${site.siteId}: alarm tick failed: ${(error as Error).message}`);
      }
    }
  }
  const tickMs = options.tickMs ?? 1000;
  const timer = tickMs > 0 ? setInterval(() => tick(), tickMs) : undefined;
  timer?.unref();

  function push(samples: readonly Sample[], arrivedAt = clock()): void {
    if (closed || samples.length === 0) return;
    counters.samples += samples.length;
    const bySite = new Map<string, Sample[]>();
    for (const sample of samples) {
      let list = bySite.get(sample.siteId);
      if (!list) bySite.set(sample.siteId, (list = []));
      list.push(sample);
    }
    for (const [siteId, list] of bySite) {
      const site = sites.get(siteId);
      if (!site) {
        counters.unmatchedSamples += list.length;
        continue;
      }
      try {
        site.push(list, arrivedAt);
      } catch (error) {
        log('error', `${siteId}: samples not evaluated: ${(error as Error).message}`);
      }
    }
  }

  return {
    view: (siteId) => sites.get(siteId)?.view(),
    async act(siteId, key, action, who) {
      const site = sites.get(siteId);
      if (!site)
        return {
          ok: false,
          status: 404,
          error: `${siteId}: no alarms here: the site has no network (import one first) or does not exist`,
        };
      return site.act(key, action, who);
    },
    reloadRules,
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push,
    onDurable: (batch) =>
      push(batch.samples, batch.receivedAt.length > 0 ? Math.min(...batch.receivedAt) : undefined),
    pushModelled(siteId, samples) {
      if (closed || samples.length === 0) return;
      counters.modelledSamples += samples.length;
      const site = sites.get(siteId);
      if (!site) {
        counters.unmatchedSamples += samples.length;
        return;
      }
      try {
        site.push(samples, null);
      } catch (error) {
        log('error', `${siteId}: modelled samples not evaluated: ${(error as Error).message}`);
      }
    },
    tick,
    stats() {
      let evaluations = counters.retiredEvaluations;
      let outOfOrder = counters.retiredOutOfOrder;
      let pendingWrites = 0;
      const groupingMs = { last: 0, max: 0 };
      for (const site of sites.values()) {
        const grouping = site.groupingMs();
        groupingMs.last = Math.max(groupingMs.last, grouping.last);
        groupingMs.max = Math.max(groupingMs.max, grouping.max);
        const s = site.evaluatorStats();
        evaluations += s.evaluations;
        outOfOrder += s.outOfOrder;
        pendingWrites += site.pendingWrites();
      }
      const latency = counters.sampleToStored;
      return {
        sites: sites.size,
        samples: counters.samples,
        modelledSamples: counters.modelledSamples,
        unmatchedSamples: counters.unmatchedSamples,
        evaluations,
        outOfOrder,
        changes: counters.changes,
        records: counters.records,
        refused: counters.refused,
        writes: counters.writes,
        writtenChanges: counters.writtenChanges,
        writeFailures: counters.writeFailures,
        pendingWrites,
        groupingMs,
        sampleToStoredMs: {
          count: latency.count,
          p50: latency.percentile(50),
          p95: latency.percentile(95),
          max: latency.percentile(100),
        },
      };
    },
    async idle() {
      await Promise.all([...sites.values()].map((site) => site.idle()));
    },
    async close(drainMs = 5000) {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      unsubscribeTwin();
      await Promise.all([...reloads.values()].map((p) => p.catch(() => undefined)));
      const lost = await Promise.all([...sites.values()].map((site) => site.close(drainMs)));
      const total = lost.reduce((a, b) => a + b, 0);
      if (total > 0)
        log(
          'error',
          `${total} alarm change(s) could not be stored before the stop (database down?)`,
        );
      listeners.clear();
    },
  };
}
