import type { Health, TwinDelta, TwinSnapshot, TwinState } from '@twinhelm/contracts';
import type { IngestStatusPort } from '../../ports/ingest-status-port';
import type { TwinStatePort } from '../../ports/twin-state-port';

/** An in-memory TwinStatePort for tests: `apply` merges changes and notifies listeners. */
export class FakeTwinState implements TwinStatePort {
  private readonly states = new Map<string, TwinState>();
  private readonly listeners = new Set<(siteId: string, changes: TwinDelta['changes']) => void>();

  snapshot(siteId: string): TwinSnapshot {
    return { siteId, version: 0, at: 0, state: structuredClone(this.states.get(siteId) ?? {}) };
  }

  onChange(listener: (siteId: string, changes: TwinDelta['changes']) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(siteId: string, changes: TwinDelta['changes']): void {
    const state = this.states.get(siteId) ?? {};
    for (const [assetId, metrics] of Object.entries(changes))
      state[assetId] = { ...state[assetId], ...metrics };
    this.states.set(siteId, state);
    for (const listener of this.listeners) listener(siteId, changes);
  }
}

export const fakeIngestStatus: IngestStatusPort = {
  broker: (): Health['broker'] => ({
    url: 'mqtt://127.0.0.1:1883',
    embedded: true,
    connected: true,
  }),
  ingest: (): Health['ingest'] => ({
    messagesPerSecond: 0,
    samplesPerSecond: 0,
    pending: 0,
    lagMs: 0,
    accepted: 0,
    duplicates: 0,
    rejected: {},
  }),
};
