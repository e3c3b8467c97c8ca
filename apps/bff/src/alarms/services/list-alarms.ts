import {
  ALARM_PRIORITIES,
  ANNOUNCED_STATES,
  type AlarmListQuery,
  type AlarmListResponse,
  type AlarmView,
  type Principal,
} from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { siteAlarms } from './site-alarms';

function matchesState(alarm: AlarmView, state: AlarmListQuery['state']): boolean {
  if (state === undefined) return alarm.state !== 'normal';
  if (state === 'all') return true;
  if (state === 'announced') return ANNOUNCED_STATES.includes(alarm.state);
  return alarm.state === state;
}

const rank = (alarm: AlarmView): number => ALARM_PRIORITIES.indexOf(alarm.priority);
const time = (alarm: AlarmView): number =>
  alarm.announcedAt ?? alarm.activeSince ?? alarm.updatedAt;

/** Priority first (critical on top), then the newest announcement or activation. */
export function byPriorityThenTime(a: AlarmView, b: AlarmView): number {
  return rank(a) - rank(b) || time(b) - time(a) || a.key.localeCompare(b.key);
}

/**
 * The site's alarms as the engine holds them, filtered (default: every alarm not in normal),
 * ordered by priority then time, with the root-cause groups that touch them, the counts per
 * state over the whole site and the flood state.
 */
export async function listAlarms(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; query: AlarmListQuery },
): Promise<AlarmListResponse> {
  requirePermission(principal, 'alarm:read');
  const view = await siteAlarms(deps, input.siteId);
  const { state, priority, assetId } = input.query;
  const alarms = view.alarms
    .filter(
      (a) =>
        matchesState(a, state) &&
        (priority === undefined || a.priority === priority) &&
        (assetId === undefined || a.assetId === assetId),
    )
    .sort(byPriorityThenTime);
  const listed = new Set(alarms.map((a) => a.key));
  const groups = view.groups.filter(
    (g) => listed.has(g.parentKey) || g.childKeys.some((k) => listed.has(k)),
  );
  return {
    siteId: input.siteId,
    seq: view.seq,
    at: view.at,
    alarms,
    groups,
    counts: view.counts,
    flood: view.flood,
  };
}
