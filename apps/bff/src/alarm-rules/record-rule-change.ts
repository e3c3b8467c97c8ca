import type { AlarmRule } from '@twinhelm/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { appendAudit } from '../services/audit';
import { appendVersion } from './rule-store';

export interface RuleChange {
  siteId: string;
  assetId: string;
  ruleId: string;
  before: AlarmRule | null;
  /** The rule in force after the change (null: a revert that removes an added rule). */
  after: AlarmRule | null;
  reverted: boolean;
  actor: string;
  at: number;
}

const asJson = (rule: AlarmRule | null) => rule as unknown as Prisma.InputJsonObject | null;

/**
 * Stores a change of one rule as its next version and audits it (`alarm-rule.change` with
 * before/after), in one transaction. Returns the stored version.
 */
export async function recordRuleChange(prisma: PrismaClient, change: RuleChange): Promise<number> {
  const { siteId, assetId, ruleId, before, after, reverted, actor, at } = change;
  return prisma.$transaction(async (tx) => {
    const row = await appendVersion(tx, siteId, {
      assetId,
      ruleId,
      rule: after,
      reverted,
      changedBy: actor,
      changedAt: at,
    });
    await appendAudit(tx, {
      actor,
      action: 'alarm-rule.change',
      target: `${siteId}/${assetId}/${ruleId}`,
      detail: {
        siteId,
        assetId,
        ruleId,
        version: row.version,
        ...(reverted ? { reverted: true } : {}),
        before: asJson(before),
        after: asJson(after),
      },
    });
    return row.version;
  });
}
