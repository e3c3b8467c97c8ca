import mqtt from 'mqtt';
import { parseTelemetryTopic, TelemetryPayloadSchema, telemetryTopic } from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { SimulatorRequestError } from '../simulator-requests';
import { type FaultEvent } from '../fault-scheduler';
import { startSimulatorWorker } from '../start-simulator-worker';
import { CTOWN_INP } from '../test-fixtures';

const MQTT_URL = 'mqtt://127.0.0.1:1883';
const SITE = `simtest-${process.pid}`;
const clients: mqtt.MqttClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync()));
});

describe('startSimulatorWorker through the local Mosquitto', () => {
  it('publishes contract-valid telemetry that a subscriber receives, then stops cleanly', async () => {
    const subscriber = await mqtt.connectAsync(MQTT_URL, { clientId: `sub-${SITE}` });
    clients.push(subscriber);
    const received: { topic: string; payload: string }[] = [];
    subscriber.on('message', (topic, payload) =>
      received.push({ topic, payload: payload.toString() }),
    );
    await subscriber.subscribeAsync(telemetryTopic(SITE, '+'), { qos: 1 });

    const handle = await startSimulatorWorker({
      siteId: SITE,
      inpText: CTOWN_INP,
      seed: 1,
      speedup: 600,
      sampleIntervalMs: 200,
      mqttUrl: MQTT_URL,
      faults: { enabled: true, meanIntervalS: 600 },
    });
    const deadline = Date.now() + 15_000;
    while (received.length < 300 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await handle.stop();

    const stats = handle.stats();
    expect(stats.running).toBe(false);
    expect(stats.publisher.published).toBeGreaterThan(0);
    expect(stats.publisher.acknowledged).toBe(stats.publisher.published);
    expect(stats.publisher.pending).toBe(0);
    expect(received.length).toBeGreaterThanOrEqual(300);
    for (const { topic, payload } of received) {
      expect(parseTelemetryTopic(topic)).toMatchObject({ ok: true, siteId: SITE });
      expect(TelemetryPayloadSchema.safeParse(JSON.parse(payload)).success).toBe(true);
    }
    expect(
      new Set(
        received.map((m) => parseTelemetryTopic(m.topic)).map((p) => (p.ok ? p.assetId : '')),
      ),
    ).toContain('PU1');
  }, 30_000);

  it('trips a pump on demand through the worker, refuses a bad id, clears it; applies actions', async () => {
    const site = `${SITE}-faults`;
    const subscriber = await mqtt.connectAsync(MQTT_URL, { clientId: `sub-${site}` });
    clients.push(subscriber);
    const pu8: { ts: number; values: Record<string, unknown> }[] = [];
    subscriber.on('message', (_topic, payload) => {
      const parsed = TelemetryPayloadSchema.parse(JSON.parse(payload.toString()));
      pu8.push({ ts: Number(parsed.ts), values: parsed.values });
    });
    await subscriber.subscribeAsync(telemetryTopic(site, 'PU8'), { qos: 1 });
    const events: FaultEvent[] = [];
    const handle = await startSimulatorWorker({
      siteId: site,
      inpText: CTOWN_INP,
      seed: 1,
      sampleIntervalMs: 100,
      mqttUrl: MQTT_URL,
      faults: { enabled: false, meanIntervalS: 3600 },
      onFault: (event) => events.push(event),
    });
    try {
      const refused = await handle
        .injectFault({ kind: 'pump_trip', assetId: 'PU88' })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SimulatorRequestError);
      expect(refused).toMatchObject({
        code: 'unknown_asset',
        message: `PU88: not a pump in site ${site} (did you mean PU8, PU1, PU10?)`,
      });
      const injected = await handle.injectFault({ kind: 'pump_trip', assetId: 'PU8' });
      expect(injected).toMatchObject({
        siteId: site,
        speedup: 60,
        faults: [{ kind: 'pump_trip', assetId: 'PU8', origin: 'injected', plantEndS: null }],
      });
      const trippedAt = injected.faults[0]?.startedAt ?? 0;
      const deadline = Date.now() + 10_000;
      while (!pu8.some((m) => m.ts > trippedAt) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const after = pu8.filter((m) => m.ts > trippedAt);
      expect(after.length).toBeGreaterThan(0);
      for (const m of after)
        expect([m.values.command, m.values.status, m.values.power]).toEqual([1, 0, 0]);
      expect((await handle.faults()).faults.map((f) => f.assetId)).toEqual(['PU8']);
      expect((await handle.clearFault('PU8')).faults).toEqual([]);
      await expect(handle.clearFault('PU8')).rejects.toMatchObject({ code: 'no_fault' });
      const hands = await handle.applyActions([{ type: 'pump-speed', assetId: 'PU9', speed: 1 }]);
      expect(hands.settings.map((h) => [h.assetId, h.plantEndS])).toEqual([['PU9', null]]);
      await expect(
        handle.applyActions([{ type: 'valve-setting', assetId: 'PU9', status: 'open' }]),
      ).rejects.toMatchObject({ code: 'unknown_asset' });
      expect((await handle.handSettings()).settings).toHaveLength(1);
      expect(events.map((e) => `${e.kind} ${e.edge} ${e.assetId} ${e.origin}`)).toEqual([
        'pump_trip start PU8 injected',
        'pump_trip end PU8 injected',
      ]);
    } finally {
      await handle.stop();
    }
    await expect(handle.faults()).rejects.toMatchObject({ code: 'unavailable' });
  }, 30_000);

  it('rejects with the reason when the options are invalid', async () => {
    await expect(
      startSimulatorWorker({ siteId: SITE, inpText: 'not a network', seed: 1, mqttUrl: MQTT_URL }),
    ).rejects.toThrow(/could not start: .*EPANET/);
  }, 30_000);
});
