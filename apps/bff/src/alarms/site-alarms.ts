import {
  createAlarm,
  createAlarmBook,
  createRuleEvaluator,
  SYSTEM_ACTOR,
  type AlarmBook,
  type AlarmSample,
  type BookUpdate,
  type RuleEvaluator,
} from '@twinhelm/alarms';
import type { AlarmAction, AlarmChangesEvent, ConditionChange } from '@twinhelm/contracts';
import type { Sql } from '../db/sql';
import type { Logger } from '../log';
import type { AlarmActOutcome, SiteAlarmsView } from '../ports/alarm-engine-port';
import type { TwinStatePort } from '../ports/twin-state-port';
import { didYouMean } from '../text/nearest-ids';
import { groupAnnounced, liveClosedLinks } from './alarm-grouping';
import type { StoredAlarm } from './alarm-store';
import { ChangeSet } from './change-set';
import {
  cutOffNodes,
  designActions,
  isDesignSuppressed,
  pumpsOutOfService,
  suppressBeforeRaise,
} from './design-suppression';
import type { EngineCounters } from './engine-counters';
import type { FloodTracker } from './flood-tracker';
import { primeEvaluator } from './prime-evaluator';
import { SiteMirror } from './site-mirror';
import type { SiteModel } from './site-model';
import { SiteWriter } from './site-writer';

export interface SiteAlarmsDeps {
  sql: Sql;
  twin: TwinStatePort;
  clock: () => number;
  log: Logger;
  counters: EngineCounters;
  emit: (event: AlarmChangesEvent) => void;
  /** When the engine started: stale watches of reporting assets are armed no earlier. */
  startedAt: number;
  retry: { firstMs: number; maxMs: number };
}

/**
 * One site's live alarms: samples → evaluator → book (in memory, synchronous) → serial write
 * queue (one transaction per write, in order, retried while the database is down) → mirror
 * (what readers see) → change events. Also suppression by design and evaluator priming.
 */
export class SiteAlarms {
  private model: SiteModel;
  private readonly book: AlarmBook;
  private evaluator: RuleEvaluator;
  private readonly texts = new Map<string, string | null>();
  private readonly announcedAt = new Map<string, number | null>();
  /** Nodes cut off by pumps out of service (node → pump). */
  private cut = new Map<string, string>();
  private linksDirty = false;
  private readonly mirror: SiteMirror;
  private readonly writer: SiteWriter;

  constructor(
    readonly siteId: string,
    model: SiteModel,
    stored: readonly StoredAlarm[],
    private readonly flood: FloodTracker,
    private readonly deps: SiteAlarmsDeps,
  ) {
    this.model = model;
    this.book = createAlarmBook({ siteId, rules: model.rules, alarms: stored.map((s) => s.alarm) });
    for (const s of stored) {
      this.texts.set(s.alarm.key, s.text);
      this.announcedAt.set(s.alarm.key, s.announcedAt);
    }
    this.evaluator = createRuleEvaluator([]);
    this.mirror = new SiteMirror(siteId, stored, flood.status(deps.clock()), {
      rule: (key) => this.model.ruleByKey.get(key),
      group: (alarms) =>
        groupAnnounced(this.model.graph, alarms, () => deps.twin.snapshot(siteId).state),
      clock: deps.clock,
    });
    this.writer = new SiteWriter(siteId, deps, (items) => {
      try {
        deps.emit(
          this.mirror.commit(
            items.map((item) => ({
              alarms: item.write.alarms,
              announced: item.announced,
              flood: item.flood,
            })),
          ),
        );
      } catch (error) {
        deps.log(
          'error',
          `${siteId}: stored alarm changes not pushed: ${(error as Error).message}`,
        );
      }
    });
  }

  /**
   * Runs the site on (new) rules and network: alarms take their rules' versions, a fresh
   * evaluator starts with the active conditions and is primed with the twin's latest values,
   * suppression by design is brought up to date. Resolves once that is stored.
   */
  applyModel(model: SiteModel): Promise<void> {
    const now = this.deps.clock();
    const set = new ChangeSet();
    set.floods.push(...this.flood.pendingOps.splice(0));
    this.model = model;
    this.absorb(this.book.setRules(model.rules, now), set, null);
    const retired = this.evaluator.stats();
    this.deps.counters.retiredEvaluations += retired.evaluations;
    this.deps.counters.retiredOutOfOrder += retired.outOfOrder;
    const alarms = this.book.list();
    this.evaluator = createRuleEvaluator(model.rules, {
      active: alarms
        .filter((a) => a.condition)
        .map((a) => ({ key: a.key, activeSince: a.activeSince })),
    });
    const skip = new Set(
      alarms.filter((a) => a.kind === 'stale' && a.condition).map((a) => a.assetId),
    );
    this.reconcileDesign(now, set);
    const primed = primeEvaluator(this.evaluator, this.deps.twin.snapshot(this.siteId).state, {
      notBefore: this.deps.startedAt,
      skip,
    });
    for (const change of primed) this.applyChange(change, set);
    return this.enqueue(set);
  }

  /** Measured or modelled samples of this site, in arrival order. */
  push(samples: readonly AlarmSample[], arrivedAt: number | null): void {
    const set = new ChangeSet(arrivedAt);
    for (const sample of samples)
      for (const change of this.evaluator.push(sample)) this.applyChange(change, set);
    this.enqueueQuietly(set);
  }

  /** The clock: stale data, shelf expiry, flood end, regrouping after pump status changes. */
  tick(now: number): void {
    const set = new ChangeSet();
    for (const change of this.evaluator.tick(now)) this.applyChange(change, set);
    this.absorb(this.book.tick(now), set, null);
    set.floods.push(...this.flood.advance(now));
    const regroup = this.linksDirty;
    if (this.linksDirty) {
      this.linksDirty = false;
      this.reconcileDesign(now, set);
    }
    this.enqueueQuietly(set);
    if (regroup) {
      const event = this.mirror.regroupEvent();
      if (event) this.deps.emit(event);
    }
  }

