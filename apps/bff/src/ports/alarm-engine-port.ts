import type {
  AlarmAction,
  AlarmChangesEvent,
  AlarmFloodStatus,
  AlarmGroup,
  AlarmState,
  AlarmView,
} from '@twinhelm/contracts';

/** Why an action was refused: 404 unknown alarm (nearest keys named), 409 lifecycle refusal. */
export type AlarmActOutcome =
  { ok: true; alarm: AlarmView } | { ok: false; status: 404 | 409; error: string };

/** A site's alarms as the engine holds them now (in memory, mirrored in PostgreSQL). */
export interface SiteAlarmsView {
  seq: number;
  at: number;
  /** Every alarm the site has had (normal included). */
  alarms: AlarmView[];
  groups: AlarmGroup[];
  counts: Record<AlarmState, number>;
  flood: AlarmFloodStatus;
}

/**
 * The live alarm engine (apps/bff/src/alarms): services read and act through this port; the
 * engine persists every change (alarm rows + append-only events, one transaction) before it
 * answers or pushes.
 */
export interface AlarmEnginePort {
  /** The site's alarms now; undefined for a site the engine does not run (no network). */
  view(siteId: string): SiteAlarmsView | undefined;
  /**
   * An operator or admin action on one alarm (by key `<assetId>/<ruleId>`), stored and pushed
   * before it resolves. Permissions are the caller's (services) job; the engine checks the
   * lifecycle. `who` is the actor as audited.
   */
  act(siteId: string, key: string, action: AlarmAction, who: string): Promise<AlarmActOutcome>;
  /** Re-reads the site's rules (after a rule change or a network import). */
  reloadRules(siteId: string): Promise<void>;
  /** Subscribes to stored changes (the realtime layer pushes them as `alarm:changes`). */
  onChanges(listener: (event: AlarmChangesEvent) => void): () => void;
}
