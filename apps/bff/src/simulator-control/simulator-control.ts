import type { InjectFaultRequest, SimulatorFaultsResponse } from '@twinhelm/contracts';
import type { HandSettingsResponse, PlantAction } from '@twinhelm/simulator';

/**
 * The demo plant simulator as the BFF drives it (port). server.ts adapts the running
 * simulator worker (@twinhelm/simulator's startSimulatorWorker handle) with simulatorControl().
 * Refusals reject with an error carrying a `code`: invalid, unknown_asset, no_fault,
 * unavailable or failed (@twinhelm/simulator's SimulatorRequestError).
 */
export interface SimulatorControl {
  /** The one site the simulator publishes. */
  readonly siteId: string;
  injectFault(request: InjectFaultRequest): Promise<SimulatorFaultsResponse>;
  clearFault(assetId: string): Promise<SimulatorFaultsResponse>;
  faults(): Promise<SimulatorFaultsResponse>;
  /**
   * Carries out operator actions (pump-speed, valve-setting, automatic), each pump or valve held
   * by hand; all refused (`invalid`, `unknown_asset`) when one is, nothing applied.
   */
  applyActions(actions: readonly PlantAction[]): Promise<HandSettingsResponse>;
}

/** What simulatorControl() needs of the worker handle. */
export interface SimulatorFaultHandle {
  injectFault(request: unknown): Promise<SimulatorFaultsResponse>;
  clearFault(assetId: string): Promise<SimulatorFaultsResponse>;
  faults(): Promise<SimulatorFaultsResponse>;
  applyActions(actions: readonly PlantAction[]): Promise<HandSettingsResponse>;
}

/** The running simulator worker of one site as a SimulatorControl. */
export function simulatorControl(siteId: string, handle: SimulatorFaultHandle): SimulatorControl {
  return {
    siteId,
    injectFault: (request) => handle.injectFault(request),
    clearFault: (assetId) => handle.clearFault(assetId),
    faults: () => handle.faults(),
    applyActions: (actions) => handle.applyActions(actions),
  };
}
