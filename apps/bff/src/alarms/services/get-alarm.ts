import type { AlarmDetailResponse, Principal } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { alarmEventOf } from './alarm-event-rows';
import { findAlarm, siteAlarms } from './site-alarms';

/** Events an alarm's detail carries; older ones through GET alarm-events?key=. */
export const DETAIL_EVENTS = 200;

/** One alarm as the engine holds it, with its newest stored events (newest first). */
export async function getAlarm(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; key: string },
): Promise<AlarmDetailResponse> {
  requirePermission(principal, 'alarm:read');
  const view = await siteAlarms(deps, input.siteId);
  const alarm = findAlarm(view, input.siteId, input.key);
  const rows = await deps.prisma.alarmEvent.findMany({
    where: { siteId: input.siteId, alarmKey: alarm.key },
    orderBy: { id: 'desc' },
    take: DETAIL_EVENTS,
  });
  return { alarm, events: rows.map(alarmEventOf) };
}
