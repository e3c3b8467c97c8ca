import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';

/** The embedded broker's port is taken (often by another broker on 1883). */
export class MqttPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `MQTT port ${port} is already in use (another broker?): set MQTT_PORT to a free port, or MQTT_URL to use that broker`,
    );
    this.name = 'MqttPortInUseError';
  }
}

export interface EmbeddedBrokerOptions {
  port: number;
  host?: string;
  username: string;
  password: string;
}

export interface EmbeddedBroker {
  /** mqtt://host:port of the listening broker. */
  url: string;
  close(): Promise<void>;
}

function sameSecret(given: Buffer | undefined, expected: string): boolean {
  const want = Buffer.from(expected);
  return given !== undefined && given.length === want.length && timingSafeEqual(given, want);
}

function badCredentials(): AuthenticateError {
  const error = new Error('bad username or password') as AuthenticateError;
  error.returnCode = 4;
  return error;
}

/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1, in-memory persistence) for the demo set-up when
 * MQTT_URL is unset. Every client must present the configured username and password.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const host = options.host ?? '127.0.0.1';
  const broker = await Aedes.createBroker({
    authenticate: (_client, username, password, done) => {
      if (username === options.username && sameSecret(password, options.password)) done(null, true);
      else done(badCredentials(), false);
    },
  });
  const server = createServer(broker.handle);
  try {
    await listen(server, options.port, host);
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `mqtt://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new MqttPortInUseError(port));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}
