import type { AlarmView } from '@twinhelm/contracts';
import type { BookUpdate } from '@twinhelm/alarms';
import type { PrismaClient } from '../../../generated/prisma/client';

/**
 * Stores what the fake engine changed the way the real engine does (alarm rows + append-only
 * events in one transaction), so history and KPI queries have rows to read.
 */
export function storeBookUpdate(prisma: PrismaClient) {
  return async (siteId: string, update: BookUpdate, views: AlarmView[]): Promise<void> => {
    await prisma.$transaction([
      ...views.map((view) => {
        const row = {
          assetId: view.assetId,
          ruleId: view.ruleId,
          state: view.state,
          priority: view.priority,
          condition: view.condition,
          alarm: JSON.parse(JSON.stringify(view)) as object,
          text: view.text,
          announcedAt: view.announcedAt === null ? null : new Date(view.announcedAt),
          updatedAt: new Date(view.updatedAt),
        };
        return prisma.alarm.upsert({
          where: { siteId_key: { siteId, key: view.key } },
          create: { siteId, key: view.key, ...row },
          update: row,
        });
      }),
      prisma.alarmEvent.createMany({
        data: update.records.map((r) => ({
          siteId,
          alarmKey: r.alarmKey,
          assetId: r.assetId,
          ruleId: r.ruleId,
          ruleVersion: r.ruleVersion,
          kind: r.kind,
          priority: r.priority,
          fromState: r.from,
          toState: r.to,
          event: r.event,
          who: r.who,
          at: new Date(r.when),
          why: r.why,
          announced: r.announced,
          // The fake's updates hold one change per alarm: its values are the condition's.
          ...(r.event.startsWith('condition_')
            ? { values: views.find((v) => v.key === r.alarmKey)?.values ?? {} }
            : {}),
        })),
      }),
    ]);
  };
}
