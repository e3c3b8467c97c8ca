import { type FaultEvent } from '../fault-scheduler';
import { type PublisherStats } from '../mqtt-publisher';
import { type PlantSimulatorOptions } from '../simulator-options';

export interface WorkerConnectionOptions {
  mqttUrl: string;
  username?: string;
  password?: string;
  clientId?: string;
  /** Cap on messages waiting for the broker (see createMqttPublisher). */
  maxPending?: number;
  /** How long stop() waits for queued messages to be acknowledged, ms. */
  drainMs?: number;
}

export type SimulatorWorkerOptions = PlantSimulatorOptions & WorkerConnectionOptions;

export interface SimulatorStats {
  running: boolean;
  ticks: number;
  messages: number;
  plantTimeS: number;
  faultEvents: number;
  engineWarnings: number;
  publisher: PublisherStats & { lastError?: string };
}

export type ToWorker = { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; assets: number }
  | { type: 'stats'; stats: SimulatorStats }
  | {
      type: 'log';
      level: 'info' | 'warn' | 'error';
      message: string;
      fields?: Record<string, unknown>;
    }
  | { type: 'fault'; event: FaultEvent }
  | { type: 'stopped'; stats: SimulatorStats }
  | { type: 'failed'; message: string };
