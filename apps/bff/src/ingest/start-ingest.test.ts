import { telemetryTopic } from '@twinhelm/contracts';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../broker/start-embedded-broker';
import { pgSql } from '../db/sql-pg';
import { createTestDatabase, quietPool } from '../testing/test-database';
import { createTwinState } from '../twin/twin-state';
import { eventually, seedSite } from './ingest.test-helper';
import { startIngest } from './start-ingest';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});
const CREDS = { username: 'twinhelm', password: 'test-broker-pass' };

async function setup() {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  await seedSite(db.prisma);
  const pool = quietPool(db.url);
  cleanups.push(() => pool.end());
  const broker = await startEmbeddedBroker({ port: 0, ...CREDS });
  cleanups.push(() => broker.close());
  const twin = createTwinState();
  const ingest = await startIngest({
    sql: pgSql(pool),
    twin,
    broker: {
      url: broker.url,
      ...CREDS,
      clientId: 'test-ingest',
      protocolVersion: 4,
      embedded: true,
    },
    batchMax: 100,
    batchMs: 20,
    log: () => undefined,
  });
  cleanups.push(() => ingest.close());
  await ingest.subscribed();
  const publisher = await mqtt.connectAsync(broker.url, { ...CREDS, clientId: 'test-pub' });
  cleanups.push(() => publisher.endAsync(true));
  return { db, twin, ingest, publisher };
}

describe('startIngest (embedded broker, local PostgreSQL)', () => {
  it('stores exactly the valid samples once, rejects the rest with reasons, and keeps the newest state', async () => {
    const { db, twin, ingest, publisher } = await setup();
    const changes: unknown[] = [];
    twin.onChange((siteId, c) => changes.push({ siteId, c }));
    const send = (asset: string, body: unknown) =>
      publisher.publishAsync(
        telemetryTopic('ctown', asset),
        typeof body === 'string' ? body : JSON.stringify(body),
        { qos: 1 },
      );
    await send('T1', { ts: 2000, seq: 2, values: { level: 3.2 } });
    await send('T1', { ts: 1000, seq: 1, values: { level: 2.9 } });
    await send('T1', { ts: 2000, seq: 2, values: { level: 3.2 } });
    await send('PU1', { ts: 1500, seq: 9, values: { status: true, speed: 0.8, rpm: 1400 } });
    await send('J1', '{"ts":1,"seq":1,"values":{"pressure":1e999}}');
    await send('J2', { ts: 1, seq: 1, values: { pressure: 40 } });
    await send('J1', 'not json');

    await eventually(
      async () => (await db.prisma.rejectedMessage.count()) === 4,
      10_000,
      'rejects stored',
    );
    await eventually(() => ingest.status.ingest().accepted === 4, 10_000, 'samples durable');
    const rows = await db.prisma.telemetrySample.findMany({
      orderBy: [{ assetId: 'asc' }, { metric: 'asc' }, { ts: 'asc' }],
    });
    expect(rows.map((r) => [r.assetId, r.metric, r.ts.getTime(), r.value])).toEqual([
      ['PU1', 'speed', 1500, 0.8],
      ['PU1', 'status', 1500, 1],
      ['T1', 'level', 1000, 2.9],
      ['T1', 'level', 2000, 3.2],
    ]);
    const rejects = await db.prisma.rejectedMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rejects.map((r) => r.reason).sort()).toEqual([
      'bad_json',
      'non_finite',
      'unknown_asset',
      'unknown_metric',
    ]);
    expect(rejects.find((r) => r.reason === 'unknown_asset')?.detail).toMatch(
      /J2: unknown asset in site ctown \(did you mean J1[,?]/,
    );
    expect(rejects.find((r) => r.reason === 'bad_json')?.payload).toBe('not json');

    const status = ingest.status.ingest();
    expect(status).toMatchObject({ accepted: 4, duplicates: 1, pending: 0 });
    expect(status.rejected).toEqual({
      unknown_metric: 1,
      non_finite: 1,
      unknown_asset: 1,
      bad_json: 1,
    });
    expect(ingest.status.broker()).toMatchObject({ embedded: true, connected: true });
    expect(ingest.status.rejectedBySite()).toEqual({
      ctown: { unknown_metric: 1, non_finite: 1, unknown_asset: 1, bad_json: 1 },
    });
    expect(twin.snapshot('ctown').state).toEqual({
      T1: { level: { v: 3.2, ts: 2000 } },
      PU1: { status: { v: 1, ts: 1500 }, speed: { v: 0.8, ts: 1500 } },
    });
    expect(changes.length).toBeGreaterThan(0);
  });

  it('learns assets imported after start once reloadAssets() is called', async () => {
    const { db, ingest, publisher } = await setup();
    await db.prisma.asset.create({
      data: { siteId: 'ctown', id: 'V9', type: 'valve', x: 0, y: 0, z: 0 },
    });
    await ingest.reloadAssets();
    await publisher.publishAsync(
      telemetryTopic('ctown', 'V9'),
      JSON.stringify({ ts: 5, seq: 1, values: { setting: 30 } }),
      { qos: 1 },
    );
    await eventually(() => ingest.status.ingest().accepted === 1, 10_000, 'valve sample durable');
    expect(await db.prisma.rejectedMessage.count()).toBe(0);
  });
});
