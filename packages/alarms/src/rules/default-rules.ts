import {
  AlarmRuleSchema,
  type AlarmRule,
  type AlarmRuleInput,
  type AssetType,
} from '@twinhelm/contracts';

/** What the defaults need to know about an asset. */
export interface AlarmAsset {
  id: string;
  type: AssetType;
  /** Expected reporting interval (s); stale rules use it when they do not set their own. */
  expectedIntervalS?: number;
  /** Tanks: the level range (m above the tank bottom) the level limits are placed in. */
  minLevel?: number;
  maxLevel?: number;
  /** Junctions at a pump's suction: their pressure is guarded against cavitation instead. */
  pumpSuction?: boolean;
}

/** Reporting interval assumed for assets that do not declare one. */
export const DEFAULT_EXPECTED_INTERVAL_S = 60;
/** Junction pressure limits for C-Town-like networks (m of water). */
export const JUNCTION_PRESSURE_LOW_M = 20;
export const JUNCTION_PRESSURE_LOW_LOW_M = 10;
/** ISO 10816 zone C/D boundary for medium pumps on rigid foundations (mm/s RMS). */
export const PUMP_VIBRATION_HIGH_MM_S = 7.1;
/** Bearing temperature that a healthy pump at full load stays well under (°C). */
export const PUMP_BEARING_TEMP_HIGH_C = 70;
/** Suction pressure under which a pump risks cavitation (m). */
export const PUMP_SUCTION_PRESSURE_LOW_M = 1;

const round = (x: number): number => Math.round(x * 1000) / 1000;

const stale: AlarmRuleInput = {
  id: 'stale',
  version: 1,
  kind: 'stale',
  missedIntervals: 3,
  priority: 'low',
  consequence: 'The twin shows old values for this asset; decisions would rest on stale data.',
  response: 'Check the outstation and its communication link; treat the shown values as unknown.',
};

const suctionLow: AlarmRuleInput = {
  id: 'suction-pressure-low',
  version: 1,
  kind: 'threshold',
  metric: 'pressure',
  limit: 'l',
  setpoint: PUMP_SUCTION_PRESSURE_LOW_M,
  deadband: 0.5,
  onDelayS: 15,
  priority: 'high',
  consequence: 'The pumps drawing from here may cavitate and lose output or be damaged.',
  response:
    'Check the inlet reservoir or tank level and the suction valves; stop a pump if needed.',
};

function junctionRules(asset: AlarmAsset): AlarmRuleInput[] {
  if (asset.pumpSuction) return [suctionLow, stale];
  return [
    {
      id: 'pressure-low',
      version: 1,
      kind: 'threshold',
      metric: 'pressure',
      limit: 'l',
      setpoint: JUNCTION_PRESSURE_LOW_M,
      deadband: 1,
      onDelayS: 60,
      offDelayS: 30,
      priority: 'medium',
      consequence: 'Customers here get weak supply; upper floors may lose water.',
      response:
        'Check the supplying pumps, tanks and valves upstream; raise supply or close a loss.',
    },
    {
      id: 'pressure-low-low',
      version: 1,
      kind: 'threshold',
      metric: 'pressure',
      limit: 'll',
      setpoint: JUNCTION_PRESSURE_LOW_LOW_M,
      deadband: 1,
      onDelayS: 15,
      offDelayS: 30,
      priority: 'high',
      consequence: 'Supply is failing here: loss of water and risk of contamination ingress.',
      response: 'Restore supply now (start a standby pump, open a bypass); look for a burst.',
    },
    {
      id: 'pressure-residual',
      version: 1,
      kind: 'residual',
      metric: 'pressure',
      band: 5,
      deadband: 1,
      onDelayS: 600,
      priority: 'low',
      consequence: 'The model no longer matches the plant here; what-if results may mislead.',
      response: 'Check the sensor, then valve states and demands in the model; recalibrate.',
    },
    stale,
  ];
}

