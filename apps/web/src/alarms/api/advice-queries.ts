import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AlarmAdviceDecisionResponseSchema,
  AlarmAdviceListResponseSchema,
  CreateAlarmAdviceResponseSchema,
  type AlarmAdvice,
  type AlarmAdviceDecisionRequest,
} from '@twinhelm/contracts';
import { apiGet, apiSend } from '../../api/api-client';

const advicePath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/alarm-advice`;

export const adviceKeys = {
  forAlarm: (siteId: string, alarmKey: string) => ['alarm-advice', siteId, alarmKey] as const,
};

/** While a search runs, poll every 2 s; while an approved recommendation awaits its check, every 15 s. */
export function advicePollMs(advice: AlarmAdvice | undefined): number | false {
  if (!advice) return false;
  if (advice.status === 'queued' || advice.status === 'running') return 2000;
  const checkPending = advice.recommendations.some(
    (rec) =>
      rec.decisions.some((d) => d.decision === 'approved') &&
      (rec.check === null || rec.check.verdict === null),
  );
  return checkPending ? 15_000 : false;
}

/** The newest advice asked for this alarm (null when none yet). */
export function latestAdvice(list: readonly AlarmAdvice[]): AlarmAdvice | null {
  return list.reduce<AlarmAdvice | null>(
    (best, a) => (best === null || a.requestedAt > best.requestedAt ? a : best),
    null,
  );
}

export function useAlarmAdvice(siteId: string, alarmKey: string) {
  return useQuery({
    queryKey: adviceKeys.forAlarm(siteId, alarmKey),
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ alarmKey });
      const { advice } = await apiGet(
        `${advicePath(siteId)}?${params.toString()}`,
        AlarmAdviceListResponseSchema,
        signal,
      );
      return latestAdvice(advice);
    },
    refetchInterval: (query) => advicePollMs(query.state.data ?? undefined),
  });
}

export function useRequestAdvice(siteId: string, alarmKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend('POST', advicePath(siteId), { alarmKey }, CreateAlarmAdviceResponseSchema),
    onSettled: () => client.invalidateQueries({ queryKey: adviceKeys.forAlarm(siteId, alarmKey) }),
  });
}

export function useDecideAdvice(siteId: string, alarmKey: string, adviceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlarmAdviceDecisionRequest) =>
      apiSend(
        'POST',
        `${advicePath(siteId)}/${encodeURIComponent(adviceId)}/decision`,
        body,
        AlarmAdviceDecisionResponseSchema,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: adviceKeys.forAlarm(siteId, alarmKey) }),
  });
}
