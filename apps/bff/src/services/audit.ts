import type { Principal } from '@twinhelm/contracts';
import type { Prisma } from '../generated/prisma/client';

/** The audit log is append-only (a trigger refuses UPDATE/DELETE): this only ever inserts. */
export interface AuditRecord {
  actor: string;
  action: string;
  target?: string;
  detail?: Prisma.InputJsonObject;
}

export type AuditWriter = {
  auditLog: { create(args: { data: Prisma.AuditLogCreateInput }): Promise<unknown> };
};

export async function appendAudit(db: AuditWriter, record: AuditRecord): Promise<void> {
  await db.auditLog.create({
    data: {
      actor: record.actor,
      action: record.action,
      target: record.target ?? null,
      detail: record.detail ?? {},
    },
  });
}

/** How a principal appears in the audit log: users by username, tokens as `token:<name>`. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'token' ? `token:${principal.name}` : principal.name;
}
