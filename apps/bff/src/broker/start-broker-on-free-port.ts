import type { Logger } from '../log';
import {
  MqttPortInUseError,
  startEmbeddedBroker,
  type EmbeddedBroker,
  type EmbeddedBrokerOptions,
} from './start-embedded-broker';

/** How many ports after the default the embedded broker tries when MQTT_PORT is not set. */
export const FALLBACK_PORTS = 10;

/**
 * Starts the embedded broker. A port chosen with MQTT_PORT must be free (the error names the
 * variable). The default port, when taken (a machine that already runs Mosquitto on 1883), moves
 * to the next free one of the following ten, saying so, so that one command still starts the demo.
 */
export async function startBrokerOnFreePort(
  options: EmbeddedBrokerOptions & { explicit: boolean; log: Logger },
): Promise<EmbeddedBroker> {
  const { explicit, log, ...broker } = options;
  const last = explicit ? broker.port : broker.port + FALLBACK_PORTS;
  for (let port = broker.port; ; port++) {
    try {
      return await startEmbeddedBroker({ ...broker, port });
    } catch (error) {
      if (!(error instanceof MqttPortInUseError) || port >= last) throw error;
      log(
        'warn',
        `MQTT port ${port} is already in use (another broker?): the embedded broker tries ${port + 1}; set MQTT_PORT to choose its port, or MQTT_URL to use that broker instead`,
      );
    }
  }
}
