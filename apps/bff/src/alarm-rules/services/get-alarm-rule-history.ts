import { defaultRulesFor, type AlarmAsset } from '@twinhelm/alarms';
import type { AlarmRuleHistoryResponse, Principal } from '@twinhelm/contracts';
import { notFound } from '../../http/http-error';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { didYouMean } from '../../text/nearest-ids';
import { ruleHistory } from '../rule-store';
import { findAlarmAsset, loadSiteAlarmAssets } from '../site-alarm-assets';

/** The default and every stored version of a rule (AlarmRuleHistoryResponseSchema). */
export type AlarmRuleHistory = AlarmRuleHistoryResponse;

/** A 404 for a rule id the asset neither has by default nor ever had overridden. */
export function unknownRule(
  asset: AlarmAsset,
  ruleId: string,
  storedRuleIds: Iterable<string>,
): Error {
  const ids = new Set([...defaultRulesFor(asset).map((r) => r.id), ...storedRuleIds]);
  const hint = didYouMean(ruleId, ids);
  return notFound(
    `${asset.id} has no alarm rule "${ruleId}"${hint || ` (its rules: ${[...ids].join(', ')})`}`,
  );
}

/** Every stored version of one asset's rule, with the default it started from. */
export async function getAlarmRuleHistory(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string; assetId: string; ruleId: string },
): Promise<AlarmRuleHistory> {
  requirePermission(principal, 'alarm-rules:read');
  const assets = await loadSiteAlarmAssets(deps, input.siteId);
  const asset = findAlarmAsset(assets, input.siteId, input.assetId);
  const fallback = defaultRulesFor(asset).find((r) => r.id === input.ruleId) ?? null;
  const versions = await ruleHistory(deps.prisma, input.siteId, asset.id, input.ruleId);
  if (!fallback && versions.length === 0) {
    const others = await deps.prisma.alarmRuleVersion.findMany({
      where: { siteId: input.siteId, assetId: asset.id },
      distinct: ['ruleId'],
      select: { ruleId: true },
    });
    throw unknownRule(
      asset,
      input.ruleId,
      others.map((o) => o.ruleId),
    );
  }
  return {
    siteId: input.siteId,
    assetId: asset.id,
    ruleId: input.ruleId,
    default: fallback,
    versions,
  };
}
