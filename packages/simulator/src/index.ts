export { PlantSimulator } from './plant-simulator';
export type {
  PublishFn,
  SimulatorDeps,
  SimulatorLogger,
  SimulatorMessage,
  SimulatorCounters,
} from './plant-simulator';
export { PlantSimulatorOptionsSchema, resolveSimulatorOptions } from './simulator-options';
export type { PlantSimulatorOptions, ResolvedSimulatorOptions } from './simulator-options';
export type {
  FaultEvent,
  FaultKind,
  FaultEdge,
  FaultOrigin,
  FaultsOptions,
} from './fault-scheduler';
export { SimulatorRequestError, type SimulatorRequestErrorCode } from './simulator-requests';
export type { MeasuredAsset } from './measured-assets';
export { createSeededRandom } from './random';
export type { RandomSource } from './random';
export { startSimulatorWorker } from './start-simulator-worker';
export type { SimulatorWorkerHandle, StartSimulatorWorkerOptions } from './start-simulator-worker';
export type {
  HandSettingsResponse,
  SimulatorStats,
  SimulatorWorkerOptions,
} from './worker/worker-protocol';
export { PlantActionSchema, type HandSetting, type PlantAction } from './plant-actions';
export type { PublisherStats } from './mqtt-publisher';
