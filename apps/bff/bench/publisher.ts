// The bench's publisher, a process of its own (forked by ingest.ts) so it never shares the
// BFF's or the clients' event loop. Publishes RATE msg/s of 3 values each, QoS 1, round-robin
// over the given assets; ts = publish time (strictly increasing per asset: the dedup key is
// site, asset, metric, ts) and seq = a unique counter, so every value is unique.
import { telemetryTopic } from '@twinhelm/contracts';
import mqtt from 'mqtt';

export interface PublisherJob {
  url: string;
  siteId: string;
  assets: string[];
  rate: number;
  seconds: number;
}

export type PublisherReport =
  | { type: 'started'; at: number }
  | {
      type: 'done';
      sent: number;
      acked: number;
      startedAt: number;
      endedAt: number;
      /** Messages whose ts was moved 1 ms forward to stay unique per asset. */
      bumped: number;
      /** The furthest the publisher fell behind its schedule, messages. */
      maxBehind: number;
    };

const TICK_MS = 2;

async function publish(job: PublisherJob): Promise<PublisherReport> {
  const client = await mqtt.connectAsync(job.url, {
    clientId: `bench-publisher-${process.pid}`,
    reconnectPeriod: 0,
  });
  const lastTs = new Array<number>(job.assets.length).fill(0);
  let seq = 0;
  let acked = 0;
  let bumped = 0;
  let maxBehind = 0;
  const startedAt = Date.now();
  process.send?.({ type: 'started', at: startedAt } satisfies PublisherReport);
  const total = Math.round(job.rate * job.seconds);
  while (seq < total) {
    const due = Math.min(total, Math.floor(((Date.now() - startedAt) / 1000) * job.rate));
    maxBehind = Math.max(maxBehind, due - seq);
    while (seq < due) {
      const index = seq % job.assets.length;
      seq += 1;
      const now = Date.now();
      const ts = Math.max(now, (lastTs[index] ?? 0) + 1);
      if (ts !== now) bumped += 1;
      lastTs[index] = ts;
      const payload = JSON.stringify({
        ts,
        seq,
        values: { pressure: seq + 0.25, head: seq + 0.5, demand: seq + 0.75 },
      });
      client.publish(
        telemetryTopic(job.siteId, job.assets[index] ?? ''),
        payload,
        { qos: 1 },
        (error) => {
          if (!error) acked += 1;
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const endedAt = Date.now();
  const ackDeadline = Date.now() + 60_000;
  while (acked < seq && Date.now() < ackDeadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await client.endAsync();
  return { type: 'done', sent: seq, acked, startedAt, endedAt, bumped, maxBehind };
}

process.once('message', (job: PublisherJob) => {
  publish(job)
    .then((report) => process.send?.(report, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(`bench publisher: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
});
