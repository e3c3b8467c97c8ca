// The whole product as a process: server.ts against a fresh database and a private Mosquitto,
// stopped with SIGTERM and started again. Latest values must come back from the twin snapshot
// before any new message, history must hold every sample once, and telemetry published while
// the BFF is down must be ingested after the restart (persistent session, QoS 1). Alarms
// raised before the stop must be there after it, and the same samples again add no event.
import {
  AssetListSchema,
  TelemetrySeriesSchema,
  telemetryTopic,
  type AssetWithLatest,
} from '@twinhelm/contracts';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, getJson, signIn } from '../bench/harness/api-client';
import { createFreshDatabase, type FreshDatabase } from '../src/testing/fresh-database';
import { quietPool } from '../src/testing/test-database';
import { spawnBff, type BffProcess } from '../bench/harness/spawn-bff';
import { spawnMosquitto, type SpawnedMosquitto } from '../src/broker/spawn-mosquitto';

const SITE = 'ctown';
const SAMPLES = 10;

let mosquitto: SpawnedMosquitto | undefined;
let database: FreshDatabase | undefined;
let bff: BffProcess | undefined;
let publisher: MqttClient | undefined;
let token = '';
let seq = 0;

async function startBff(): Promise<BffProcess> {
  if (!database || !mosquitto) throw new Error('setup did not finish');
  bff = await spawnBff({ databaseUrl: database.url, mqttUrl: mosquitto.url });
  return bff;
}

async function assets(): Promise<Map<string, AssetWithLatest>> {
  if (!bff) throw new Error('the BFF is not running');
  const list = await getJson(bff.baseUrl, `/api/sites/${SITE}/assets`, token, AssetListSchema);
  return new Map(list.assets.map((a) => [a.id, a]));
}

