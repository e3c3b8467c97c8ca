import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AlarmRuleChangeResponseSchema,
  AlarmRuleHistoryResponseSchema,
  SiteAlarmRulesResponseSchema,
  type AlarmRuleChangeResponse,
  type AlarmRuleOverride,
} from '@twinhelm/contracts';
import { apiGet, apiSend } from '../../api/api-client';

const rulesPath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/alarm-rules`;
const rulePath = (siteId: string, assetId: string, ruleId: string) =>
  `${rulesPath(siteId)}/${encodeURIComponent(assetId)}/${encodeURIComponent(ruleId)}`;

export const alarmRuleKeys = {
  site: (siteId: string) => ['alarm-rules', siteId] as const,
  history: (siteId: string, assetId: string, ruleId: string) =>
    ['alarm-rule-history', siteId, assetId, ruleId] as const,
};

/** Every asset's effective rules (defaults plus overrides, with versions). */
export function useSiteAlarmRules(siteId: string) {
  return useQuery({
    queryKey: alarmRuleKeys.site(siteId),
    queryFn: ({ signal }) => apiGet(rulesPath(siteId), SiteAlarmRulesResponseSchema, signal),
  });
}

/** One rule's default and every stored version (null ids: nothing asked). */
export function useAlarmRuleHistory(siteId: string, assetId: string | null, ruleId: string | null) {
  return useQuery({
    queryKey: alarmRuleKeys.history(siteId, assetId ?? '', ruleId ?? ''),
    queryFn: ({ signal }) =>
      apiGet(rulePath(siteId, assetId ?? '', ruleId ?? ''), AlarmRuleHistoryResponseSchema, signal),
    enabled: assetId !== null && ruleId !== null,
  });
}

/** After a change: the site's rules and that rule's history are stale. */
function useRefreshAfter(siteId: string) {
  const client = useQueryClient();
  return (change: AlarmRuleChangeResponse) =>
    Promise.all([
      client.invalidateQueries({ queryKey: alarmRuleKeys.site(siteId) }),
      client.invalidateQueries({
        queryKey: alarmRuleKeys.history(siteId, change.assetId, change.ruleId),
      }),
    ]);
}

/** PUT one override: stored as the next version (400 with the problems, 409 when raced). */
export function useSaveAlarmRule(siteId: string) {
  const refresh = useRefreshAfter(siteId);
  return useMutation({
    mutationFn: (override: AlarmRuleOverride) =>
      apiSend('PUT', rulesPath(siteId), override, AlarmRuleChangeResponseSchema),
    onSuccess: refresh,
  });
}

/** DELETE: revert one asset's rule to its default (409 when it already is). */
export function useRevertAlarmRule(siteId: string) {
  const refresh = useRefreshAfter(siteId);
  return useMutation({
    mutationFn: ({ assetId, ruleId }: { assetId: string; ruleId: string }) =>
      apiSend(
        'DELETE',
        rulePath(siteId, assetId, ruleId),
        undefined,
        AlarmRuleChangeResponseSchema,
      ),
    onSuccess: refresh,
  });
}
