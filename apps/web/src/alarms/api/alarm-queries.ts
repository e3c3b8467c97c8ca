import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AlarmActionResponseSchema,
  AlarmBulkActionResponseSchema,
  AlarmDetailResponseSchema,
  AlarmListResponseSchema,
  TelemetrySeriesSchema,
  type AlarmAction,
  type AlarmView,
} from '@twinhelm/contracts';
import { apiGet, apiSend } from '../../api/api-client';

const sitePath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** /api/sites/:siteId/alarms/:assetId/:ruleId for an alarm key `<assetId>/<ruleId>`. */
export function alarmPath(siteId: string, key: string): string {
  const slash = key.indexOf('/');
  const assetId = slash === -1 ? key : key.slice(0, slash);
  const ruleId = slash === -1 ? '' : key.slice(slash + 1);
  return `${sitePath(siteId)}/alarms/${encodeURIComponent(assetId)}/${encodeURIComponent(ruleId)}`;
}

export const alarmKeys = {
  detail: (siteId: string, key: string) => ['alarm', siteId, key] as const,
};

export function fetchAlarmList(siteId: string, signal: AbortSignal) {
  return apiGet(`${sitePath(siteId)}/alarms`, AlarmListResponseSchema, signal);
}

/**
 * One alarm with its events. `revision` (the alarm's updatedAt in the live list) is part of
 * the key, so the panel refetches whenever the alarm changes and keeps the last answer meanwhile.
 */
export function useAlarmDetail(siteId: string, key: string, revision: number | null) {
  return useQuery({
    queryKey: [...alarmKeys.detail(siteId, key), revision],
    queryFn: ({ signal }) => apiGet(alarmPath(siteId, key), AlarmDetailResponseSchema, signal),
    placeholderData: (previous) => previous,
  });
}

/** One action on one alarm; `onActed` hears the alarm as the server left it. */
export function useAlarmAction(siteId: string, onActed: (alarm: AlarmView) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, action }: { key: string; action: AlarmAction }) =>
      apiSend('POST', `${alarmPath(siteId, key)}/actions`, action, AlarmActionResponseSchema),
    onSuccess: ({ alarm }) => onActed(alarm),
    onSettled: (_data, _error, { key }) =>
      client.invalidateQueries({ queryKey: alarmKeys.detail(siteId, key) }),
  });
}

/** One action on several alarms (a root-cause group): the server answers per alarm. */
export function useBulkAlarmAction(siteId: string, onActed: (alarm: AlarmView) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ keys, action }: { keys: string[]; action: AlarmAction }) =>
      apiSend(
        'POST',
        `${sitePath(siteId)}/alarms/actions`,
        { keys, action },
        AlarmBulkActionResponseSchema,
      ),
    onSuccess: ({ results }) => {
      for (const result of results) if (result.ok) onActed(result.alarm);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['alarm', siteId] }),
  });
}

/** A metric of an asset between two times (server-downsampled), for the alarm's trend. */
export function useAlarmTrendHistory(
  siteId: string,
  assetId: string,
  metric: string | null,
  from: number,
  to: number,
) {
  return useQuery({
    queryKey: ['alarm-trend', siteId, assetId, metric, from, to],
    enabled: metric !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        metric: metric ?? '',
        from: String(from),
        to: String(to),
        maxPoints: '240',
      });
      return apiGet(
        `${sitePath(siteId)}/assets/${encodeURIComponent(assetId)}/telemetry?${params.toString()}`,
        TelemetrySeriesSchema,
        signal,
      );
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
