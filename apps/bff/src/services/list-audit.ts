import type { AuditPage, AuditQuery, Principal } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { requirePermission } from './require-permission';

/** The audit log, newest first, optionally one action. */
export async function listAudit(
  deps: ServiceDeps,
  principal: Principal,
  query: AuditQuery,
): Promise<AuditPage> {
  requirePermission(principal, 'audit:read');
  const rows = await deps.prisma.auditLog.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.getTime(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      detail:
        typeof r.detail === 'object' && r.detail !== null && !Array.isArray(r.detail)
          ? (r.detail as Record<string, unknown>)
          : {},
    })),
    nextCursor: rows.length > query.limit && last ? last.id.toString() : null,
  };
}
