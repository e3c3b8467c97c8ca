import { resolveSiteRules } from '@twinhelm/alarms';
import type { AlarmRule, AssetType, Principal } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { latestVersions, overridesOf, type RuleVersion } from '../rule-store';
import { loadSiteAlarmAssets } from '../site-alarm-assets';

/** One effective rule and where it comes from. */
export interface EffectiveRule {
  rule: AlarmRule;
  /** default: built in; override: a stored version; reverted: a stored revert to the default. */
  source: 'default' | 'override' | 'reverted';
  /** The newest stored version of this asset's rule, null for an untouched default. */
  override: { version: number; changedBy: string; changedAt: number } | null;
}

export interface SiteAlarmRules {
  siteId: string;
  assets: { assetId: string; assetType: AssetType; rules: EffectiveRule[] }[];
}

function sourceOf(v: RuleVersion | undefined): EffectiveRule['source'] {
  if (!v) return 'default';
  return v.reverted ? 'reverted' : 'override';
}

/** The effective alarm rules of every asset of a site: type defaults plus stored overrides. */
export async function getAlarmRules(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<SiteAlarmRules> {
  requirePermission(principal, 'alarm-rules:read');
  const assets = await loadSiteAlarmAssets(deps, input.siteId);
  const latest = await latestVersions(deps.prisma, input.siteId);
  // Overrides of assets a later import removed are kept in the history but not applied.
  const known = new Set(assets.map((a) => a.id));
  const overrides = overridesOf(latest).filter((o) => known.has(o.assetId));
  const resolved = resolveSiteRules(assets, overrides);
  if (!resolved.ok)
    throw new Error(
      `${input.siteId}: the stored alarm rules no longer resolve : ${resolved.errors.join('; ')}`,
    );
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
