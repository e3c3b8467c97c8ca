import type { AlarmEventRecord } from '@twinhelm/contracts';
import type { PrismaClient } from '../../generated/prisma/client';
import { alarmEventOf, type AlarmEventRow } from './alarm-event-rows';

/**
 * The records computeAlarmKpis needs for [from, to): every event of the period, plus, per
 * alarm, the earlier events that set the state the period starts in: from its last
 * condition_active before `from` (when the condition was still active then) or its last
 * announcement before `from` (to see whether it was acknowledged), whichever is earlier.
 */
export async function kpiRecords(
  prisma: PrismaClient,
  siteId: string,
  from: number,
  to: number,
): Promise<AlarmEventRecord[]> {
  const before = await prisma.$queryRaw<AlarmEventRow[]>`
    SELECT e.id, e.alarm_key AS "alarmKey", e.asset_id AS "assetId", e.rule_id AS "ruleId",
           e.rule_version AS "ruleVersion", e.kind, e.priority, e.from_state AS "fromState",
           e.to_state AS "toState", e.event, e.who, e.at, e.why, e.announced, e.values
    FROM (
      SELECT k.key, LEAST(CASE WHEN c.event = 'condition_active' THEN c.id END, a.id) AS anchor
      FROM alarm k
      LEFT JOIN LATERAL (
        SELECT x.id, x.event FROM alarm_event x
        WHERE x.site_id = k.site_id AND x.alarm_key = k.key
          AND x.at < ${new Date(from)}::timestamptz
          AND x.event IN ('condition_active', 'condition_clear')
        ORDER BY x.id DESC LIMIT 1
      ) c ON true
      LEFT JOIN LATERAL (
        SELECT x.id FROM alarm_event x
        WHERE x.site_id = k.site_id AND x.alarm_key = k.key
          AND x.at < ${new Date(from)}::timestamptz AND x.announced
        ORDER BY x.id DESC LIMIT 1
      ) a ON true
      WHERE k.site_id = ${siteId}
    ) anchors
    JOIN alarm_event e ON e.site_id = ${siteId} AND e.alarm_key = anchors.key
      AND e.id >= anchors.anchor AND e.at < ${new Date(from)}::timestamptz
    ORDER BY e.at, e.id`;
  const during = await prisma.alarmEvent.findMany({
    where: { siteId, at: { gte: new Date(from), lt: new Date(to) } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  return [...before, ...during].map(alarmEventOf);
}

/** Share of [from, to) the site spent in flood (stored floods; an ongoing one up to `now`), and floods begun in it. */
export async function floodsWithin(
  prisma: PrismaClient,
  siteId: string,
  period: { from: number; to: number; now: number },
): Promise<{ share: number; begun: number }> {
  const { from, to, now } = period;
  const rows = await prisma.alarmFlood.findMany({
    where: {
      siteId,
      startedAt: { lt: new Date(to) },
      OR: [{ endedAt: null }, { endedAt: { gt: new Date(from) } }],
    },
    select: { startedAt: true, endedAt: true },
  });
  let inFloodMs = 0;
  let begun = 0;
  for (const row of rows) {
    const start = row.startedAt.getTime();
    const end = row.endedAt?.getTime() ?? Math.max(start, now);
    inFloodMs += Math.max(0, Math.min(end, to) - Math.max(start, from));
    if (start >= from) begun++;
  }
  return { share: inFloodMs / (to - from), begun };
}
