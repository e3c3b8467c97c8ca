import { defaultRulesFor } from '@twinhelm/alarms';
import type { AlarmRule, Principal } from '@twinhelm/contracts';
import { HttpError } from '../../http/http-error';
import { actorOf } from '../../services/audit';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { resolveOrRefuse, withOverride } from '../resolve-or-refuse';
import { recordRuleChange } from '../record-rule-change';
import { latestVersions, overridesOf } from '../rule-store';
import { findAlarmAsset, loadSiteAlarmAssets } from '../site-alarm-assets';
import { unknownRule } from './get-alarm-rule-history';
import { type AlarmRuleChange } from './put-alarm-rule';

/**
 * Reverts one asset's rule to its type's default (an added rule: removes it) as a new version
 * marked reverted; the default comes back with its version number raised past the override's,
 * so alarms quoting a version always see it grow. Audited as alarm-rule.change.
 */
export async function revertAlarmRule(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string; assetId: string; ruleId: string },
): Promise<AlarmRuleChange> {
  requirePermission(principal, 'alarm-rules:manage');
  const { siteId, ruleId } = input;
  const assets = await loadSiteAlarmAssets(deps, siteId);
  const asset = findAlarmAsset(assets, siteId, input.assetId);
  const latest = await latestVersions(deps.prisma, siteId);
  const stored = latest.get(`${asset.id}/${ruleId}`);
  const fallback = defaultRulesFor(asset).find((r) => r.id === ruleId) ?? null;
  if (!stored) {
    if (fallback)
      throw new HttpError(
        409,
        'conflict',
        `rule "${ruleId}" of ${asset.id} has never been overridden: it is already its default`,
      );
    throw unknownRule(
      asset,
      ruleId,
      [...latest.values()].filter((v) => v.assetId === asset.id).map((v) => v.ruleId),
    );
  }
  if (stored.reverted)
    throw new HttpError(
      409,
      'conflict',
      `rule "${ruleId}" of ${asset.id} was already reverted to its default (version ${stored.version})`,
    );
  const actor = actorOf(principal);
  const at = deps.clock();
  const before = stored.rule;
  const after: AlarmRule | null = fallback
    ? {
        ...fallback,
        version: (before?.version ?? fallback.version) + 1,
        changedBy: actor,
        changedAt: at,
      }
    : null;
  resolveOrRefuse(
    assets,
    withOverride(
      overridesOf(latest),
      asset.id,
      ruleId,
      after ? { assetId: asset.id, rule: after } : null,
    ),
    `reverting rule "${ruleId}" of ${asset.id}`,
  );
  const version = await recordRuleChange(deps.prisma, {
    siteId,
    assetId: asset.id,
    ruleId,
    before,
    after,
    reverted: true,
    actor,
    at,
  });
  await deps.onAlarmRulesChanged?.(siteId);
  return { siteId, assetId: asset.id, ruleId, version, before, after, reverted: true };
}
