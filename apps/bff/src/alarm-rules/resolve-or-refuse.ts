import { resolveSiteRules, type AlarmAsset, type AssetRules } from '@twinhelm/alarms';
import type { AlarmRuleOverride } from '@twinhelm/contracts';
import { badRequest } from '../http/http-error';

/**
 * The site's effective rules with these overrides, or a 400 whose message is the first
 * problem and whose details list them all (one sentence each, as resolveSiteRules words them).
 */
export function resolveOrRefuse(
  assets: readonly AlarmAsset[],
  overrides: readonly AlarmRuleOverride[],
  what: string,
): AssetRules[] {
  const resolved = resolveSiteRules(assets, overrides);
  if (resolved.ok) return resolved.assets;
  const [first] = resolved.errors;
  const more = resolved.errors.length > 1 ? ` (and ${resolved.errors.length - 1} more)` : '';
  throw badRequest(
    `${what} refused, nothing stored: ${first ?? 'the rules do not resolve'}${more}`,
    resolved.errors.map((message) => ({ path: 'rule', message })),
  );
}

/** Replaces (or adds) the override of one asset's rule in a list of overrides. */
export function withOverride(
  overrides: readonly AlarmRuleOverride[],
  assetId: string,
  ruleId: string,
  next: AlarmRuleOverride | null,
): AlarmRuleOverride[] {
  const others = overrides.filter((o) => o.assetId !== assetId || o.rule.id !== ruleId);
  return next ? [...others, next] : others;
}
