import type { TwinDelta, TwinSnapshot } from '@twinhelm/contracts';

/** The in-memory latest state of every site: the hot path between ingest and clients. */
export interface TwinStatePort {
  /** The whole latest state of a site with its current version (empty state if none yet). */
  snapshot(siteId: string): TwinSnapshot;
  /**
   * Called after each durable batch is applied, once per changed site, with only the values
   * that became newer (an out-of-order older sample never changes the latest state).
   */
  onChange(listener: (siteId: string, changes: TwinDelta['changes']) => void): () => void;
}