async function history(assetId: string, metric: string, from: number, to: number) {
  if (!bff) throw new Error('the BFF is not running');
  const query = new URLSearchParams({
    metric,
    from: String(from),
    to: String(to),
    maxPoints: '10000',
  });
  return getJson(
    bff.baseUrl,
    `/api/sites/${SITE}/assets/${assetId}/telemetry?${query.toString()}`,
    token,
    TelemetrySeriesSchema,
  );
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until)
      throw new Error(`timed out after ${ms} ms waiting for ${what}\n${bff?.logs() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Publishes SAMPLES junction readings 1 s apart (unique values) and returns their times. */
async function publishSeries(
  assetId: string,
  firstTs: number,
): Promise<{ ts: number; pressure: number }[]> {
  const sent: { ts: number; pressure: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    seq += 1;
    const sample = { ts: firstTs + i * 1000, pressure: 40 + seq / 100 };
    await publisher?.publishAsync(
      telemetryTopic(SITE, assetId),
      JSON.stringify({
        ts: sample.ts,
        seq,
        values: { pressure: sample.pressure, head: 100 + seq, demand: seq / 1000 },
      }),
      { qos: 1 },
    );
    sent.push(sample);
  }
  return sent;
}

async function expectHistoryOnce(assetId: string, sent: { ts: number; pressure: number }[]) {
  const first = sent[0]?.ts ?? 0;
  const last = sent.at(-1)?.ts ?? 0;
  const series = await history(assetId, 'pressure', first - 500, last + 500);
  expect(series.points.every((p) => p.n === 1)).toBe(true);
  expect(series.points.map((p) => p.v)).toEqual(sent.map((s) => s.pressure));
}

beforeAll(async () => {
  mosquitto = await spawnMosquitto({ persistence: false });
  database = await createFreshDatabase('twinhelm_server_test');
  await startBff();
  if (!bff) throw new Error('the BFF did not start');
  token = await createApiToken(bff.baseUrl, await signIn(bff.baseUrl), {
    name: 'server-test',
    role: 'viewer',
  });
  publisher = await mqtt.connectAsync(mosquitto.url, {
    clientId: 'server-test-publisher',
    reconnectPeriod: 0,
  });
}, 180_000);

afterAll(async () => {
  const steps = [
    () => publisher?.endAsync(true),
    () => bff?.stop(5000),
    () => database?.drop(),
    () => mosquitto?.stop(),
  ];
  for (const step of steps) await Promise.resolve(step()).catch(() => undefined);
}, 60_000);

describe('server.ts as a process (external PostgreSQL and Mosquitto)', () => {
  it('resumes the latest values from its snapshot after SIGTERM, and keeps each sample once', async () => {
    const junctions = [...(await assets()).values()].filter((a) => a.type === 'junction');
    expect(junctions.length).toBeGreaterThan(2);
    const ids = junctions.slice(0, 3).map((a) => a.id);
    const base = Date.now() - 60_000;
    const sent = new Map<string, { ts: number; pressure: number }[]>();
    for (const id of ids) sent.set(id, await publishSeries(id, base));
    const latestOf = (id: string) => sent.get(id)?.at(-1);

    await eventually(async () => {
      const now = await assets();
      return ids.every((id) => now.get(id)?.latest.pressure?.ts === latestOf(id)?.ts);
    }, 'the published values in /api/sites/ctown/assets');
    const before = await assets();

    expect(await bff?.stop()).toBe(0);
    await startBff();
    const after = await assets();
    for (const id of ids) {
      expect(after.get(id)?.latest).toEqual(before.get(id)?.latest);
      expect(after.get(id)?.latest.pressure).toEqual({
        v: latestOf(id)?.pressure,
        ts: latestOf(id)?.ts,
      });
      await expectHistoryOnce(id, sent.get(id) ?? []);
    }
  }, 120_000);

  it('ingests what was published while it was down, none lost or duplicated', async () => {
    const junction = [...(await assets()).values()].find((a) => a.type === 'junction');
    if (!junction) throw new Error('C-Town has no junction');
    const earlier = await publishSeries(junction.id, Date.now() - 40_000);
    await eventually(
      async () => (await assets()).get(junction.id)?.latest.pressure?.ts === earlier.at(-1)?.ts,
      'the first series',
    );

    expect(await bff?.stop()).toBe(0);
    const whileDown = await publishSeries(junction.id, Date.now() - 20_000);
    await startBff();

    await eventually(
      async () => (await assets()).get(junction.id)?.latest.pressure?.ts === whileDown.at(-1)?.ts,
      'the messages published while the BFF was down',
    );
    await expectHistoryOnce(junction.id, [...earlier, ...whileDown]);
    const health = (await (await fetch(`${bff?.baseUrl}/api/health`)).json()) as {
      ingest: { duplicates: number; accepted: number };
    };
    expect(health.ingest.accepted).toBe(SAMPLES * 3);
  }, 120_000);

  it('keeps its alarms across a restart, and the same samples again add no alarm event', async () => {
    if (!database) throw new Error('setup did not finish');
    const pool = quietPool(database.url);
    try {
      const key = 'J310/pressure-low-low';
      const row = async () =>
        (
          await pool.query<{ state: string; condition: boolean; alarm: unknown }>(
            `SELECT state, condition, alarm FROM alarm WHERE site_id = $1 AND key = $2`,
            [SITE, key],
          )
        ).rows[0];
      const eventCount = async () =>
        Number(
          (await pool.query<{ n: string }>('SELECT count(*) AS n FROM alarm_event')).rows[0]?.n,
        );
      // the default low-low rule (10 m) holds 15 s: two readings 20 s apart raise it
      const base = Date.now() - 30_000;
      const low = [base, base + 20_000].map((ts) => ({ ts, pressure: 4 }));
      const publishLow = async () => {
        for (const sample of low) {
          seq += 1;
          await publisher?.publishAsync(
            telemetryTopic(SITE, 'J310'),
            JSON.stringify({ ts: sample.ts, seq, values: { pressure: sample.pressure } }),
            { qos: 1 },
          );
        }
      };
      await publishLow();
      await eventually(async () => (await row())?.state === 'unack_active', `alarm ${key}`);
      const before = await row();
      const events = await eventCount();

      expect(await bff?.stop()).toBe(0);
      await startBff();
      expect(await row()).toEqual(before);

      await publishLow();
      await eventually(async () => {
        const health = (await (await fetch(`${bff?.baseUrl}/api/health`)).json()) as {
          ingest: { duplicates: number };
        };
        return health.ingest.duplicates >= low.length;
      }, 'the same samples again');
      // let a (wrong) second raise reach the database before counting
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await eventCount()).toBe(events);
      expect(await row()).toEqual(before);
    } finally {
      await pool.end();
    }
  }, 120_000);
});
