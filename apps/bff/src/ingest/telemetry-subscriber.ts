import { TELEMETRY_SUBSCRIPTION } from '@twinhelm/contracts';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface SubscriberOptions {
  url: string;
  username?: string;
  password?: string;
  /** Fixed, so the broker keeps our session (clean: false) and queues QoS 1 messages while we are away. */
  clientId: string;
  /** 5 (default) lets us widen the broker's in-flight window; aedes speaks only 4 (3.1.1). */
  protocolVersion?: 4 | 5;
  /** MQTT 5: how many unacknowledged QoS 1 messages the broker may send us at once. */
  receiveMaximum?: number;
  /** Subscribe as `$share/<group>/…` so several BFF instances split the stream. */
  shareGroup?: string;
  /**
   * One message. Call `ack` once it is durable (it sends the PUBACK if the connection it came on
   * is still up; otherwise the broker redelivers it). Return false to stop taking messages
   * until `resume()`.
   */
  onMessage(topic: string, payload: Buffer, ack: () => void): boolean;
  onError?(error: Error): void;
}

export interface TelemetrySubscriber {
  connected(): boolean;
  /** Resolves after the subscription is in place on the current connection. */
  subscribed(): Promise<void>;
  /** Takes messages again after onMessage returned false. */
  resume(): void;
  close(): Promise<void>;
}

/** mqtt.js's private PUBACK sender (see README: why acknowledgements are deferred by hand). */
interface PacketSender {
  _sendPacket(
    packet: { cmd: 'puback'; messageId: number },
    cb?: () => void,
    cbStorePut?: () => void,
    noStore?: boolean,
  ): void;
}

/** Returned to mqtt.js's handleMessage callback: "handled, but do not send the PUBACK". */
const ACK_DEFERRED = new Error('acknowledgement deferred until the sample is durable');

export function subscribeTelemetry(options: SubscriberOptions): TelemetrySubscriber {
  const v5 = (options.protocolVersion ?? 5) === 5;
  const clientOptions: IClientOptions = {
    clientId: options.clientId,
    clean: false,
    protocolVersion: v5 ? 5 : 4,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(v5
      ? {
          properties: {
            sessionExpiryInterval: 7 * 24 * 3600,
            receiveMaximum: options.receiveMaximum ?? 5000,
          },
        }
      : {}),
  };
  const client: MqttClient = mqtt.connect(options.url, clientOptions);
  const topic = options.shareGroup
    ? `$share/${options.shareGroup}/${TELEMETRY_SUBSCRIPTION}`
    : TELEMETRY_SUBSCRIPTION;
  let generation = 0;
  let held: (() => void) | undefined;
  let subscribedNow: Promise<void> = new Promise(() => undefined);
  let markSubscribed: () => void = () => undefined;
  const resetSubscribed = (): void => {
    subscribedNow = new Promise((resolve) => (markSubscribed = resolve));
  };
  resetSubscribed();

  client.on('connect', () => {
    client.subscribe(topic, { qos: 1 }, (error) => {
      if (error) options.onError?.(error);
      else markSubscribed();
    });
  });
  client.on('close', () => {
    generation += 1;
    resetSubscribed();
  });
  client.on('error', (error) => options.onError?.(error));

  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const { messageId, qos } = packet;
    const receivedOn = generation;
    const ack =
      qos > 0 && messageId !== undefined
        ? () => {
            if (receivedOn === generation && client.connected) {
              (client as unknown as PacketSender)._sendPacket(
                { cmd: 'puback', messageId },
                undefined,
                undefined,
                true,
              );
            }
          }
        : () => undefined;
    const accepting = options.onMessage(packet.topic, packet.payload as Buffer, ack);
    const release = () => (qos > 0 ? callback(ACK_DEFERRED) : callback());
    if (accepting) release();
    else held = release;
  };

  return {
    connected: () => client.connected,
    subscribed: () => subscribedNow,
    resume() {
      const release = held;
      held = undefined;
      release?.();
    },
    async close() {
      await client.endAsync(true);
    },
  };
}
