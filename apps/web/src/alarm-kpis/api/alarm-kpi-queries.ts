import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AlarmKpisResponseSchema } from '@twinhelm/contracts';
import { apiGet } from '../../api/api-client';
import { periodIsLive, periodKey, periodRange, type KpiPeriod } from '../kpi-period';

/** How often figures of a period that reaches the present are asked for again (wall screens). */
export const LIVE_REFRESH_MS = 60_000;

/** /api/sites/:siteId/alarm-kpis?from&to&operators for the period as it stands at `now`. */
export function alarmKpisPath(
  siteId: string,
  period: KpiPeriod,
  operators: number,
  now: number,
): string {
  const { from, to } = periodRange(period, now);
  const params = new URLSearchParams({
    from: String(from),
    to: String(to),
    operators: String(operators),
  });
  return `/api/sites/${encodeURIComponent(siteId)}/alarm-kpis?${params.toString()}`;
}

/**
 * The site's alarm KPIs. A relative period ("last 7 days") is resolved when fetched and asked
 * for again every minute, so a wall screen stays current; the previous figures stay on screen
 * while another period loads.
 */
export function useAlarmKpis(
  siteId: string,
  period: KpiPeriod,
  operators: number,
  clock: () => number = Date.now,
) {
  return useQuery({
    queryKey: ['alarm-kpis', siteId, periodKey(period), operators],
    queryFn: ({ signal }) =>
      apiGet(alarmKpisPath(siteId, period, operators, clock()), AlarmKpisResponseSchema, signal),
    placeholderData: keepPreviousData,
    refetchInterval: () => (periodIsLive(period, clock()) ? LIVE_REFRESH_MS : false),
  });
}
