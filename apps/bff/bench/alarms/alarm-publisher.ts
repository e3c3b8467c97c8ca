// The alarm bench's publisher, a process of its own (forked by ../alarms.ts): RATE msg/s,
// QoS 1, `{ ts, seq, values: { pressure, head, demand } }` round-robin over the junctions with
// plausible values (junction-values.ts); SURGES toggles/s take a message slot each to start or
// end a pressure surge on a victim junction (surge-schedule.ts). Reports every toggle (asset,
// raise or clear, sample ts, publish time) so the orchestrator can time and count the alarms.
import { telemetryTopic } from '@twinhelm/contracts';
import mqtt from 'mqtt';
import { JunctionValues, type BenchJunction } from './junction-values';
import { SurgeSchedule, type SurgeToggle } from './surge-schedule';

export interface AlarmPublisherJob {
  url: string;
  siteId: string;
  junctions: BenchJunction[];
  rate: number;
  seconds: number;
  surgesPerS: number;
  victims: number;
  hold: number;
}

export interface PublishedToggle {
  assetId: string;
  active: boolean;
  /** The sample time the surge starts or ends at (the alarm's change time). */
  ts: number;
  publishedAt: number;
}

export type AlarmPublisherReport =
  | { type: 'started'; at: number }
  | {
      type: 'done';
      sent: number;
      acked: number;
      startedAt: number;
      endedAt: number;
      /** The furthest the publisher fell behind its schedule, messages. */
      maxBehind: number;
      toggles: PublishedToggle[];
    };

const TICK_MS = 2;

async function publish(job: AlarmPublisherJob): Promise<AlarmPublisherReport> {
  const client = await mqtt.connectAsync(job.url, {
    clientId: `bench-alarm-publisher-${process.pid}`,
    reconnectPeriod: 0,
  });
  const values = new JunctionValues(job.junctions);
  const schedule = new SurgeSchedule(job.junctions, job.victims, job.hold);
  const n = job.junctions.length;
  const surging = new Uint8Array(n);
  const lastTs = new Array<number>(n).fill(0);
  const toggles: PublishedToggle[] = [];
  let seq = 0;
  let acked = 0;
  let toggleCount = 0;
  let maxBehind = 0;

  const send = (index: number, toggle: SurgeToggle | null) => {
    seq += 1;
    const now = Date.now();
    const ts = Math.max(now, (lastTs[index] ?? 0) + 1);
    lastTs[index] = ts;
    const assetId = job.junctions[index]?.id ?? '';
    if (toggle) {
      surging[index] = toggle.active ? 1 : 0;
      toggles.push({ assetId, active: toggle.active, ts, publishedAt: now });
    }
    const payload = JSON.stringify({
      ts,
      seq,
      values: values.reading(index, ts, surging[index] === 1),
    });
    client.publish(telemetryTopic(job.siteId, assetId), payload, { qos: 1 }, (error) => {
      if (!error) acked += 1;
    });
  };

  const startedAt = Date.now();
  process.send?.({ type: 'started', at: startedAt } satisfies AlarmPublisherReport);
  const total = Math.round(job.rate * job.seconds);
  let message = 0;
  while (message < total) {
    const elapsedS = (Date.now() - startedAt) / 1000;
    const due = Math.min(total, Math.floor(elapsedS * job.rate));
    const togglesDue = Math.floor(elapsedS * job.surgesPerS);
    maxBehind = Math.max(maxBehind, due - message);
    for (; message < due; message++) {
      const toggle = toggleCount < togglesDue ? schedule.toggle(toggleCount++) : null;
      send(toggle ? toggle.index : message % n, toggle);
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  for (const toggle of schedule.closing(toggleCount)) send(toggle.index, toggle);
  const endedAt = Date.now();
  const ackDeadline = Date.now() + 60_000;
  while (acked < seq && Date.now() < ackDeadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await client.endAsync();
  return { type: 'done', sent: seq, acked, startedAt, endedAt, maxBehind, toggles };
}

process.once('message', (job: AlarmPublisherJob) => {
  publish(job)
    .then((report) => process.send?.(report, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(
        `bench alarm publisher: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    });
});
