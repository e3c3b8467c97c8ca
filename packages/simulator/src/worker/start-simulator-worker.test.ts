import mqtt from 'mqtt';
import { parseTelemetryTopic, TelemetryPayloadSchema, telemetryTopic } from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('rejects with the reason when the options are invalid', async () => {
    await expect(
      startSimulatorWorker({ siteId: SITE, inpText: 'not a network', seed: 1, mqttUrl: MQTT_URL }),
    ).rejects.toThrow(/could not start: .*EPANET/);
  }, 30_000);
});
