import {
  RejectReasonSchema,
  type Principal,
  type RejectedMessage,
  type RejectedQuery,
} from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { requirePermission } from './require-permission';

export interface RejectedList {
  counts: Record<string, Record<string, number>>;
  messages: RejectedMessage[];
  nextCursor: string | null;
}

/** Sites without a parsable site id are counted under this key. */
export const NO_SITE = '(none)';

/** Rejected telemetry, newest first, with counts per site and reason over the whole table. */
export async function listRejected(
  deps: ServiceDeps,
  principal: Principal,
  query: RejectedQuery,
): Promise<RejectedList> {
  requirePermission(principal, 'rejected:read');
  const where = query.siteId ? { siteId: query.siteId } : {};
  const [groups, rows] = await Promise.all([
    deps.prisma.rejectedMessage.groupBy({
      by: ['siteId', 'reason'],
      where,
      _count: { _all: true },
    }),
    deps.prisma.rejectedMessage.findMany({
      where: { ...where, ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}) },
      orderBy: { id: 'desc' },
      take: query.limit + 1,
    }),
  ]);
  const counts: Record<string, Record<string, number>> = {};
  for (const g of groups) {
    const site = (counts[g.siteId ?? NO_SITE] ??= {});
    site[g.reason] = (site[g.reason] ?? 0) + g._count._all;
  }
  const page = rows.slice(0, query.limit);
  const messages = page.map((r) => ({
    id: r.id.toString(),
    receivedAt: r.receivedAt.getTime(),
    siteId: r.siteId,
    assetId: r.assetId,
    topic: r.topic,
    reason: RejectReasonSchema.catch('bad_shape').parse(r.reason),
    detail: r.detail,
    payload: r.payload.slice(0, 2048),
  }));
  const last = page[page.length - 1];
  return {
    counts,
    messages,
    nextCursor: rows.length > query.limit && last ? last.id.toString() : null,
  };
}
