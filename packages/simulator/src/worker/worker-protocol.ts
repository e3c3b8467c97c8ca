import { type SimulatorFaultsResponse } from '@twinhelm/contracts';
import { type SimulatorRequestErrorCode } from '../simulator-requests';
import { type FaultEvent } from '../fault-scheduler';
import { type HandSetting } from '../plant-actions';
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

/** Requests that get exactly one `reply` with the same id. */
export type WorkerRequest =
  | { type: 'inject-fault'; request: unknown }
  | { type: 'clear-fault'; assetId: string }
  | { type: 'list-faults' }
  | { type: 'apply-actions'; actions: unknown }
  | { type: 'list-hand-settings' };

/** The pumps and valves held by hand (applyActions). */
export interface HandSettingsResponse {
  siteId: string;
  plantTimeS: number;
  settings: HandSetting[];
}

/** The result of each request type. */
export interface WorkerResults {
  'inject-fault': SimulatorFaultsResponse;
  'clear-fault': SimulatorFaultsResponse;
  'list-faults': SimulatorFaultsResponse;
  'apply-actions': HandSettingsResponse;
  'list-hand-settings': HandSettingsResponse;
}

export type WorkerReply =
  | { ok: true; result: WorkerResults[keyof WorkerResults] }
  | { ok: false; code: SimulatorRequestErrorCode; message: string };

export type ToWorker = { type: 'stop' } | { type: 'request'; id: number; body: WorkerRequest };
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
  | { type: 'reply'; id: number; reply: WorkerReply }
  | { type: 'failed'; message: string };
