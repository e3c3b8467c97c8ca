import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateScenarioResponseSchema,
  ScenarioComparisonSchema,
  ScenarioDetailSchema,
  ScenarioFramesSchema,
  ScenarioListSchema,
  ScenarioSeriesSchema,
  type CreateScenarioRequest,
  type RecommendationDecisionRequest,
  type ScenarioStatus,
} from '@twinhelm/contracts';
import { apiGet, apiSend, type ResponseSchema } from '../../api/api-client';

const sitePath = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/scenarios`;
const scenarioPath = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;

/** Statuses after which nothing changes. */
export const isFinished = (status: ScenarioStatus): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

/** Fallback polling while a run is in progress (socket events usually arrive first). */
export const POLL_MS = 3000;

export const scenarioKeys = {
  list: (siteId: string) => ['scenarios', siteId] as const,
  detail: (id: string) => ['scenario', id] as const,
};

export function useScenarioList(siteId: string) {
  return useQuery({
    queryKey: scenarioKeys.list(siteId),
    queryFn: ({ signal }) => apiGet(sitePath(siteId), ScenarioListSchema, signal),
    refetchInterval: (query) =>
      query.state.data?.scenarios.some((s) => !isFinished(s.status)) ? POLL_MS : false,
  });
}

/** A scenario's detail; polled while it runs (the socket's progress events usually win). */
export function useScenario(id: string) {
  return useQuery({
    queryKey: scenarioKeys.detail(id),
    queryFn: ({ signal }) => apiGet(scenarioPath(id), ScenarioDetailSchema, signal),
    refetchInterval: (query) =>
      query.state.data && isFinished(query.state.data.status) ? false : POLL_MS,
  });
}

export function useScenarioSeries(id: string, assetIds: readonly string[], enabled: boolean) {
  const assets = [...assetIds].sort().join(',');
  return useQuery({
    queryKey: ['scenario-series', id, assets],
    queryFn: ({ signal }) =>
      apiGet(
        `${scenarioPath(id)}/series?assets=${encodeURIComponent(assets)}`,
        ScenarioSeriesSchema,
        signal,
      ),
    enabled: enabled && assets !== '',
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
  });
}

/** Frames of several metrics (every asset at every report time), for painting the prediction. */
export function useScenarioFrames(id: string, metrics: readonly string[], enabled: boolean) {
  return useQueries({
    queries: metrics.map((metric) => ({
      queryKey: ['scenario-frames', id, metric],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet(
          `${scenarioPath(id)}/frames?metric=${encodeURIComponent(metric)}`,
          ScenarioFramesSchema,
          signal,
        ),
      enabled,
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
}

export function useScenarioComparison(siteId: string, ids: readonly string[]) {
  return useQuery({
    queryKey: ['scenario-compare', siteId, ids.join(',')],
    queryFn: ({ signal }) =>
      apiGet(
        `${sitePath(siteId)}/compare?ids=${encodeURIComponent(ids.join(','))}`,
        ScenarioComparisonSchema,
        signal,
      ),
    enabled: ids.length >= 2,
  });
}

export function useCreateScenario(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateScenarioRequest) =>
      apiSend('POST', sitePath(siteId), request, CreateScenarioResponseSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: scenarioKeys.list(siteId) }),
  });
}

/** Bodies the console does not read (cancel, decision): any JSON is fine. */
const Anything: ResponseSchema<unknown> = { safeParse: (data) => ({ success: true, data }) };

export function useCancelScenario(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `${scenarioPath(id)}/cancel`, undefined, Anything),
    onSettled: () => client.invalidateQueries({ queryKey: scenarioKeys.detail(id) }),
  });
}

export function useDecideRecommendation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ rank, body }: { rank: number; body: RecommendationDecisionRequest }) =>
      apiSend('POST', `${scenarioPath(id)}/recommendations/${rank}/decision`, body, Anything),
    onSettled: () => client.invalidateQueries({ queryKey: scenarioKeys.detail(id) }),
  });
}
