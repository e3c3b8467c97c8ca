// Ingest benchmark: a publisher process sends BENCH_RATE msg/s (3 values each) for BENCH_SECONDS
// to a Mosquitto of its own (or BENCH_MQTT_URL, e.g. mqtt://127.0.0.1:1883); this process runs the real
// ingest into a fresh database on the local PostgreSQL and prints throughput, loss, CPU and
// latency. `onDurable` is the hook for further legs (socket.io clients).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { telemetryTopic } from '@twinhelm/contracts';
import mqtt from 'mqtt';
import pg from 'pg';
import { spawnMosquitto } from '../src/broker/spawn-mosquitto';
import { pgSql } from '../src/db/sql-pg';
import type { DurableBatch } from '../src/ingest/batch-writer';
import { startIngest } from '../src/ingest/start-ingest';
import { createTestDatabase } from '../src/testing/test-database';
import { createTwinState } from '../src/twin/twin-state';

const RATE = Number(process.env.BENCH_RATE ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PUMPS = 200;
const RUN = Date.now().toString(36);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function publisher(url: string): Promise<void> {
  const client = await mqtt.connectAsync(url, { clientId: `bench-pub-${RUN}-${process.pid}` });
  let seq = 0;
  let acked = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = Date.now();
  while (Date.now() < end) {
    const due = Math.floor(((Date.now() - started) / 1000) * RATE);
    while (seq < due) {
      seq += 1;
      const payload = JSON.stringify({
        ts: Date.now(),
        seq,
        values: { status: 1, speed: 0.9, flow: seq % 100 },
      });
      client.publish(telemetryTopic('bench', `PU${seq % PUMPS}`), payload, { qos: 1 }, (error) => {
        if (!error) acked += 1;
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (acked < seq) await new Promise((resolve) => setTimeout(resolve, 50));
  await client.endAsync();
  process.send?.({ sent: seq, acked });
}

async function main(): Promise<void> {
  const own =
    process.env.BENCH_MQTT_URL === undefined
      ? await spawnMosquitto({ persistence: false })
      : undefined;
  const url = process.env.BENCH_MQTT_URL ?? own?.url ?? '';
  const db = await createTestDatabase();
  await db.prisma.site.create({ data: { id: 'bench', name: 'Bench' } });
  await db.prisma.asset.createMany({
    data: Array.from({ length: PUMPS }, (_, i) => ({
      siteId: 'bench',
      id: `PU${i}`,
      type: 'pump',
      x: 0,
      y: 0,
      z: 0,
    })),
  });
  const pool = new pg.Pool({ connectionString: db.url });
  const receiveToDurable: number[] = [];
  const publishToDurable: number[] = [];
  let firstDurable = 0;
  let lastDurable = 0;
  const onDurable = (batch: DurableBatch): void => {
    firstDurable ||= batch.durableAt;
    lastDurable = batch.durableAt;
    for (const at of batch.receivedAt) receiveToDurable.push(batch.durableAt - at);
    for (const s of batch.samples)
      if (s.metric === 'status') publishToDurable.push(batch.durableAt - s.ts);
  };
  const ingest = await startIngest({
    sql: pgSql(pool),
    twin: createTwinState(),
    broker: {
      url,
      clientId: `bench-ingest-${RUN}`,
      protocolVersion: 5,
      receiveMaximum: 10_000,
      embedded: false,
    },
    batchMax: 2000,
    batchMs: 50,
    onDurable,
  });
  await ingest.subscribed();
  const cpuBefore = process.cpuUsage();
  const child = fork(import.meta.filename, ['publisher', url], { execArgv: process.execArgv });
  const result = await new Promise<{ sent: number; acked: number }>((resolve) =>
    child.once('message', resolve),
  );
  const deadline = Date.now() + 30_000;
  while (ingest.status.ingest().accepted < result.sent * 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const cpu = process.cpuUsage(cpuBefore);
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM telemetry_sample');
  const status = ingest.status.ingest();
  const seconds = (lastDurable - firstDurable) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `broker ${url}${own ? ' (own Mosquitto, unbounded queues)' : ''}; machine load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `published ${result.sent} messages (${result.acked} acknowledged by the broker), ${result.sent * 3} values`,
  );
  console.log(
    `rows in database ${rows[0]?.n} (expected ${result.sent * 3}); accepted ${status.accepted}, duplicates ${status.duplicates}`,
  );
  console.log(
    `sustained durable ${(status.accepted / 3 / seconds).toFixed(0)} msg/s, ${(status.accepted / seconds).toFixed(0)} rows/s over ${seconds.toFixed(1)} s`,
  );
  console.log(
    `ingest process CPU ${cpuSeconds.toFixed(1)} s = ${((cpuSeconds / seconds) * 100).toFixed(0)} % of one core`,
  );
  console.log(
    `receive→durable p50 ${percentile(receiveToDurable, 50)} ms, p95 ${percentile(receiveToDurable, 95)} ms, p99 ${percentile(receiveToDurable, 99)} ms`,
  );
  console.log(`publish→durable p95 ${percentile(publishToDurable, 95)} ms`);
  await ingest.close();
  await pool.end();
  await db.drop();
  await own?.stop();
}

const run = process.argv[2] === 'publisher' ? publisher(process.argv[3] ?? '') : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
