import type { AlarmPriority } from '@twinhelm/contracts';
import type { AssetVisual } from '../geometry/asset-visual';
import type { AlarmBadge, AssetMatchReport } from '../scene-api';
import { emptyReport, noteUnknown } from '../state/match-report';
import { ALARM_BADGE_STYLE, isAlarmPriority } from './badge-style';

/** One badge to draw: the request resolved against the network, merged per asset. */
export interface BadgeEntry {
  readonly assetId: string;
  readonly visual: AssetVisual;
  priority: AlarmPriority;
  count: number;
  unacknowledged: boolean;
}

/**
 * Resolve requested badges against the loaded network: unknown ids (and entries with a
 * priority that is not one of critical/high/medium/low) are skipped and reported; an asset
 * listed more than once gets one badge with the highest priority, the summed count and
 * "unacknowledged" if any entry is; a count that is not a finite number ≥ 1 counts as 1.
 * The result is in draw order: lowest priority first, so critical badges are drawn on top
 * (and picked first); acknowledged before unacknowledged within a priority.
 */
export function resolveBadges(
  badges: readonly AlarmBadge[],
  assets: ReadonlyMap<string, AssetVisual>,
): { entries: BadgeEntry[]; report: AssetMatchReport } {
  const report = emptyReport();
  const byAsset = new Map<string, BadgeEntry>();
  for (const badge of badges) {
    const visual = assets.get(badge.assetId);
    if (!visual || !isAlarmPriority(badge.priority)) {
      noteUnknown(report, String(badge.assetId));
      continue;
    }
    const count = Number.isFinite(badge.count) ? Math.max(1, Math.floor(badge.count)) : 1;
    const unacknowledged = badge.unacknowledged === true;
    const held = byAsset.get(badge.assetId);
    if (!held) {
      byAsset.set(badge.assetId, {
        assetId: badge.assetId,
        visual,
        priority: badge.priority,
        count,
        unacknowledged,
      });
      continue;
    }
    if (ALARM_BADGE_STYLE[badge.priority].rank > ALARM_BADGE_STYLE[held.priority].rank) {
      held.priority = badge.priority;
    }
    held.count += count;
    held.unacknowledged ||= unacknowledged;
  }
  report.matched = byAsset.size;
  const entries = [...byAsset.values()].sort(
    (a, b) =>
      ALARM_BADGE_STYLE[a.priority].rank - ALARM_BADGE_STYLE[b.priority].rank ||
      Number(a.unacknowledged) - Number(b.unacknowledged),
  );
  return { entries, report };
}
