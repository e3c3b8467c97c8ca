import {
  MAX_FUTURE_SKEW_MS,
  MAX_TELEMETRY_PAYLOAD_BYTES,
  MAX_VALUES_PER_MESSAGE,
  METRICS_BY_TYPE,
  TelemetryPayloadSchema,
  parseTelemetryTopic,
  type RejectReason,
  type Sample,
} from '@twinhelm/contracts';
import type { AssetLookup } from './asset-registry';

export interface Rejection {
  reason: RejectReason;
  /** What exactly was wrong and what to do, for operators and the rejected-messages API. */
  detail: string;
  siteId?: string;
  assetId?: string;
}

export interface Validated {
  samples: Sample[];
  rejections: Rejection[];
}

const reject = (rejection: Rejection): Validated => ({ samples: [], rejections: [rejection] });
const EnvelopeSchema = TelemetryPayloadSchema.omit({ values: true });
const ValuesSchema = TelemetryPayloadSchema.shape.values;
const issues = (list: readonly { path: PropertyKey[]; message: string }[]): string =>
  list.map((i) => `${i.path.map(String).join('.') || 'payload'}: ${i.message}`).join('; ');

/**
 * Turns one telemetry message into samples. Checks, in order: topic form, size, JSON, contract
 * shape, non-finite numbers, known site, known asset, metric known for the asset's type, and
 * timestamp skew. Bad metrics are rejected one by one; the message's good values are kept.
 */
export function validateMessage(
  topic: string,
  payload: Uint8Array,
  assets: AssetLookup,
  now: number,
): Validated {
  const parsedTopic = parseTelemetryTopic(topic);
  if (!parsedTopic.ok) return reject({ reason: 'bad_topic', detail: parsedTopic.reason });
  const { siteId, assetId } = parsedTopic;
  const where = { siteId, assetId };
  if (payload.byteLength > MAX_TELEMETRY_PAYLOAD_BYTES) {
    return reject({
      ...where,
      reason: 'oversize',
      detail: `payload of ${payload.byteLength} bytes exceeds ${MAX_TELEMETRY_PAYLOAD_BYTES}`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch (error) {
    return reject({
      ...where,
      reason: 'bad_json',
      detail: `payload is not JSON: ${(error as Error).message}`,
    });
  }
  if (!isRecord(json))
    return reject({
      ...where,
      reason: 'bad_shape',
      detail: 'payload must be a JSON object { ts, seq, values }',
    });
  const { values, ...rest } = json;
  const envelope = EnvelopeSchema.safeParse(rest);
  if (!envelope.success)
    return reject({ ...where, reason: 'bad_shape', detail: issues(envelope.error.issues) });
  const whole = ValuesSchema.safeParse(values);
  const entries = isRecord(values) ? Object.entries(values) : [];
  if (!whole.success && (entries.length === 0 || entries.length > MAX_VALUES_PER_MESSAGE)) {
    return reject({
      ...where,
      reason: 'bad_shape',
      detail: issues(whole.error.issues.map((i) => ({ ...i, path: ['values', ...i.path] }))),
    });
  }
  const usable: [string, number | boolean][] = [];
  const badShape: string[] = [];
  const nonFinite: string[] = [];
  for (const [metric, value] of entries) {
    if (typeof value === 'number' && !Number.isFinite(value)) nonFinite.push(metric);
    else if (ValuesSchema.safeParse({ [metric]: value }).success)
      usable.push([metric, value as number | boolean]);
    else badShape.push(metric);
  }
  const rejections: Rejection[] = [];
  if (badShape.length > 0) {
    rejections.push({
      ...where,
      reason: 'bad_shape',
      detail: `values ${badShape.join(', ')}: expected lower_snake_case metric names with a number or boolean`,
    });
  }
  if (nonFinite.length > 0) {
    rejections.push({
      ...where,
      reason: 'non_finite',
      detail: `values ${nonFinite.join(', ')}: must be finite numbers (NaN and Infinity are not allowed)`,
    });
  }
  if (!assets.hasSite(siteId)) {
    const known = assets.siteIds();
    return reject({
      ...where,
      reason: 'unknown_site',
      detail: `${siteId}: unknown site (known: ${known.slice(0, 5).join(', ') || 'none: import a network first'})`,
    });
  }
  const type = assets.typeOf(siteId, assetId);
  if (type === undefined) {
    const near = assets.suggest(siteId, assetId);
    const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
    return reject({
      ...where,
      reason: 'unknown_asset',
      detail: `${assetId}: unknown asset in site ${siteId}${hint}`,
    });
  }
  const { ts: rawTs, seq } = envelope.data;
  const ts = typeof rawTs === 'number' ? rawTs : Date.parse(rawTs);
  if (ts > now + MAX_FUTURE_SKEW_MS) {
    return reject({
      ...where,
      reason: 'future_timestamp',
      detail: `ts ${new Date(ts).toISOString()} is ${Math.round((ts - now) / 1000)} s in the future (more than ${MAX_FUTURE_SKEW_MS / 1000} s): check the publisher's clock`,
    });
  }
  const allowed: readonly string[] = METRICS_BY_TYPE[type];
  const samples: Sample[] = [];
  const unknown: string[] = [];
  for (const [metric, value] of usable) {
    if (!allowed.includes(metric)) unknown.push(metric);
    else
      samples.push({
        siteId,
        assetId,
        metric,
        ts,
        value: typeof value === 'boolean' ? Number(value) : value,
        seq,
      });
  }
  if (unknown.length > 0) {
    rejections.push({
      ...where,
      reason: 'unknown_metric',
      detail: `${assetId} (${type}): unknown metric ${unknown.join(', ')}; a ${type} reports ${allowed.join(', ')}`,
    });
  }
  return { samples, rejections };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
