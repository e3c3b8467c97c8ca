import type {
  MetricValue,
  Sample,
  TwinDelta,
  TwinSnapshot,
  TwinState as SiteState,
} from '@twinhelm/contracts';
import type { TwinStatePort } from '../ports/twin-state-port';

type Changes = TwinDelta['changes'];
type Listener = (siteId: string, changes: Changes) => void;

interface SiteEntry {
  version: number;
  state: SiteState;
}

export interface TwinState extends TwinStatePort {
  /**
   * Applies durable samples: a sample replaces the latest value only if its time is strictly
   * newer, so duplicates and late (out-of-order) samples never move the state backwards. Bumps
   * the version of each changed site once and calls the listeners with only the changes.
   */
  apply(samples: readonly Sample[]): void;
  /** Loads a persisted site state (at startup), replacing what is held for that site. */
  restore(siteId: string, version: number, state: SiteState): void;
  /** Current version of every site held. */
  versions(): Map<string, number>;
}

/** The in-memory latest state of every site (the hot path between ingest and clients). */
export function createTwinState(options: { now?: () => number } = {}): TwinState {
  const now = options.now ?? Date.now;
  const sites = new Map<string, SiteEntry>();
  const listeners = new Set<Listener>();

  function site(siteId: string): SiteEntry {
    let entry = sites.get(siteId);
    if (!entry) {
      entry = { version: 0, state: {} };
      sites.set(siteId, entry);
    }
    return entry;
  }

  return {
    snapshot(siteId: string): TwinSnapshot {
      const entry = sites.get(siteId);
      const state: SiteState = {};
      for (const [assetId, metrics] of Object.entries(entry?.state ?? {}))
        state[assetId] = { ...metrics };
      return { siteId, version: entry?.version ?? 0, at: now(), state };
    },

    onChange(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    apply(samples: readonly Sample[]): void {
      const changed = new Map<string, Changes>();
      for (const sample of samples) {
        const entry = site(sample.siteId);
        const metrics = (entry.state[sample.assetId] ??= {});
        const current: MetricValue | undefined = metrics[sample.metric];
        if (current !== undefined && current.ts >= sample.ts) continue;
        const next = { v: sample.value, ts: sample.ts };
        metrics[sample.metric] = next;
        let changes = changed.get(sample.siteId);
        if (!changes) {
          changes = {};
          changed.set(sample.siteId, changes);
        }
        (changes[sample.assetId] ??= {})[sample.metric] = next;
      }
      for (const [siteId, changes] of changed) {
        site(siteId).version += 1;
        for (const listener of listeners) listener(siteId, changes);
      }
    },

    restore(siteId: string, version: number, state: SiteState): void {
      sites.set(siteId, { version, state: structuredClone(state) });
    },

    versions(): Map<string, number> {
      return new Map([...sites].map(([siteId, entry]) => [siteId, entry.version]));
    },
  };
}
