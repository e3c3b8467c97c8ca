import { defaultRulesFor, reviseRule } from '@twinhelm/alarms';
import type {
  AlarmRule,
  AlarmRuleChangeResponse,
  AlarmRuleOverride,
  Principal,
} from '@twinhelm/contracts';
import { badRequest } from '../../http/http-error';
import { actorOf } from '../../services/audit';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { resolveOrRefuse, withOverride } from '../resolve-or-refuse';
import { recordRuleChange } from '../record-rule-change';
import { latestVersions, overridesOf } from '../rule-store';
import { findAlarmAsset, loadSiteAlarmAssets } from '../site-alarm-assets';

/** A stored change or revert of one rule (AlarmRuleChangeResponseSchema in contracts). */
export type AlarmRuleChange = AlarmRuleChangeResponse;

/**
 * Overrides one rule of one asset (replaces its default or a previous override, or adds a new
 * rule): checked against the site's assets and the whole resolved rule set, then stored as a
 * new version (never in place) and audited as alarm-rule.change with before and after.
 */
export async function putAlarmRule(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string; override: AlarmRuleOverride },
): Promise<AlarmRuleChange> {
  requirePermission(principal, 'alarm-rules:manage');
  const { siteId, override } = input;
  const assets = await loadSiteAlarmAssets(deps, siteId);
  const asset = findAlarmAsset(assets, siteId, override.assetId);
  const ruleId = override.rule.id;
  const latest = await latestVersions(deps.prisma, siteId);
  const stored = latest.get(`${asset.id}/${ruleId}`);
  const before = stored
    ? stored.rule
    : (defaultRulesFor(asset).find((r) => r.id === ruleId) ?? null);
  const actor = actorOf(principal);
  const at = deps.clock();
  let after: AlarmRule;
  if (before) {
    const revised = reviseRule(before, override.rule, actor, at);
    if (!revised.ok)
      throw badRequest(`${asset.id}: ${revised.error}`, [{ path: 'rule', message: revised.error }]);
    after = revised.rule;
  } else {
    after = { ...override.rule, version: 1, changedBy: actor, changedAt: at };
  }
  resolveOrRefuse(
    assets,
    withOverride(overridesOf(latest), asset.id, ruleId, { assetId: asset.id, rule: after }),
    `rule "${ruleId}" of ${asset.id}`,
  );
  const version = await recordRuleChange(deps.prisma, {
    siteId,
    assetId: asset.id,
    ruleId,
    before,
    after,
    reverted: false,
    actor,
    at,
  });
  await deps.onAlarmRulesChanged?.(siteId);
  return { siteId, assetId: asset.id, ruleId, version, before, after, reverted: false };
}
