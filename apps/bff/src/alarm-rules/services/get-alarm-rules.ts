import { resolveSiteRules, type AssetRules } from '@twinhelm/alarms';
import type { EffectiveAlarmRule, Principal, SiteAlarmRulesResponse } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { latestVersions, overridesOf, type RuleVersion } from '../rule-store';
import { loadSiteAlarmAssets } from '../site-alarm-assets';

/** One effective rule and where it comes from (EffectiveAlarmRuleSchema in contracts). */
export type EffectiveRule = EffectiveAlarmRule;
/** The answer of GET /api/sites/:siteId/alarm-rules (SiteAlarmRulesResponseSchema). */
export type SiteAlarmRules = SiteAlarmRulesResponse;

function sourceOf(v: RuleVersion | undefined): EffectiveRule['source'] {
  if (!v) return 'default';
  return v.reverted ? 'reverted' : 'override';
}

/**
 * The effective rules of a site (type defaults plus stored overrides) and the newest stored
 * version of each overridden rule; also what the alarm engine runs (src/alarms).
 */
export async function loadEffectiveRules(
  deps: Pick<ServiceDeps, 'prisma'>,
  siteId: string,
): Promise<{ assets: AssetRules[]; latest: Map<string, RuleVersion> }> {
  const assets = await loadSiteAlarmAssets(deps, siteId);
  const latest = await latestVersions(deps.prisma, siteId);
  // Overrides of assets a later import removed are kept in the history but not applied.
  const known = new Set(assets.map((a) => a.id));
  const overrides = overridesOf(latest).filter((o) => known.has(o.assetId));
  const resolved = resolveSiteRules(assets, overrides);
  if (!resolved.ok)
    throw new Error(
      `${siteId}: the stored alarm rules no longer resolve : ${resolved.errors.join('; ')}`,
    );
  return { assets: resolved.assets, latest };
}

/** The effective alarm rules of every asset of a site: type defaults plus stored overrides. */
export async function getAlarmRules(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<SiteAlarmRules> {
  requirePermission(principal, 'alarm-rules:read');
  const resolved = await loadEffectiveRules(deps, input.siteId);
  const { latest } = resolved;
  return {
    siteId: input.siteId,
    assets: resolved.assets.map((a) => ({
      assetId: a.assetId,
      assetType: a.assetType,
      rules: a.rules.map((rule) => {
        const v = latest.get(`${a.assetId}/${rule.id}`);
        return {
          rule,
          source: sourceOf(v),
          override: v
            ? { version: v.version, changedBy: v.changedBy, changedAt: v.changedAt }
            : null,
        };
      }),
    })),
  };
}
