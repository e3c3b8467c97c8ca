import { type HydraulicEngine } from './hydraulic-engine';
import { type MeasuredAsset } from './measured-assets';
import { type NetworkLink } from './network-elements';
import { gaussian, type RandomSource } from './random';

/** Flows below this (L/s) read as zero, like a meter's low-flow cut-off. */
export const LOW_FLOW_CUTOFF_LPS = 0.01;
const PSI_TO_M = 0.70307;
/** Gauge pressure of a full vacuum, m of water. */
const VACUUM_M = -10.33;

export type MetricValues = Record<string, number>;

function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function noisyFlow(flow: number, random: RandomSource): number {
  if (Math.abs(flow) < LOW_FLOW_CUTOFF_LPS) return 0;
  return round(flow + (0.02 + 0.005 * Math.abs(flow)) * gaussian(random));
}

function valveSettingSi(engine: HydraulicEngine, link: NetworkLink, setting: number): number {
  if (link.valveType === 'FCV') return setting * engine.units.flowToLps;
  if (link.valveType === 'PRV' || link.valveType === 'PSV' || link.valveType === 'PBV') {
    return engine.units.lengthToM === 1 ? setting : setting * PSI_TO_M;
  }
  return setting;
}

/** EPANET 2.3's EN_STATUS of a valve: 0 closed, 1 fully open, 2 active (regulating). */
function valveStatus(status: number): number {
  return status === 0 || status === 1 || status === 2 ? status : 1;
}

/** True when the pump is open and moves water. */
export function pumpRunning(engine: HydraulicEngine, link: NetworkLink): boolean {
  return (
    engine.linkValue(link.index, 'status') === 1 &&
    engine.linkValue(link.index, 'flow') > LOW_FLOW_CUTOFF_LPS
  );
}

/**
 * One measurement of an asset in SI units with sensor noise. Pump vibration and bearing
 * temperature come from the pump condition model and are added by the caller.
 */
export function readMeasurements(
  engine: HydraulicEngine,
  asset: MeasuredAsset,
  random: RandomSource,
): MetricValues {
  switch (asset.type) {
    case 'junction': {
      const head = engine.headM(asset.node.index);
      const noise = 0.02 * gaussian(random);
      // A gauge reads no lower than a full vacuum, whatever a drained zone's solve says.
      const pressure = Math.max(head - asset.node.elevationM, VACUUM_M);
      return { pressure: round(pressure + noise), head: round(head + noise) };
    }
    case 'tank': {
      const head = engine.headM(asset.node.index);
      const exact = head - asset.node.elevationM;
      const level = Math.min(
        asset.node.maxLevelM ?? exact,
        Math.max(asset.node.minLevelM ?? 0, exact + 0.003 * gaussian(random)),
      );
      return { level: round(level), head: round(asset.node.elevationM + level) };
    }
    case 'pump': {
      const running = pumpRunning(engine, asset.link);
      const power = engine.linkValue(asset.link.index, 'power');
      return {
        status: running ? 1 : 0,
        // What the controls command: EPANET's status of the pump (open 1, closed 0).
        command: engine.linkValue(asset.link.index, 'status') === 1 ? 1 : 0,
        speed: running ? round(engine.linkValue(asset.link.index, 'setting')) : 0,
        flow: running ? noisyFlow(engine.linkValue(asset.link.index, 'flow'), random) : 0,
        power: running ? round(Math.max(0, power * (1 + 0.005 * gaussian(random)))) : 0,
      };
    }
    case 'valve': {
      const setting = engine.linkValue(asset.link.index, 'setting');
      return {
        status: valveStatus(engine.linkValue(asset.link.index, 'status')),
        setting: round(valveSettingSi(engine, asset.link, setting)),
        flow: noisyFlow(engine.linkValue(asset.link.index, 'flow'), random),
      };
    }
    case 'pipe': {
      const flow = noisyFlow(engine.linkValue(asset.link.index, 'flow'), random);
      const velocity = engine.linkValue(asset.link.index, 'velocity');
      return {
        flow,
        velocity:
          flow === 0 ? 0 : round(velocity * Math.sign(flow) * (1 + 0.005 * gaussian(random))),
      };
    }
  }
}
