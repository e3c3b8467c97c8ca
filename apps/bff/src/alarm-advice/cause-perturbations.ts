import type { AlarmQuantity, Nowcast, Perturbation } from '@twinhelm/contracts';
import type { AlarmAdviceConfig } from './advice-config';
import type { AdvisableAlarm } from './alarm-cause';
import type { LinkEnds } from './site-topology';

/** A suspected burst on a pipe, located and sized for the solver (pure). */
export function burstPerturbation(
  alarm: AdvisableAlarm,
  ends: LinkEnds | undefined,
  nowcast: Nowcast | undefined,
  config: Pick<AlarmAdviceConfig, 'horizonS' | 'burstLps' | 'burstPressureM'>,
): { perturbation: Perturbation; assumption: string } | { problem: string } {
  const pipe = alarm.assetId;
  const node = [ends?.to, ends?.from].find((end) => end?.type === 'junction')?.id;
  if (node === undefined)
    return {
      problem: `${alarm.key}: pipe ${pipe} has no junction at either end to place a burst at`,
    };
  const residual = nowcast?.residuals[pipe]?.flow?.residual;
  const excess =
    alarm.metric === 'flow' &&
    alarm.values.setpoint !== undefined &&
    alarm.values.value !== undefined
      ? Math.abs(alarm.values.value) - alarm.values.setpoint
      : undefined;
  const [leakLps, source] =
    residual !== undefined && Math.abs(residual) >= 0.5
      ? [Math.abs(residual), 'the measured − modelled flow of the latest nowcast']
      : excess !== undefined && excess > 0
        ? [excess, 'the flow above the alarm limit (a lower bound)']
        : [config.burstLps, 'the default leak (ALARM_ADVICE_BURST_LPS)'];
  const modelled = nowcast?.values[node]?.pressure;
  const pressureM = modelled !== undefined && modelled >= 1 ? modelled : config.burstPressureM;
  const coefficient = round(leakLps / Math.sqrt(pressureM), 3);
  return {
    perturbation: {
      type: 'burst',
      assetId: node,
      size: { kind: 'coefficient', lpsPerSqrtM: Math.max(coefficient, 0.001) },
      startS: 0,
      endS: config.horizonS,
    },
    assumption: `burst suspected on ${pipe}: placed at ${node} (its end) as a leak of ${round(leakLps, 1)} L/s at ${round(pressureM, 1)} m (emitter ${coefficient} L/s/√m), sized from ${source}; it lasts the whole horizon`,
  };
}

/** A tripped pump held off over the horizon: its controls would otherwise restart it. */
export function tripPerturbation(
  pumpId: string,
  horizonS: number,
): { perturbation: Perturbation; assumption: string } {
  return {
    perturbation: { type: 'asset-outage', assetId: pumpId, startS: 0, endS: horizonS },
    assumption: `${pumpId} tripped: held off for the whole horizon (the twin's pump status is only the start; its level controls would restart it)`,
  };
}

/** The quantity an alarm is judged by, as far as the alarm alone tells (pure). */
export function quantityOfAlarm(
  alarm: AdvisableAlarm,
  cause: 'tank_low' | 'pressure_low' | 'burst',
): AlarmQuantity {
  const setpoint = alarm.kind === 'threshold' ? (alarm.values.setpoint ?? null) : null;
  if (cause === 'tank_low')
    return {
      assetId: alarm.assetId,
      metric: 'level',
      extreme: 'min',
      limit: setpoint,
      label: `level of ${alarm.assetId}`,
    };
  if (cause === 'pressure_low')
    return {
      assetId: alarm.assetId,
      metric: 'pressure',
      extreme: 'min',
      limit: setpoint,
      label: `pressure at ${alarm.assetId}`,
    };
  return {
    assetId: alarm.assetId,
    metric: 'flow',
    extreme: 'max',
    limit: alarm.metric === 'flow' ? setpoint : null,
    label: `flow in ${alarm.assetId}`,
  };
}

/** A pump trip's quantity: the level of the tank its controls keep up, else its discharge pressure. */
export function quantityOfTrip(
  pumpId: string,
  tank: string | undefined,
  ends: LinkEnds | undefined,
): AlarmQuantity | null {
  if (tank !== undefined)
    return {
      assetId: tank,
      metric: 'level',
      extreme: 'min',
      limit: null,
      label: `level of ${tank}, the tank ${pumpId}'s controls keep up`,
    };
  if (ends?.to.type === 'junction')
    return {
      assetId: ends.to.id,
      metric: 'pressure',
      extreme: 'min',
      limit: null,
      label: `pressure at ${ends.to.id}, ${pumpId}'s discharge`,
    };
  return null;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
