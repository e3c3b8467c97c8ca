/** Conversion of an .inp file's units to the model's SI units (m, L/s, kW). */

export const US_FLOW_UNITS = ['CFS', 'GPM', 'MGD', 'IMGD', 'AFD'] as const;
export const SI_FLOW_UNITS = ['LPS', 'LPM', 'MLD', 'CMH', 'CMD', 'CMS'] as const;
export type FlowUnit = (typeof US_FLOW_UNITS)[number] | (typeof SI_FLOW_UNITS)[number];

/** Litres per second in one unit of each flow unit. */
const LPS_PER_UNIT: Record<FlowUnit, number> = {
  CFS: 28.316846592,
  GPM: 3.785411784 / 60,
  MGD: 3785411.784 / 86400,
  IMGD: 4546090 / 86400,
  AFD: 1233481.83754752 / 86400,
  LPS: 1,
  LPM: 1 / 60,
  MLD: 1e6 / 86400,
  CMH: 1000 / 3600,
  CMD: 1000 / 86400,
  CMS: 1000,
};

/** EPANET's own constant (psi per foot of water), so converted settings agree with the engine. */
const PSI_PER_FT = 0.4333;
const KPA_PER_PSI = 6.894757;
const M_PER_FT = 0.3048;

export type PressureUnit = 'PSI' | 'KPA' | 'METERS' | 'BAR' | 'FEET';

export interface UnitSystem {
  flowUnit: FlowUnit;
  us: boolean;
  /** Multiply a file flow to get L/s. */
  flow: number;
  /** Multiply a file length, elevation, head or level to get m. */
  length: number;
  /** Multiply a file pipe or valve diameter (in or mm) to get m. */
  diameter: number;
  /** Multiply a file pressure (valve settings) to get m of water. */
  pressure: number;
  /** Multiply a file pump power (hp or kW) to get kW. */
  power: number;
  /** Multiply a Darcy-Weisbach roughness (millifeet or mm) to get mm. */
  dwRoughness: number;
}

export function isFlowUnit(value: string): value is FlowUnit {
  return (
    (US_FLOW_UNITS as readonly string[]).includes(value) ||
    (SI_FLOW_UNITS as readonly string[]).includes(value)
  );
}

export function parsePressureUnit(value: string): PressureUnit | undefined {
  const v = value.toUpperCase();
  if (v === 'PSI') return 'PSI';
  if (v === 'KPA') return 'KPA';
  if (v === 'BAR') return 'BAR';
  if (v === 'FEET' || v === 'FT') return 'FEET';
  if (v === 'METERS' || v === 'METRES' || v === 'M') return 'METERS';
  return undefined;
}

const M_PER_PRESSURE_UNIT: Record<PressureUnit, number> = {
  PSI: M_PER_FT / PSI_PER_FT,
  KPA: M_PER_FT / (PSI_PER_FT * KPA_PER_PSI),
  BAR: (100 * M_PER_FT) / (PSI_PER_FT * KPA_PER_PSI),
  METERS: 1,
  FEET: M_PER_FT,
};

export function unitSystem(flowUnit: FlowUnit, pressureUnit?: PressureUnit): UnitSystem {
  const us = (US_FLOW_UNITS as readonly string[]).includes(flowUnit);
  return {
    flowUnit,
    us,
    flow: LPS_PER_UNIT[flowUnit],
    length: us ? M_PER_FT : 1,
    diameter: us ? 0.0254 : 0.001,
    pressure: M_PER_PRESSURE_UNIT[pressureUnit ?? (us ? 'PSI' : 'METERS')],
    power: us ? 0.745699872 : 1,
    dwRoughness: us ? M_PER_FT : 1,
  };
}
