import type { Health } from '@twinhelm/contracts';
import type { Sql } from '../db/sql';
import type { IngestStatusPort } from '../ports/ingest-status-port';
import type { TwinState } from '../twin/twin-state';
import { createAssetRegistry } from './asset-registry';
import { BatchWriter, type DurableBatch } from './batch-writer';
import { IngestMetrics } from './ingest-metrics';
import { rateLimitedRejectLog, type Log } from './reject-log';
import { subscribeTelemetry, type SubscriberOptions } from './telemetry-subscriber';
import { validateMessage } from './validate-message';
import type { RejectRow } from './write-batch';

export interface IngestOptions {
  sql: Sql;
  twin: TwinState;
  broker: Omit<SubscriberOptions, 'onMessage' | 'onError'> & { embedded: boolean };
  batchMax: number;
  batchMs: number;
  /** Stop taking messages while this many are not yet durable (default 4 × batchMax). */
  maxPending?: number;
  now?: () => number;
  log?: Log;
  onDurable?: (batch: DurableBatch) => void;
}

export interface Ingest {
  status: IngestStatusPort & { rejectedBySite(): Record<string, Record<string, number>> };
  /** Re-reads sites and assets (call after a network import). */
  reloadAssets(): Promise<void>;
  /** Resolves once subscribed on the current broker connection. */
  subscribed(): Promise<void>;
  /** Stops taking messages, makes what was received durable (up to `drainMs`), disconnects. */
  close(drainMs?: number): Promise<void>;
}

const PAYLOAD_KEPT = 1024;

function keptPayload(payload: Buffer): string {
  const text = payload.subarray(0, PAYLOAD_KEPT).toString('utf8').replaceAll('\u0000', '\uFFFD');
  return payload.length > PAYLOAD_KEPT ? `${text}… (${payload.length} bytes)` : text;
}

/**
 * The telemetry pipeline: MQTT (QoS 1, persistent session) → validation → batched commit to
 * telemetry_sample → twin state → acknowledgement. See README.md for the durability rules.
 */
export async function startIngest(options: IngestOptions): Promise<Ingest> {
  const now = options.now ?? Date.now;
  const log: Log = options.log ?? ((level, message) => console[level](`[ingest] ${message}`));
  const maxPending = options.maxPending ?? 4 * options.batchMax;
  const assets = createAssetRegistry(options.sql);
  await assets.reload();
  const metrics = new IngestMetrics(now);
  const logReject = rateLimitedRejectLog(log, now);
  let closing = false;
  let lastWriteError = 0;

  const writer = new BatchWriter({
    sql: options.sql,
    twin: options.twin,
    metrics,
    batchMax: options.batchMax,
    batchMs: options.batchMs,
    now,
    ...(options.onDurable ? { onDurable: options.onDurable } : {}),
    onWriteError(error, retryInMs) {
      if (now() - lastWriteError > 10_000) {
        lastWriteError = now();
        log(
          'error',
          `telemetry batch not written (${(error as Error).message}); ${writer.pending} messages held unacknowledged, retrying in ${retryInMs} ms`,
        );
      }
    },
    onProgress() {
      if (!closing && writer.pending < maxPending) subscriber.resume();
    },
  });

  const subscriber = subscribeTelemetry({
    ...options.broker,
    onError: (error) => log('warn', `MQTT ${options.broker.url}: ${error.message}`),
    onMessage(topic, payload, ack) {
      const receivedAt = now();
      metrics.received();
      const { samples, rejections } = validateMessage(topic, payload, assets, receivedAt);
      const rejects: RejectRow[] = rejections.map((r) => {
        metrics.rejected(r.siteId ?? null, r.reason);
        logReject(r.reason, topic, r.detail);
        return {
          siteId: r.siteId ?? null,
          assetId: r.assetId ?? null,
          topic,
          reason: r.reason,
          detail: r.detail,
          payload: keptPayload(payload),
          receivedAt,
        };
      });
      writer.add({ samples, rejects, receivedAt, ack });
      return !closing && writer.pending < maxPending;
    },
  });

  const broker = (): Health['broker'] => ({
    url: options.broker.url,
    embedded: options.broker.embedded,
    connected: subscriber.connected(),
  });

  return {
    status: {
      broker,
      ingest: () => metrics.snapshot(writer.pending),
      rejectedBySite: () =>
        Object.fromEntries(
          [...metrics.rejectedBySite].map(([site, reasons]) => [site, Object.fromEntries(reasons)]),
        ),
    },
    reloadAssets: () => assets.reload(),
    subscribed: () => subscriber.subscribed(),
    async close(drainMs = 5000) {
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        writer.drain(),
        new Promise((resolve) => (timer = setTimeout(resolve, drainMs))),
      ]);
      clearTimeout(timer);
      writer.stop();
      await subscriber.close();
    },
  };
}
