import {
  ScenarioSchema,
  TIME_TO_EMPTY_METRIC,
  type Scenario,
  type ScenarioResult,
  type TankPredictions,
} from '@twinhelm/contracts';
import type { AlarmSample } from '@twinhelm/alarms';

/**
 * The forward run's report step: C-Town's own hydraulic step. Finer steps do not make EPANET
 * take more steps there, but the result grows with them (5 min cost 2–4× the 15 min run).
 */
export const PREDICTION_REPORT_STEP_S = 900;

/** Hours are kept to 0.01 h (36 s): far below the report step's resolution. */
const roundH = (h: number): number => Math.round(h * 100) / 100;

/** A forward run of `horizonH` hours reporting every 15 min (the whole horizon when shorter). */
export function predictionScenario(horizonH: number): Scenario {
  const horizonS = Math.max(1, Math.round(horizonH * 3600));
  return ScenarioSchema.parse({
    horizonS,
    reportStepS: Math.min(PREDICTION_REPORT_STEP_S, horizonS),
  });
}

/**
 * Every tank's time to empty from the run's KPIs: the first report time at which its level is
 * at its minimum (within 1 mm), so at most one report step late; null when it never is.
 */
export function timeToEmptyOf(result: ScenarioResult): TankPredictions['timeToEmptyH'] {
  const hours: TankPredictions['timeToEmptyH'] = {};
  for (const tank of result.kpis.tanks) {
    hours[tank.tankId] = tank.timeToEmptyS === null ? null : roundH(tank.timeToEmptyS / 3600);
  }
  return hours;
}

/**
 * One `time_to_empty_h` sample per tank (source 'prediction') at the prediction's time; a tank
 * that does not empty within the horizon gets horizon + 1 h, so that a raised condition clears.
 */
export function predictionSamples(predictions: TankPredictions): AlarmSample[] {
  return Object.entries(predictions.timeToEmptyH).map(([assetId, hours]) => ({
    assetId,
    metric: TIME_TO_EMPTY_METRIC,
    value: hours ?? predictions.horizonH + 1,
    ts: predictions.at,
    source: 'prediction',
  }));
}
