import type {
  Nowcast,
  Principal,
  ResidualQuerySchema,
  ResidualSeriesSchema,
} from '@twinhelm/contracts';
import type { z } from 'zod';
import type { AppContext } from '../app-context';
import type { PrismaClient } from '../generated/prisma/client';
import { badRequest, HttpError, notFound } from '../http/http-error';
import { loadAsset } from '../services/load-asset';
import { loadSite } from '../services/load-site';
import { requirePermission } from '../services/require-permission';
import type { NowcastRunner } from './nowcast-types';

/** The metrics a nowcast gives (modelledValues): the only ones with residuals. */
export const NOWCAST_METRICS = [
  'pressure',
  'head',
  'demand',
  'level',
  'flow',
  'velocity',
  'power',
] as const;
type ResidualQuery = z.infer<typeof ResidualQuerySchema>;
type ResidualSeries = z.infer<typeof ResidualSeriesSchema>;

export const DEFAULT_RESIDUAL_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_RESIDUAL_RANGE_MS = 31 * 24 * 60 * 60 * 1000;

export interface NowcastServiceDeps {
  prisma: PrismaClient;
  /** The running loop; undefined when the nowcast is off (NOWCAST_INTERVAL_S=0). */
  runner: Pick<NowcastRunner, 'latest' | 'lastAttempt' | 'schedule'> | undefined;
  clock: () => number;
}

/** The site's latest nowcast, or a 404 saying why there is none yet. */
export async function getNowcast(
  deps: NowcastServiceDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<Nowcast> {
  requirePermission(principal, 'scenario:read');
  await loadSite(deps, input.siteId);
  const { runner } = deps;
  if (!runner || runner.schedule.intervalMs === 0)
    throw notFound(
      `${input.siteId}: no nowcast: the nowcast is off (set NOWCAST_INTERVAL_S to a number of seconds > 0)`,
    );
  const latest = runner.latest(input.siteId);
  if (latest) return latest;
  const attempt = runner.lastAttempt(input.siteId);
  const { intervalMs, firstRunMs } = runner.schedule;
  if (attempt && attempt.outcome !== 'ok')
    throw notFound(
      `${input.siteId}: no nowcast yet: the last attempt (${new Date(attempt.at).toISOString()}) ${attempt.outcome === 'skipped' ? 'was skipped' : 'failed'}: ${attempt.reason}; the next runs within ${seconds(intervalMs)} s`,
    );
  throw notFound(
    `${input.siteId}: no nowcast yet: the first runs ${seconds(firstRunMs)} s after start, then every ${seconds(intervalMs)} s`,
  );
}

/** Stored measured − modelled history of one sensor, oldest first. */
export async function queryResiduals(
  deps: NowcastServiceDeps,
  principal: Principal,
  input: { siteId: string; query: ResidualQuery },
): Promise<ResidualSeries> {
  requirePermission(principal, 'scenario:read');
  const { assetId, metric } = input.query;
  await loadAsset(deps, input.siteId, assetId);
  if (!(NOWCAST_METRICS as readonly string[]).includes(metric))
    throw badRequest(
      `metric "${metric}" has no residuals: use one of ${NOWCAST_METRICS.join(', ')}`,
      [{ path: 'metric', message: `expected one of ${NOWCAST_METRICS.join(', ')}` }],
    );
  const to = input.query.to ?? deps.clock();
  const from = input.query.from ?? to - DEFAULT_RESIDUAL_WINDOW_MS;
  if (from >= to)
    throw badRequest(`from (${iso(from)}) must be before to (${iso(to)})`, [
      { path: 'from', message: 'must be before to' },
    ]);
  if (to - from > MAX_RESIDUAL_RANGE_MS)
    throw badRequest('the range is longer than 31 days: ask for a shorter range', [
      { path: 'from', message: 'range too long' },
    ]);
  const points = await deps.prisma.$queryRaw<
    { t: number; measured: number; modelled: number; residual: number }[]
  >`
    SELECT (extract(epoch FROM at) * 1000)::float8 AS t, measured, modelled, residual
    FROM model_residual
    WHERE site_id = ${input.siteId} AND asset_id = ${assetId} AND metric = ${metric}
      AND at >= ${new Date(from)}::timestamptz AND at <= ${new Date(to)}::timestamptz
    ORDER BY at`;
  return { siteId: input.siteId, assetId, metric, points };
}

export interface NowcastServices {
  getNowcast: (principal: Principal, input: { siteId: string }) => Promise<Nowcast>;
  queryResiduals: (
    principal: Principal,
    input: { siteId: string; query: ResidualQuery },
  ) => Promise<ResidualSeries>;
}

/** The nowcast's use cases with their dependencies bound: what AppContext.nowcast holds. */
export function createNowcastServices(deps: NowcastServiceDeps): NowcastServices {
  return {
    getNowcast: (principal, input) => getNowcast(deps, principal, input),
    queryResiduals: (principal, input) => queryResiduals(deps, principal, input),
  };
}

function isNowcastServices(value: unknown): value is NowcastServices {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'getNowcast') === 'function' &&
    typeof Reflect.get(value, 'queryResiduals') === 'function'
  );
}

/** The nowcast services server.ts put in the app context (AppContext.nowcast). */
export function nowcastServicesOf(context: AppContext): NowcastServices {
  const services: unknown = Reflect.get(context, 'nowcast');
  if (isNowcastServices(services)) return services;
  throw new HttpError(
    503,
    'unavailable',
    'the nowcast is not available in this server (AppContext.nowcast is not set): restart with npm start',
  );
}

const seconds = (ms: number): number => Math.round(ms / 1000);
const iso = (ms: number): string => new Date(ms).toISOString();
