import type { AlarmEventsQuery, AlarmEventsResponse, Principal } from '@twinhelm/contracts';
import { badRequest } from '../../http/http-error';
import { loadSite } from '../../services/load-site';
import { requirePermission } from '../../services/require-permission';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { alarmEventOf } from './alarm-event-rows';
import { unknownAlarm } from './site-alarms';

const iso = (ms: number): string => new Date(ms).toISOString();

/** 404 naming the nearest stored alarm keys when the site never had an alarm with this key. */
async function requireStoredAlarm(
  deps: AlarmServiceDeps,
  siteId: string,
  key: string,
): Promise<void> {
  const found = await deps.prisma.alarm.findUnique({
    where: { siteId_key: { siteId, key } },
    select: { key: true },
  });
  if (found) return;
  const keys = await deps.prisma.alarm.findMany({ where: { siteId }, select: { key: true } });
  throw unknownAlarm(
    siteId,
    key,
    keys.map((k) => k.key),
  );
}

/**
 * The site's alarm history from PostgreSQL (the append-only alarm_event), newest first, optionally
 * one alarm and a time window [from, to); paged by `before` (the previous page's `next`).
 */
export async function queryAlarmEvents(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; query: AlarmEventsQuery },
): Promise<AlarmEventsResponse> {
  requirePermission(principal, 'alarm:read');
  const { siteId, query } = input;
  await loadSite(deps, siteId);
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to)
    throw badRequest(
      `from (${iso(query.from)}) must be before to (${iso(query.to)}): swap them or widen the window`,
      [{ path: 'from', message: 'must be before to' }],
    );
  if (query.key !== undefined) await requireStoredAlarm(deps, siteId, query.key);
  const rows = await deps.prisma.alarmEvent.findMany({
    where: {
      siteId,
      ...(query.key === undefined ? {} : { alarmKey: query.key }),
      ...(query.from === undefined && query.to === undefined
        ? {}
        : {
            at: {
              ...(query.from === undefined ? {} : { gte: new Date(query.from) }),
              ...(query.to === undefined ? {} : { lt: new Date(query.to) }),
            },
          }),
      ...(query.before === undefined ? {} : { id: { lt: BigInt(query.before) } }),
    },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    events: page.map(alarmEventOf),
    next: rows.length > query.limit && last ? last.id.toString() : null,
  };
}
