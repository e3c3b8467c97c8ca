import {
  AssetTypeSchema,
  ValveKindSchema,
  type Asset,
  type AssetWithLatest,
  type TwinState,
} from '@twinhelm/contracts';
import type { Asset as AssetRow } from '../generated/prisma/client';

export const DEFAULT_EXPECTED_INTERVAL_S = 60;
/** An asset silent for longer than this many expected intervals is stale. */
export const STALE_AFTER_INTERVALS = 3;

export function assetFromRow(row: AssetRow): Asset {
  const valveKind = ValveKindSchema.safeParse(row.valveKind);
  return {
    siteId: row.siteId,
    id: row.id,
    type: AssetTypeSchema.parse(row.type),
    ...(valveKind.success ? { valveKind: valveKind.data } : {}),
    ...(row.name ? { name: row.name } : {}),
    position: { x: row.x, y: row.y, z: row.z },
    ...(row.fromId ? { from: row.fromId } : {}),
    ...(row.toId ? { to: row.toId } : {}),
    ...(row.expectedIntervalS ? { expectedIntervalS: row.expectedIntervalS } : {}),
  };
}

/** The asset with its latest values from the twin state and how fresh they are at `now`. */
export function withLatest(asset: Asset, state: TwinState, now: number): AssetWithLatest {
  const latest = state[asset.id] ?? {};
  const times = Object.values(latest).map((m) => m.ts);
  const lastSeenAt = times.length > 0 ? Math.max(...times) : null;
  const intervalMs = (asset.expectedIntervalS ?? DEFAULT_EXPECTED_INTERVAL_S) * 1000;
  const freshness =
    lastSeenAt === null
      ? 'unmeasured'
      : now - lastSeenAt > STALE_AFTER_INTERVALS * intervalMs
        ? 'stale'
        : 'fresh';
  return { ...asset, latest, lastSeenAt, freshness };
}

/** Latest sample time of any asset of the state, or null. */
export function lastSampleAt(state: TwinState): number | null {
  let last: number | null = null;
  for (const metrics of Object.values(state)) {
    for (const m of Object.values(metrics)) if (last === null || m.ts > last) last = m.ts;
  }
  return last;
}
