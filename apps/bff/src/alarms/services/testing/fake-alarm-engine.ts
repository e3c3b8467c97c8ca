import { createAlarmBook, type AlarmBook, type BookUpdate } from '@twinhelm/alarms';
import {
  AlarmRuleSchema,
  emptyStateCounts,
  type AlarmAction,
  type AlarmChangesEvent,
  type AlarmGroup,
  type AlarmRule,
  type AlarmRuleInput,
  type AlarmView,
} from '@twinhelm/contracts';
import type {
  AlarmActOutcome,
  AlarmEnginePort,
  SiteAlarmsView,
} from '../../../ports/alarm-engine-port';

/** What the fake hands to `persist` after every accepted change (a test stores it in PostgreSQL). */
export type FakePersist = (siteId: string, update: BookUpdate, views: AlarmView[]) => Promise<void>;

/**
 * An in-memory AlarmEnginePort over the real lifecycle (createAlarmBook) for one site, for tests
 * of the services: raise/clear conditions by hand, act, read the view. No evaluator, no
 * grouping (set `groups` directly), no timers.
 */
export class FakeAlarmEngine implements AlarmEnginePort {
  readonly book: AlarmBook;
  groups: AlarmGroup[] = [];
  seq = 0;
  /** Thrown from act() when set (an engine failure). */
  failNext: Error | null = null;
  private readonly rules = new Map<string, AlarmRule>();
  private readonly texts = new Map<string, string>();
  private readonly announcedAt = new Map<string, number>();
  private readonly listeners = new Set<(event: AlarmChangesEvent) => void>();

  constructor(
    readonly siteId: string,
    rules: { assetId: string; rules: AlarmRuleInput[] }[],
    private readonly clock: () => number,
    private readonly persist: FakePersist = () => Promise.resolve(),
  ) {
    const parsed = rules.map((r) => ({
      assetId: r.assetId,
      rules: r.rules.map((rule) => AlarmRuleSchema.parse(rule)),
    }));
    for (const { assetId, rules: list } of parsed)
      for (const rule of list) this.rules.set(`${assetId}/${rule.id}`, rule);
    this.book = createAlarmBook({ siteId, rules: parsed });
  }

  /** A condition change of one alarm at the clock's time (or `at`). */
  async condition(key: string, active: boolean, values: Record<string, number> = {}, at?: number) {
    const [assetId = '', ruleId = ''] = key.split('/');
    const rule = this.rules.get(key);
    if (!rule) throw new Error(`fake engine: no rule ${key}`);
    const ts = at ?? this.clock();
    const text = `${key} ${active ? 'active' : 'clear'}`;
    const update = this.book.applyConditions([
      {
        alarmKey: key,
        assetId,
        ruleId,
        ruleVersion: rule.version,
        kind: rule.kind,
        active,
        ts,
        since: ts,
        values,
        text,
      },
    ]);
    if (update.refused.length > 0) throw new Error(update.refused.join('; '));
    if (active) this.texts.set(key, text);
    await this.stored(update);
  }

  view(siteId: string): SiteAlarmsView | undefined {
    if (siteId !== this.siteId) return undefined;
    const alarms = this.book.list().map((a) => this.viewOf(a.key));
    const counts = emptyStateCounts();
    for (const alarm of alarms) counts[alarm.state]++;
    const flood = this.book.floodState();
    return {
      seq: this.seq,
      at: this.clock(),
      alarms,
      groups: this.groups,
      counts,
      flood: {
        active: flood.flood,
        since: null,
        count: flood.count,
        windowMs: 600_000,
        last24h: 0,
      },
    };
  }

  async act(
    siteId: string,
    key: string,
    action: AlarmAction,
    who: string,
  ): Promise<AlarmActOutcome> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    if (siteId !== this.siteId)
      return { ok: false, status: 404, error: `${siteId}: the engine does not run this site` };
    const result = this.book.act(key, action, who, this.clock());
    if (!result.ok)
      return {
        ok: false,
        status: result.error.includes('no enabled rule') ? 404 : 409,
        error: result.error,
      };
    await this.stored(result.update);
    return { ok: true, alarm: this.viewOf(key) };
  }

  reloadRules(): Promise<void> {
    return Promise.resolve();
  }

  onChanges(listener: (event: AlarmChangesEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Expires shelves at the clock's time, as the real engine's timer does. */
  async tick(): Promise<void> {
    await this.stored(this.book.tick(this.clock()));
  }

  private viewOf(key: string): AlarmView {
    const alarm = this.book.get(key);
    const rule = this.rules.get(key);
    if (!alarm || !rule) throw new Error(`fake engine: no alarm ${key}`);
    return {
      ...alarm,
      text: this.texts.get(key) ?? null,
      consequence: rule.consequence,
      response: rule.response,
      announcedAt: this.announcedAt.get(key) ?? null,
      parentKey: this.groups.find((g) => g.childKeys.includes(key))?.parentKey ?? null,
      childKeys: this.groups.find((g) => g.parentKey === key)?.childKeys ?? [],
    };
  }

  private async stored(update: BookUpdate): Promise<void> {
    if (update.records.length === 0) return;
    for (const record of update.records)
      if (record.announced) this.announcedAt.set(record.alarmKey, record.when);
    const views = update.alarms.map((a) => this.viewOf(a.key));
    await this.persist(this.siteId, update, views);
    this.seq++;
    const now = this.view(this.siteId);
    if (!now) return;
    const event: AlarmChangesEvent = {
      siteId: this.siteId,
      seq: this.seq,
      at: now.at,
      alarms: views,
      announced: update.records.filter((r) => r.announced).map((r) => r.alarmKey),
      groups: now.groups,
      counts: now.counts,
      flood: now.flood,
    };
    for (const listener of this.listeners) listener(event);
  }
}
