import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from './start-embedded-broker';

const started: EmbeddedBroker[] = [];
afterEach(async () => {
  while (started.length) await started.pop()?.close();
});

async function start(port = 0): Promise<EmbeddedBroker> {
  const broker = await startEmbeddedBroker({ port, username: 'twinhelm', password: 'secret-pass' });
  started.push(broker);
  return broker;
}

describe('startEmbeddedBroker', () => {
  it('delivers messages between clients that present the credentials', async () => {
    const broker = await start();
    const options = { username: 'twinhelm', password: 'secret-pass', reconnectPeriod: 0 };
    const sub = await mqtt.connectAsync(broker.url, options);
    const pub = await mqtt.connectAsync(broker.url, options);
    try {
      await sub.subscribeAsync('t/#', { qos: 1 });
      const got = new Promise<string>((resolve) =>
        sub.on('message', (_t, payload) => resolve(payload.toString())),
      );
      await pub.publishAsync('t/x', 'hello', { qos: 1 });
      expect(await got).toBe('hello');
    } finally {
      await Promise.all([sub.endAsync(true), pub.endAsync(true)]);
    }
  });

  it.each([
    ['a wrong password', { username: 'twinhelm', password: 'nope' }],
    ['no credentials', {}],
  ])('refuses a client with %s', async (_label, credentials) => {
    const broker = await start();
    await expect(
      mqtt.connectAsync(broker.url, { ...credentials, reconnectPeriod: 0 }),
    ).rejects.toThrow(/bad username or password/i);
  });

  it('says what to do when the port is taken', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(startEmbeddedBroker({ port, username: 'u', password: 'p' })).rejects.toThrow(
      `MQTT port ${port} is already in use (another broker?): set MQTT_PORT to a free port, or MQTT_URL to use that broker`,
    );
  });
});
