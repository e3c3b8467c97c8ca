import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';

/** Telemetry contract v1: topic twinhelm/v1/<siteId>/<assetId>/telemetry, QoS 1, JSON. */
export const TELEMETRY_TOPIC_PREFIX = 'twinhelm/v1';
export const TELEMETRY_SUBSCRIPTION = `${TELEMETRY_TOPIC_PREFIX}/+/+/telemetry`;
/** Payloads larger than this are rejected unread. */
export const MAX_TELEMETRY_PAYLOAD_BYTES = 16 * 1024;
/** Samples stamped further than this into the future are rejected (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
export const MAX_VALUES_PER_MESSAGE = 64;

export function telemetryTopic(siteId: string, assetId: string): string {
  return `${TELEMETRY_TOPIC_PREFIX}/${siteId}/${assetId}/telemetry`;
}

export type ParsedTopic =
  { ok: true; siteId: string; assetId: string } | { ok: false; reason: string };

export function parseTelemetryTopic(topic: string): ParsedTopic {
  const parts = topic.split('/');
  if (
    parts.length !== 5 ||
    `${parts[0]}/${parts[1]}` !== TELEMETRY_TOPIC_PREFIX ||
    parts[4] !== 'telemetry'
  ) {
    return {
      ok: false,
      reason: `topic "${topic}" is not of the form ${TELEMETRY_TOPIC_PREFIX}/<siteId>/<assetId>/telemetry`,
    };
  }
  const site = SiteIdSchema.safeParse(parts[2]);
  if (!site.success)
    return {
      ok: false,
      reason: `topic "${topic}": ${site.error.issues[0]?.message ?? 'bad site id'}`,
    };
  const asset = AssetIdSchema.safeParse(parts[3]);
  if (!asset.success)
    return {
      ok: false,
      reason: `topic "${topic}": ${asset.error.issues[0]?.message ?? 'bad asset id'}`,
    };
  return { ok: true, siteId: site.data, assetId: asset.data };
}

const finite = z
  .number()
  .refine(Number.isFinite, 'must be a finite number (NaN and Infinity are not allowed)');

export const TelemetryTimestampSchema = z.union([
  z.iso.datetime({ offset: true }),
  z.number().int().nonnegative().describe('epoch milliseconds'),
]);

export const TelemetryPayloadSchema = z
  .object({
    ts: TelemetryTimestampSchema,
    seq: z
      .number()
      .int()
      .nonnegative()
      .describe('per-publisher counter; with the asset, the dedup key'),
    values: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'metric names are lower_snake_case'),
        z.union([finite, z.boolean()]),
      )
      .refine((v) => Object.keys(v).length > 0, 'values must hold at least one metric')
      .refine(
        (v) => Object.keys(v).length <= MAX_VALUES_PER_MESSAGE,
        `at most ${MAX_VALUES_PER_MESSAGE} metrics per message`,
      ),
  })
  .strict();
export type TelemetryPayload = z.infer<typeof TelemetryPayloadSchema>;

/** One stored sample: what a telemetry message becomes after validation. */
export const SampleSchema = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  metric: z.string(),
  /** epoch milliseconds */
  ts: z.number(),
  value: z.number(),
  seq: z.number().int(),
});
export type Sample = z.infer<typeof SampleSchema>;

export const REJECT_REASONS = [
  'bad_topic',
  'oversize',
  'bad_json',
  'bad_shape',
  'non_finite',
  'unknown_site',
  'unknown_asset',
  'unknown_metric',
  'future_timestamp',
] as const;
export const RejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof RejectReasonSchema>;