function tankRules(asset: AlarmAsset): AlarmRuleInput[] {
  const rules: AlarmRuleInput[] = [];
  const { minLevel, maxLevel } = asset;
  if (minLevel !== undefined && maxLevel !== undefined && maxLevel > minLevel) {
    const range = maxLevel - minLevel;
    const deadband = round(0.02 * range);
    rules.push(
      {
        id: 'level-low-low',
        version: 1,
        kind: 'threshold',
        metric: 'level',
        limit: 'll',
        setpoint: round(minLevel + 0.1 * range),
        deadband,
        onDelayS: 30,
        priority: 'critical',
        consequence: 'The tank is about to run dry: the zone it feeds loses supply.',
        response: 'Start the filling pumps or open the inlet now; cut demand if you cannot.',
      },
      {
        id: 'level-low',
        version: 1,
        kind: 'threshold',
        metric: 'level',
        limit: 'l',
        setpoint: round(minLevel + 0.25 * range),
        deadband,
        onDelayS: 60,
        priority: 'medium',
        consequence: 'Storage is low: little reserve for peaks or fire flow.',
        response: 'Check the filling pumps and their schedule; plan to refill before the peak.',
      },
      {
        id: 'level-high',
        version: 1,
        kind: 'threshold',
        metric: 'level',
        limit: 'h',
        setpoint: round(maxLevel - 0.05 * range),
        deadband,
        onDelayS: 60,
        priority: 'medium',
        consequence: 'The tank may overflow: water loss and flooding around the site.',
        response: 'Stop or slow the filling pumps; check the inlet valve and its control.',
      },
    );
  }
  rules.push(
    {
      id: 'level-residual',
      version: 1,
      kind: 'residual',
      metric: 'level',
      band: 0.5,
      deadband: 0.1,
      onDelayS: 900,
      priority: 'low',
      consequence: 'The model no longer matches this tank; level forecasts may mislead.',
      response: 'Check the level sensor, then inflows and demands in the model; recalibrate.',
    },
    {
      id: 'time-to-empty',
      version: 1,
      kind: 'prediction',
      withinH: 4,
      deadband: 0.5,
      priority: 'high',
      consequence: 'The solver predicts this tank empties within 4 hours.',
      response: 'Open the recommended actions; start filling or reduce the outflow in time.',
    },
    stale,
  );
  return rules;
}

function pumpRules(): AlarmRuleInput[] {
  return [
    {
      id: 'pump-mismatch',
      version: 1,
      kind: 'mismatch',
      commandMetric: 'command',
      feedbackMetric: 'power',
      feedbackMin: 1,
      onDelayS: 30,
      latched: true,
      priority: 'high',
      consequence: 'The pump does not do what it was told: a trip or a stuck starter.',
      response: 'Start the standby pump; check the drive, breaker and starter; reset once fixed.',
    },
    {
      id: 'vibration-high',
      version: 1,
      kind: 'threshold',
      metric: 'vibration',
      limit: 'h',
      setpoint: PUMP_VIBRATION_HIGH_MM_S,
      deadband: 0.5,
      onDelayS: 60,
      priority: 'medium',
      consequence: 'Bearing or alignment damage is developing; the pump may trip.',
      response: 'Switch duty to the standby pump and book an inspection.',
    },
    {
      id: 'bearing-temp-high',
      version: 1,
      kind: 'threshold',
      metric: 'bearing_temp',
      limit: 'h',
      setpoint: PUMP_BEARING_TEMP_HIGH_C,
      deadband: 2,
      onDelayS: 60,
      priority: 'medium',
      consequence: 'The bearing is overheating; it may seize and trip the pump.',
      response: 'Reduce the load or switch to the standby pump; check lubrication and cooling.',
    },
    stale,
  ];
}

/**
 * The built-in rules of one asset, by type: junction pressure low/low-low and residual (at
 * a pump's suction: suction pressure low instead);
 * tank level low-low/low/high (placed in the tank's range), residual and time to empty; pump
 * mismatch, vibration and bearing temperature; stale data for every asset.
 */
export function defaultRulesFor(asset: AlarmAsset): AlarmRule[] {
  const inputs =
    asset.type === 'junction'
      ? junctionRules(asset)
      : asset.type === 'tank'
        ? tankRules(asset)
        : asset.type === 'pump'
          ? pumpRules()
          : [stale];
  return inputs.map((input) => AlarmRuleSchema.parse(input));
}
