import mqtt from 'mqtt';

export interface MqttPublisherOptions {
  mqttUrl: string;
  username?: string;
  password?: string;
  clientId?: string;
  /** Messages held for the broker (sent or queued, not yet acknowledged) before new ones are dropped. */
  maxPending?: number;
}

export interface PublisherStats {
  connected: boolean;
  /** Handed to the client. */
  published: number;
  /** Acknowledged by the broker (PUBACK). */
  acknowledged: number;
  /** Waiting for a PUBACK: in flight, or queued while the broker is unreachable. */
  pending: number;
  /** Refused because pending reached maxPending. */
  dropped: number;
  failed: number;
  reconnects: number;
}

/** A publisher that has not connected or sent anything yet. */
export function emptyPublisherStats(): PublisherStats {
  return {
    connected: false,
    published: 0,
    acknowledged: 0,
    pending: 0,
    dropped: 0,
    failed: 0,
    reconnects: 0,
  };
}

/**
 * QoS 1 publishing through mqtt.js. While the broker is unreachable, mqtt.js keeps every
 * unacknowledged QoS 1 message in its outgoing store and sends it again after reconnecting, so a
 * broker restart loses nothing; pending is capped so a long outage cannot exhaust memory.
 */
export function createMqttPublisher(options: MqttPublisherOptions) {
  const maxPending = options.maxPending ?? 100_000;
  const stats = emptyPublisherStats();
  let lastError: string | undefined;
  const client = mqtt.connect(options.mqttUrl, {
    clientId:
      options.clientId ?? `twinhelm-simulator-${process.pid}-${Math.floor(Math.random() * 1e6)}`,
    username: options.username,
    password: options.password,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    clean: true,
  });
  client.on('connect', () => {
    stats.connected = true;
  });
  client.on('close', () => {
    stats.connected = false;
  });
  client.on('reconnect', () => {
    stats.reconnects += 1;
  });
  client.on('error', (error) => {
    lastError = error.message;
  });

  function publish(topic: string, payload: string): Promise<void> {
    if (stats.pending >= maxPending) {
      stats.dropped += 1;
      return Promise.reject(
        new Error(
          `${stats.pending} messages wait for the broker at ${options.mqttUrl}; dropping new ones`,
        ),
      );
    }
    stats.published += 1;
    stats.pending += 1;
    client.publish(topic, payload, { qos: 1 }, (error) => {
      stats.pending -= 1;
      if (error) {
        stats.failed += 1;
        lastError = error.message;
      } else {
        stats.acknowledged += 1;
      }
    });
    return Promise.resolve();
  }

  /** Waits up to drainMs for pending messages to be acknowledged, then disconnects. */
  async function end(drainMs: number): Promise<void> {
    const deadline = Date.now() + drainMs;
    while (stats.pending > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await client.endAsync(stats.pending > 0);
  }

  return {
    publish,
    end,
    stats: (): PublisherStats & { lastError?: string } => ({
      ...stats,
      ...(lastError ? { lastError } : {}),
    }),
  };
}

export type MqttPublisher = ReturnType<typeof createMqttPublisher>;
