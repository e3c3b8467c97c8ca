import { FlowUnits } from 'epanet-js';

/**
 * Factors that turn EPANET's reporting units into the contract's SI units (L/s, m). Pump energy
 * (EN_ENERGY) is reported in kW whatever the unit system, so it needs no factor.
 */
export interface UnitFactors {
  flowToLps: number;
  lengthToM: number;
}

const CMS = 10;
const FLOW_TO_LPS: Record<number, number> = {
  [FlowUnits.CFS]: 28.316846592,
  [FlowUnits.GPM]: 0.0630901964,
  [FlowUnits.MGD]: 43.812636389,
  [FlowUnits.IMGD]: 52.616782,
  [FlowUnits.AFD]: 14.276410231,
  [FlowUnits.LPS]: 1,
  [FlowUnits.LPM]: 1 / 60,
  [FlowUnits.MLD]: 1e6 / 86400,
  [FlowUnits.CMH]: 1000 / 3600,
  [FlowUnits.CMD]: 1000 / 86400,
  [CMS]: 1000,
};
const US_FLOW_UNITS = new Set<number>([
  FlowUnits.CFS,
  FlowUnits.GPM,
  FlowUnits.MGD,
  FlowUnits.IMGD,
  FlowUnits.AFD,
]);

export function unitFactors(flowUnits: number): UnitFactors {
  const flowToLps = FLOW_TO_LPS[flowUnits];
  if (flowToLps === undefined) {
    throw new Error(`EPANET flow units code ${flowUnits} is not supported (expected 0-10)`);
  }
  return { flowToLps, lengthToM: US_FLOW_UNITS.has(flowUnits) ? 0.3048 : 1 };
}