  async act(key: string, action: AlarmAction, who: string): Promise<AlarmActOutcome> {
    const rule = this.model.ruleByKey.get(key);
    if (!this.book.get(key) && !rule?.enabled) {
      const keys = [...this.book.list().map((a) => a.key), ...this.model.ruleByKey.keys()];
      return {
        ok: false,
        status: 404,
        error: `${key}: no alarm or enabled rule with this key in site ${this.siteId} (keys are <assetId>/<ruleId>)${didYouMean(key, new Set(keys))}`,
      };
    }
    const now = this.deps.clock();
    const result = this.book.act(key, action, who, now);
    if (!result.ok) return { ok: false, status: 409, error: result.error };
    const set = new ChangeSet();
    this.absorb(result.update, set, null);
    if (action.type === 'remove_from_service' || action.type === 'return_to_service')
      this.reconcileDesign(now, set);
    await this.enqueue(set);
    const alarm = this.mirror.viewOf(key);
    if (!alarm) throw new Error(`${key}: stored but missing from the site's alarms`);
    return { ok: true, alarm };
  }

  /** The site's twin changed: a link's status change may cut off or restore supply. */
  onTwinChange(changes: Record<string, Record<string, unknown>>): void {
    if (this.linksDirty) return;
    for (const assetId in changes)
      if (changes[assetId]?.status !== undefined && this.model.graph.linkIndex.has(assetId)) {
        this.linksDirty = true;
        return;
      }
  }

  view(): SiteAlarmsView {
    return { ...this.mirror.view(), flood: this.flood.status(this.deps.clock()) };
  }

  evaluatorStats(): ReturnType<RuleEvaluator['stats']> {
    return this.evaluator.stats();
  }

  /** Time to group the site's announced alarms (last, most), ms. */
  groupingMs(): { last: number; max: number } {
    return { ...this.mirror.groupingMs };
  }

  pendingWrites(): number {
    return this.writer.pending;
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

  /** Waits up to `drainMs` for pending writes, then stops; returns how many were not stored. */
  close(drainMs: number): Promise<number> {
    return this.writer.close(drainMs);
  }

  private applyChange(change: ConditionChange, set: ChangeSet): void {
    this.deps.counters.changes++;
    if (change.active && this.cut.size > 0) {
      const rule = this.model.ruleByKey.get(change.alarmKey);
      const probe =
        this.book.get(change.alarmKey) ??
        (rule ? createAlarm(change.assetId, rule, change.ts) : undefined);
      const action = probe ? suppressBeforeRaise(probe, this.cut) : null;
      if (action) this.actAsSystem(change.alarmKey, action, change.ts, set);
    }
    this.absorb(this.book.applyConditions([change]), set, change);
  }

  private actAsSystem(key: string, action: AlarmAction, at: number, set: ChangeSet): void {
    const result = this.book.act(key, action, SYSTEM_ACTOR, at);
    if (result.ok) this.absorb(result.update, set, null);
    else this.deps.log('warn', `${this.siteId}: ${action.type} by design refused: ${result.error}`);
  }

  /** Suppression by design: suppress what out-of-service pumps cut off, release the rest. */
  private reconcileDesign(now: number, set: ChangeSet): void {
    const alarms = this.book.list();
    const pumps = pumpsOutOfService(this.model.graph, alarms);
    if (pumps.length === 0 && this.cut.size === 0 && !alarms.some(isDesignSuppressed)) return;
    const { graph } = this.model;
    this.cut = cutOffNodes(
      graph,
      pumps,
      liveClosedLinks(graph, this.deps.twin.snapshot(this.siteId).state),
    );
    for (const { key, action } of designActions(alarms, this.cut))
      this.actAsSystem(key, action, now, set);
  }

  private absorb(update: BookUpdate, set: ChangeSet, change: ConditionChange | null): void {
    for (const record of update.records) {
      this.deps.counters.records++;
      const key = record.alarmKey;
      const condition = record.event === 'condition_active' || record.event === 'condition_clear';
      if (record.event === 'condition_active' && change) this.texts.set(key, change.text);
      if (record.announced) {
        this.announcedAt.set(key, record.when);
        set.announced.push(key);
        set.floods.push(...this.flood.announced(record.when));
      }
      set.events.push({ record, values: condition && change ? change.values : null });
    }
    for (const alarm of update.alarms) set.touched.add(alarm.key);
    if (update.refused.length > 0) {
      this.deps.counters.refused += update.refused.length;
      this.deps.log('debug', `${this.siteId}: refused ${update.refused.join('; ')}`);
    }
  }

  private enqueue(set: ChangeSet): Promise<void> {
    if (set.empty) return Promise.resolve();
    const alarms: StoredAlarm[] = [];
    for (const key of set.touched) {
      const alarm = this.book.get(key);
      if (alarm)
        alarms.push({
          alarm,
          text: this.texts.get(key) ?? null,
          announcedAt: this.announcedAt.get(key) ?? null,
        });
    }
    return this.writer.push({
      write: { siteId: this.siteId, alarms, events: set.events, floods: set.floods },
      announced: set.announced,
      flood: this.flood.status(this.deps.clock()),
      arrivedAt: set.arrivedAt,
    });
  }

  private enqueueQuietly(set: ChangeSet): void {
    this.enqueue(set).catch((error: unknown) =>
      this.deps.log(
        'error',
        `${this.siteId}: alarm change not stored: ${(error as Error).message}`,
      ),
    );
  }
}
