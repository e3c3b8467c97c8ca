/** Reporting interval assumed for assets that do not declare `expectedIntervalS`. */
export const DEFAULT_EXPECTED_INTERVAL_S = 60;

export type Freshness = 'fresh' | 'stale' | 'unmeasured';

/**
 * Whether an asset is reporting: unmeasured if it never reported, stale if it has been silent
 * for longer than its expected interval, fresh otherwise.
 */
export function freshnessOf(
  lastSeenAt: number | null,
  now: number,
  expectedIntervalS: number = DEFAULT_EXPECTED_INTERVAL_S,
): Freshness {
  if (lastSeenAt === null) return 'unmeasured';
  const intervalMs =
    (expectedIntervalS > 0 ? expectedIntervalS : DEFAULT_EXPECTED_INTERVAL_S) * 1000;
  return now - lastSeenAt > intervalMs ? 'stale' : 'fresh';
}

/** "just now", "12 s ago", "4 min ago", "3 h ago", "2 d ago"; "in the future" for clock skew. */
export function formatAge(ageMs: number): string {
  if (!Number.isFinite(ageMs)) return 'unknown';
  if (ageMs < -5_000) return 'in the future';
  const s = Math.max(0, Math.floor(ageMs / 1000));
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** The newest sample time across an asset's metrics, or null when it has none. */
export function lastSampleAt(latest: Readonly<Record<string, { ts: number }>>): number | null {
  let newest: number | null = null;
  for (const value of Object.values(latest)) {
    if (newest === null || value.ts > newest) newest = value.ts;
  }
  return newest;
}
