import {
  AssetTypeSchema,
  METRICS_BY_TYPE,
  type Principal,
  type TelemetryRangeQuery,
  type TelemetrySeries,
} from '@twinhelm/contracts';
import { badRequest } from '../http/http-error';
import type { ServiceDeps } from './service-deps';
import { loadAsset } from './load-asset';
import { requirePermission } from './require-permission';

export const DEFAULT_WINDOW_MS = 6 * 60 * 60 * 1000;
export const MAX_RANGE_MS = 400 * 24 * 60 * 60 * 1000;

type Bucket = { t: number; v: number; min: number; max: number; n: number };

/**
 * A metric's history between from and to (inclusive), downsampled in SQL into at most
 * maxPoints buckets of equal width (date_bin from `from`): mean, min, max and count per bucket.
 */
export async function queryTelemetry(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string; assetId: string; query: TelemetryRangeQuery },
): Promise<TelemetrySeries> {
  requirePermission(principal, 'telemetry:read');
  const asset = await loadAsset(deps, input.siteId, input.assetId);
  const { metric, maxPoints } = input.query;
  const allowed = METRICS_BY_TYPE[AssetTypeSchema.parse(asset.type)];
  if (!(allowed as readonly string[]).includes(metric)) {
    throw badRequest(
      `metric "${metric}" is not reported by ${asset.type} ${asset.id}: use one of ${allowed.join(', ')}`,
      [{ path: 'metric', message: `expected one of ${allowed.join(', ')}` }],
    );
  }
  const to = toEpoch(input.query.to, 'to') ?? deps.clock();
  const from = toEpoch(input.query.from, 'from') ?? to - DEFAULT_WINDOW_MS;
  if (from >= to)
    throw badRequest(`from (${iso(from)}) must be before to (${iso(to)})`, [
      { path: 'from', message: 'must be before to' },
    ]);
  if (to - from > MAX_RANGE_MS)
    throw badRequest('the range is longer than 400 days: ask for a shorter range', [
      { path: 'from', message: 'range too long' },
    ]);
  const bucketMs = Math.max(1, Math.ceil((to - from + 1) / maxPoints));
  const rows = await deps.prisma.$queryRaw<Bucket[]>`
    SELECT (extract(epoch FROM date_bin(make_interval(secs => ${bucketMs / 1000}::float8), ts, ${new Date(from)}::timestamptz)) * 1000)::float8 AS t,
           avg(value)::float8 AS v, min(value)::float8 AS min, max(value)::float8 AS max, count(*)::int AS n
    FROM telemetry_sample
    WHERE site_id = ${input.siteId} AND asset_id = ${input.assetId} AND metric = ${metric}
      AND ts >= ${new Date(from)}::timestamptz AND ts <= ${new Date(to)}::timestamptz
    GROUP BY 1 ORDER BY 1`;
  return { siteId: input.siteId, assetId: input.assetId, metric, from, to, bucketMs, points: rows };
}

function toEpoch(value: string | number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms))
    throw badRequest(`${name}: not a valid time: use ISO-8601 or epoch milliseconds`, [
      { path: name, message: 'invalid time' },
    ]);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();
