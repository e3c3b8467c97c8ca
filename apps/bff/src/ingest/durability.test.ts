import { telemetryTopic } from '@twinhelm/contracts';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnMosquitto } from '../broker/spawn-mosquitto';
import { startEmbeddedBroker } from '../broker/start-embedded-broker';
import type { Sql } from '../db/sql';
import { pgSql } from '../db/sql-pg';
import { adminQuery } from '../testing/fresh-database';
import { createTestDatabase, quietPool, type TestDatabase } from '../testing/test-database';
import { createTwinState } from '../twin/twin-state';
import { eventually, seedSite } from './ingest.test-helper';
import { startIngest, type Ingest } from './start-ingest';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});
const CREDS = { username: 'twinhelm', password: 'test-broker-pass' };

async function database(): Promise<{ db: TestDatabase; sql: Sql; name: string }> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  await seedSite(db.prisma);
  const pool = quietPool(db.url, { connectionTimeoutMillis: 2000 });
  cleanups.push(() => pool.end());
  return { db, sql: pgSql(pool), name: new URL(db.url).pathname.slice(1) };
}

async function ingestOn(
  url: string,
  sql: Sql,
  extra: { protocolVersion: 4 | 5; username?: string; password?: string },
): Promise<Ingest> {
  const ingest = await startIngest({
    sql,
    twin: createTwinState(),
    broker: { url, clientId: 'durability-ingest', embedded: false, ...extra },
    batchMax: 50,
    batchMs: 20,
    log: () => undefined,
  });
  cleanups.push(() => ingest.close(0));
  await ingest.subscribed();
  return ingest;
}

const body = (seq: number) =>
  JSON.stringify({ ts: 1_000_000 + seq, seq, values: { level: seq / 10 } });
const storedCount = async (db: TestDatabase) => db.prisma.telemetrySample.count();

/** How long the database is away in the outage test (the issue asks for 30 s). */
const OUTAGE_MS = 30_000;

describe('ingest durability', () => {
  it('an ingest killed before its commit gets the unacknowledged messages again, and stores them once', async () => {
    const { db, sql } = await database();
    const broker = await startEmbeddedBroker({ port: 0, ...CREDS });
    cleanups.push(() => broker.close());
    const writesHang: Sql = {
      ...sql,
      query: (text, params) =>
        text.includes('telemetry_sample') ? new Promise(() => undefined) : sql.query(text, params),
    };
    const doomed = await ingestOn(broker.url, writesHang, { protocolVersion: 4, ...CREDS });
    const pub = await mqtt.connectAsync(broker.url, { ...CREDS, clientId: 'durability-pub' });
    cleanups.push(() => pub.endAsync(true));
    for (let seq = 1; seq <= 20; seq++)
      await pub.publishAsync(telemetryTopic('ctown', 'T1'), body(seq), { qos: 1 });
    await eventually(() => doomed.status.ingest().pending === 20, 10_000, 'all 20 pending');
    await doomed.close(0);

    const revived = await ingestOn(broker.url, sql, { protocolVersion: 4, ...CREDS });
    await eventually(
      async () => (await storedCount(db)) === 20,
      15_000,
      '20 rows after redelivery',
    );
    await pub.publishAsync(telemetryTopic('ctown', 'T1'), body(21), { qos: 1 });
    await eventually(
      () => revived.status.ingest().accepted === 21,
      10_000,
      'new message after redelivery',
    );
    expect(await storedCount(db)).toBe(21);
  });

  it(
    'holds messages unacknowledged through a 30 s database outage, then stores each once',
    async () => {
      const { db, sql, name } = await database();
      const broker = await startEmbeddedBroker({ port: 0, ...CREDS });
      cleanups.push(() => broker.close());
      const ingest = await ingestOn(broker.url, sql, { protocolVersion: 4, ...CREDS });
      const pub = await mqtt.connectAsync(broker.url, { ...CREDS, clientId: 'durability-pub' });
      cleanups.push(() => pub.endAsync(true));
      const publish = (seq: number) =>
        pub.publishAsync(telemetryTopic('ctown', 'T1'), body(seq), { qos: 1 });
      for (let seq = 1; seq <= 10; seq++) await publish(seq);
      await eventually(() => ingest.status.ingest().accepted === 10, 10_000, 'first 10 durable');

      cleanups.push(() => adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await adminQuery(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
      );
      // 30 s without the database, publishing all along (3 messages a second).
      const outageEnds = Date.now() + OUTAGE_MS;
      let seq = 10;
      while (Date.now() < outageEnds) {
        await publish(++seq);
        await new Promise((resolve) => setTimeout(resolve, 330));
      }
      const last = seq;
      expect(ingest.status.ingest().accepted).toBe(10);
      await eventually(
        () => ingest.status.ingest().pending === last - 10,
        10_000,
        'everything published during the outage held unacknowledged',
      );

      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await eventually(
        () => ingest.status.ingest().accepted === last,
        20_000,
        `all ${last} durable after recovery`,
      );
      expect(ingest.status.ingest()).toMatchObject({ pending: 0, duplicates: 0 });
      expect(await storedCount(db)).toBe(last);
    },
    OUTAGE_MS + 60_000,
  );

  it('loses nothing acknowledged when the broker (Mosquitto, persistent) restarts mid-stream', async () => {
    const { db, sql } = await database();
    const mosquitto = await spawnMosquitto({ persistence: true });
    cleanups.push(() => mosquitto.stop());
    await ingestOn(mosquitto.url, sql, { protocolVersion: 5 });
    const pub = mqtt.connect(mosquitto.url, {
      clientId: 'durability-pub',
      clean: false,
      reconnectPeriod: 200,
    });
    cleanups.push(() => pub.endAsync(true));
    const acked = new Set<number>();
    const sent: Promise<void>[] = [];
    for (let seq = 1; seq <= 400; seq++) {
      sent.push(
        new Promise((resolve) =>
          pub.publish(telemetryTopic('ctown', 'T1'), body(seq), { qos: 1 }, (error) => {
            if (!error) acked.add(seq);
            resolve();
          }),
        ),
      );
      if (seq === 200) await mosquitto.restart();
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await eventually(() => acked.size === 400, 30_000, 'every publish acknowledged by the broker');
    await Promise.all(sent);
    await eventually(async () => (await storedCount(db)) === 400, 30_000, 'all 400 stored');
    const rows = await db.prisma.telemetrySample.findMany({ select: { seq: true } });
    expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(400);
  }, 90_000);
});
