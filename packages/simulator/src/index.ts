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
export type { FaultEvent, FaultKind, FaultEdge, FaultsOptions } from './fault-scheduler';
export type { MeasuredAsset } from './measured-assets';
export { createSeededRandom } from './random';
export type { RandomSource } from './random';
export { startSimulatorWorker } from './start-simulator-worker';
export type { SimulatorWorkerHandle, StartSimulatorWorkerOptions } from './start-simulator-worker';
export type { SimulatorStats, SimulatorWorkerOptions } from './worker/worker-protocol';
export type { PublisherStats } from './mqtt-publisher';
