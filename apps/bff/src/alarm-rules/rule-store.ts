import { AlarmRuleSchema, type AlarmRule, type AlarmRuleOverride } from '@twinhelm/contracts';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/http-error';

/** One stored version of an asset's rule override (a row of alarm_rule_version). */
export interface RuleVersion {
  assetId: string;
  ruleId: string;
  version: number;
  /** The rule in effect from this version; null when a revert removed an added rule. */
  rule: AlarmRule | null;
  reverted: boolean;
  changedBy: string;
  changedAt: number;
}

type Db =
  Pick<PrismaClient, 'alarmRuleVersion'> | Pick<Prisma.TransactionClient, 'alarmRuleVersion'>;

interface Row {
  assetId: string;
  ruleId: string;
  version: number;
  rule: Prisma.JsonValue;
  reverted: boolean;
  changedBy: string;
  changedAt: Date;
}

function versionOf(row: Row): RuleVersion {
  return {
    assetId: row.assetId,
    ruleId: row.ruleId,
    version: row.version,
    rule: row.rule === null ? null : AlarmRuleSchema.parse(row.rule),
    reverted: row.reverted,
    changedBy: row.changedBy,
    changedAt: row.changedAt.getTime(),
  };
}

const key = (assetId: string, ruleId: string) => `${assetId}/${ruleId}`;

/** The newest version of every (asset, rule) of a site that has one, by `<assetId>/<ruleId>`. */
export async function latestVersions(db: Db, siteId: string): Promise<Map<string, RuleVersion>> {
  const rows = await db.alarmRuleVersion.findMany({
    where: { siteId },
    orderBy: [{ assetId: 'asc' }, { ruleId: 'asc' }, { version: 'asc' }],
  });
  const latest = new Map<string, RuleVersion>();
  for (const row of rows) latest.set(key(row.assetId, row.ruleId), versionOf(row));
  return latest;
}

/** The overrides in effect: the rule of each newest version that has one. */
export function overridesOf(latest: Map<string, RuleVersion>): AlarmRuleOverride[] {
  return [...latest.values()].flatMap((v) =>
    v.rule ? [{ assetId: v.assetId, rule: v.rule }] : [],
  );
}

/** Every version of one asset's rule, oldest first. */
export async function ruleHistory(
  db: Db,
  siteId: string,
  assetId: string,
  ruleId: string,
): Promise<RuleVersion[]> {
  const rows = await db.alarmRuleVersion.findMany({
    where: { siteId, assetId, ruleId },
    orderBy: { version: 'asc' },
  });
  return rows.map(versionOf);
}

/** Appends the next version (previous + 1, or 1) of an asset's rule; never updates a row. */
export async function appendVersion(
  db: Db,
  siteId: string,
  next: Omit<RuleVersion, 'version'>,
): Promise<RuleVersion> {
  const last = await db.alarmRuleVersion.findFirst({
    where: { siteId, assetId: next.assetId, ruleId: next.ruleId },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  const row = await db.alarmRuleVersion
    .create({
      data: {
        siteId,
        assetId: next.assetId,
        ruleId: next.ruleId,
        version,
        rule: next.rule === null ? Prisma.DbNull : (next.rule as unknown as Prisma.InputJsonObject),
        reverted: next.reverted,
        changedBy: next.changedBy,
        changedAt: new Date(next.changedAt),
      },
    })
    .catch((error: unknown) => {
      // another change of the same rule took this version number first
      if (isUniqueViolation(error)) {
        throw new HttpError(
          409,
          'conflict',
          `${next.assetId}/${next.ruleId}: changed by someone else meanwhile (version ${version} exists): reload the rule and apply your change again`,
        );
      }
      throw error;
    });
  return versionOf(row);
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
