import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrokerOnFreePort } from './start-broker-on-free-port';
import type { EmbeddedBroker } from './start-embedded-broker';

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

describe('startBrokerOnFreePort', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  it('moves past a taken default port, and says so naming MQTT_PORT', async () => {
    const taken = await occupy();
    cleanup.push(() => new Promise((r) => taken.server.close(() => r())));
    const warnings: string[] = [];
    let broker: EmbeddedBroker | undefined;
    try {
      broker = await startBrokerOnFreePort({
        port: taken.port,
        username: 'u',
        password: 'p',
        explicit: false,
        log: (_level, message) => warnings.push(message),
      });
    } catch {
      // The port after the taken one may be busy too on a shared machine; the warning is the point.
    }
    if (broker) cleanup.push(() => broker.close());
    expect(warnings[0]).toContain(`MQTT port ${taken.port} is already in use`);
    expect(warnings[0]).toContain('MQTT_PORT');
  });

  it('refuses a taken port chosen with MQTT_PORT', async () => {
    const taken = await occupy();
    cleanup.push(() => new Promise((r) => taken.server.close(() => r())));
    await expect(
      startBrokerOnFreePort({
        port: taken.port,
        username: 'u',
        password: 'p',
        explicit: true,
        log: () => undefined,
      }),
    ).rejects.toThrow(`MQTT port ${taken.port} is already in use (another broker?): set MQTT_PORT`);
  });
});
