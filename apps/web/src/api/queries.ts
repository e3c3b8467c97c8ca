import { useQuery } from '@tanstack/react-query';
import {
  AssetListSchema,
  MeSchema,
  NetworkModelSchema,
  SiteListSchema,
  SiteSummarySchema,
  TelemetrySeriesSchema,
} from '@twinhelm/contracts';
import { apiGet } from './api-client';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

export const TREND_WINDOW_MS = 6 * 3_600_000;
export const TREND_MAX_POINTS = 360;

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => apiGet('/api/me', MeSchema, signal),
    staleTime: 300_000,
  });
}

export function useSites() {
  return useQuery({
    queryKey: ['sites'],
    queryFn: ({ signal }) => apiGet('/api/sites', SiteListSchema, signal),
  });
}

export function useSite(siteId: string) {
  return useQuery({
    queryKey: ['site', siteId],
    queryFn: ({ signal }) => apiGet(site(siteId), SiteSummarySchema, signal),
  });
}

export function useNetwork(siteId: string) {
  return useQuery({
    queryKey: ['network', siteId],
    queryFn: ({ signal }) => apiGet(`${site(siteId)}/network`, NetworkModelSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The asset list with latest values; refreshed every minute for freshness, live values come by socket. */
export function useAssets(siteId: string) {
  return useQuery({
    queryKey: ['assets', siteId],
    queryFn: ({ signal }) => apiGet(`${site(siteId)}/assets`, AssetListSchema, signal),
    refetchInterval: 60_000,
  });
}

/** The last 6 hours of one metric, server-side downsampled. */
export function useTelemetry(siteId: string, assetId: string, metric: string, to: number) {
  return useQuery({
    queryKey: ['telemetry', siteId, assetId, metric, to],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        metric,
        from: String(to - TREND_WINDOW_MS),
        to: String(to),
        maxPoints: String(TREND_MAX_POINTS),
      });
      return apiGet(
        `${site(siteId)}/assets/${encodeURIComponent(assetId)}/telemetry?${params.toString()}`,
        TelemetrySeriesSchema,
        signal,
      );
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
