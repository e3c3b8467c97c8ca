import type { ColorBy, LegendEntry } from '../scene-api';

/**
 * High-performance HMI palette: the plant is grey, colour is spent on information. Unmeasured
 * elements stay neutral grey; the chosen quantity uses a muted blue ramp for normal values and
 * amber/magenta only where the value is abnormal (low pressure, stagnant water, near-empty tank).
 */
export const UNMEASURED: LegendEntry = { label: 'no measurement', color: '#9aa0a6' };
export const STOPPED_COLOUR = '#5f6368';
/** Selection is a neutral highlight (a light ring, the asset lightened), never a hue. */
export const SELECTED_COLOUR = '#f1f3f4';
/** Share of white mixed into a selected asset's own colour (its data colour stays readable). */
export const SELECTED_LIGHTEN = 0.45;
export const TANK_SHELL_COLOUR = '#c8ccd0';
export const TANK_FILL_NEUTRAL = '#6b8cae';
export const RESERVOIR_COLOUR = '#7c8791';
export const GROUND_COLOUR = '#2a2e33';
export const BACKGROUND_COLOUR = '#1b1e22';

interface Bin {
  /** Upper bound (exclusive) of the bin; the last bin is unbounded. */
  below: number;
  color: string;
  label: string;
}

export interface Ramp {
  title: string;
  unit: string;
  bins: readonly Bin[];
}

const ABNORMAL = '#e37400';
const HIGH = '#a142f4';

export const RAMPS: Record<ColorBy, Ramp> = {
  pressure: {
    title: 'Pressure',
    unit: 'm',
    bins: [
      { below: 15, color: ABNORMAL, label: '< 15 (low)' },
      { below: 30, color: '#4a6a8a', label: '15 – 30' },
      { below: 50, color: '#6b8cae', label: '30 – 50' },
      { below: 70, color: '#93b1cf', label: '50 – 70' },
      { below: Infinity, color: HIGH, label: '≥ 70 (high)' },
    ],
  },
  flow: {
    title: 'Flow',
    unit: 'L/s',
    bins: [
      { below: 0.1, color: '#56616c', label: '< 0.1 (still)' },
      { below: 5, color: '#4e6e8e', label: '0.1 – 5' },
      { below: 20, color: '#5d87b0', label: '5 – 20' },
      { below: 100, color: '#7aa5cf', label: '20 – 100' },
      { below: Infinity, color: '#b3d1ee', label: '≥ 100' },
    ],
  },
  velocity: {
    title: 'Velocity',
    unit: 'm/s',
    bins: [
      { below: 0.05, color: '#b58b3a', label: '< 0.05 (stagnant)' },
      { below: 0.5, color: '#4e6e8e', label: '0.05 – 0.5' },
      { below: 1, color: '#6b8cae', label: '0.5 – 1' },
      { below: 2, color: '#93b1cf', label: '1 – 2' },
      { below: Infinity, color: ABNORMAL, label: '≥ 2 (high)' },
    ],
  },
  level: {
    title: 'Tank level',
    unit: '% of max',
    bins: [
      { below: 10, color: ABNORMAL, label: '< 10 (low)' },
      { below: 30, color: '#4e6e8e', label: '10 – 30' },
      { below: 70, color: '#6b8cae', label: '30 – 70' },
      { below: 95, color: '#93b1cf', label: '70 – 95' },
      { below: Infinity, color: HIGH, label: '≥ 95 (high)' },
    ],
  },
};

/** Index of the bin a value falls in; -1 for NaN (unmeasured). */
export function binIndex(ramp: Ramp, value: number): number {
  if (Number.isNaN(value)) return -1;
  const bins = ramp.bins;
  for (let i = 0; i < bins.length - 1; i++) {
    if (value < (bins[i] as Bin).below) return i;
  }
  return bins.length - 1;
}

export function legendFor(colorBy: ColorBy): {
  title: string;
  unit: string;
  entries: LegendEntry[];
  unmeasured: LegendEntry;
} {
  const ramp = RAMPS[colorBy];
  return {
    title: ramp.title,
    unit: ramp.unit,
    entries: ramp.bins.map((b) => ({ label: b.label, color: b.color })),
    unmeasured: { ...UNMEASURED },
  };
}
