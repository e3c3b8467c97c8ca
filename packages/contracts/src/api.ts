import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';
import { AssetSchema } from './assets';
import { RoleSchema } from './auth';
import { ImportWarningSchema } from './network';
import { MetricValueSchema } from './twin';
import { RejectReasonSchema } from './telemetry';

/** Every error response: what was wrong, and what to do about it. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Where in the input, when it applies (a JSON path, a line number). */
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const SiteSummarySchema = z.object({
  id: SiteIdSchema,
  name: z.string(),
  modelVersion: z.string().nullable(),
  assetCount: z.number().int(),
  /** Last telemetry sample time, epoch ms, or null before any. */
  lastSampleAt: z.number().nullable(),
});
export type SiteSummary = z.infer<typeof SiteSummarySchema>;
export const SiteListSchema = z.object({ sites: z.array(SiteSummarySchema) });

export const AssetWithLatestSchema = AssetSchema.extend({
  latest: z.record(z.string(), MetricValueSchema),
  /** Last sample time of any metric, epoch ms; null if never reported. */
  lastSeenAt: z.number().nullable(),
  /** Unmeasured: never reported. Stale: silent longer than its expected interval. */
  freshness: z.enum(['fresh', 'stale', 'unmeasured']),
});
export type AssetWithLatest = z.infer<typeof AssetWithLatestSchema>;
export const AssetListSchema = z.object({
  siteId: SiteIdSchema,
  assets: z.array(AssetWithLatestSchema),
});

export const TelemetryRangeQuerySchema = z.object({
  metric: z.string().min(1),
  /** ISO-8601 or epoch ms; default: 6 h before `to`. */
  from: z.union([z.iso.datetime({ offset: true }), z.coerce.number().int()]).optional(),
  to: z.union([z.iso.datetime({ offset: true }), z.coerce.number().int()]).optional(),
  maxPoints: z.coerce.number().int().min(2).max(10_000).default(500),
});
export type TelemetryRangeQuery = z.infer<typeof TelemetryRangeQuerySchema>;

/** Downsampled series: each point is a bucket's time, mean, min and max. */
export const TelemetrySeriesSchema = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  metric: z.string(),
  from: z.number(),
  to: z.number(),
  bucketMs: z.number(),
  points: z.array(
    z.object({
      t: z.number(),
      v: z.number(),
      min: z.number(),
      max: z.number(),
      n: z.number().int(),
    }),
  ),
});
export type TelemetrySeries = z.infer<typeof TelemetrySeriesSchema>;

export const RejectedMessageSchema = z.object({
  id: z.string(),
  receivedAt: z.number(),
  siteId: z.string().nullable(),
  assetId: z.string().nullable(),
  topic: z.string(),
  reason: RejectReasonSchema,
  detail: z.string(),
  /** The payload as received (truncated to 2 kB). */
  payload: z.string(),
});
export type RejectedMessage = z.infer<typeof RejectedMessageSchema>;
export const RejectedListSchema = z.object({
  counts: z.record(z.string(), z.record(RejectReasonSchema, z.number().int())),
  messages: z.array(RejectedMessageSchema),
  nextCursor: z.string().nullable(),
});

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeS: z.number(),
  database: z.object({
    kind: z.enum(['embedded', 'external']),
    connected: z.boolean(),
    error: z.string().optional(),
  }),
  broker: z.object({ url: z.string(), embedded: z.boolean(), connected: z.boolean() }),
  ingest: z.object({
    messagesPerSecond: z.number(),
    samplesPerSecond: z.number(),
    /** Pending, not yet durable messages. */
    pending: z.number().int(),
    /** Receive-to-durable lag of the last committed batch, ms. */
    lagMs: z.number(),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.record(z.string(), z.number().int()),
  }),
});
export type Health = z.infer<typeof HealthSchema>;

export const ImportNetworkRequestSchema = z.object({
  siteId: SiteIdSchema,
  name: z.string().min(1).max(200).optional(),
  /** The .inp file's text. */
  inp: z
    .string()
    .min(1)
    .max(50 * 1024 * 1024),
});
export type ImportNetworkRequest = z.infer<typeof ImportNetworkRequestSchema>;

export const ImportNetworkResultSchema = z.object({
  siteId: SiteIdSchema,
  modelVersion: z.string(),
  counts: z.record(z.string(), z.number().int()),
  warnings: z.array(ImportWarningSchema),
});
export type ImportNetworkResult = z.infer<typeof ImportNetworkResultSchema>;

export const MeSchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export type Me = z.infer<typeof MeSchema>;

export const CreateApiTokenRequestSchema = z.object({
  name: z.string().min(1).max(100),
  role: RoleSchema,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
});
export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('shown once'),
});

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
