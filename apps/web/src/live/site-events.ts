import {
  NowcastSchema,
  ScenarioProgressEventSchema,
  type Nowcast,
  type ScenarioProgressEvent,
} from '@twinhelm/contracts';
import { type SiteEventName } from './twin-transport';

/**
 * The site room's other events, validated: scenario progress (coarse, kept per scenario for
 * React through subscribe/getProgress) and nowcasts (handed to listeners, never React state).
 * Alarm changes are handed on raw to the alarm feed (src/alarms), which validates them.
 * Payloads that do not parse, or belong to another site, are dropped.
 */
export class SiteEvents {
  private readonly progress = new Map<string, ScenarioProgressEvent>();
  private readonly listeners = new Set<() => void>();
  private readonly nowcastListeners = new Set<(nowcast: Nowcast) => void>();
  private nowcast: Nowcast | null = null;
  private readonly alarmListeners = new Set<(payload: unknown) => void>();

  constructor(private readonly siteId: string) {}

  readonly receive = (event: SiteEventName, payload: unknown): void => {
    if (event === 'alarm:changes') {
      for (const listener of this.alarmListeners) listener(payload);
      return;
    }
    if (event === 'scenario:progress') {
      const parsed = ScenarioProgressEventSchema.safeParse(payload);
      if (!parsed.success || parsed.data.siteId !== this.siteId) return;
      this.progress.set(parsed.data.id, parsed.data);
      for (const listener of this.listeners) listener();
      return;
    }
    const parsed = NowcastSchema.safeParse(payload);
    if (!parsed.success || parsed.data.siteId !== this.siteId) return;
    this.nowcast = parsed.data;
    for (const listener of this.nowcastListeners) listener(parsed.data);
  };

  /** Notified whenever any scenario's progress changes. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The latest progress event of a scenario (the same object until a newer one arrives). */
  getProgress(scenarioId: string): ScenarioProgressEvent | null {
    return this.progress.get(scenarioId) ?? null;
  }

  /** Calls back with every new nowcast; returns the unsubscribe function. */
  onNowcast(listener: (nowcast: Nowcast) => void): () => void {
    this.nowcastListeners.add(listener);
    return () => this.nowcastListeners.delete(listener);
  }

  /** Raw `alarm:changes` payloads (the alarm feed validates them); returns the unsubscribe function. */
  onAlarmChanges(listener: (payload: unknown) => void): () => void {
    this.alarmListeners.add(listener);
    return () => this.alarmListeners.delete(listener);
  }

  latestNowcast(): Nowcast | null {
    return this.nowcast;
  }
}
