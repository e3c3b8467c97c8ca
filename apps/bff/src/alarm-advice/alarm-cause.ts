import type { Alarm, AlarmAdviceCause, AssetType } from '@twinhelm/contracts';

/** What classifying an alarm needs: the alarm as stored, and its asset's type. */
export type AdvisableAlarm = Pick<
  Alarm,
  'key' | 'assetId' | 'ruleId' | 'kind' | 'metric' | 'sense' | 'condition' | 'state' | 'values'
>;

export type CauseOutcome =
  { ok: true; cause: AlarmAdviceCause; assumptions: string[] } | { ok: false; reason: string };

const CAUSES = 'a pump trip, a low tank, a pressure loss or a suspected burst';

/**
 * The operational cause behind an alarm, or why a what-if has nothing to simulate (pure):
 * a pump's mismatch commanded on without feedback → pump_trip; a tank's low level or time to
 * empty → tank_low; a junction's low or falling pressure → pressure_low; a pipe's high or
 * fast-changing flow or velocity → burst. Inactive alarms, stale data, model residuals,
 * machine condition (vibration, temperature) and everything else are refused with the reason.
 */
export function causeOf(alarm: AdvisableAlarm, assetType: AssetType | undefined): CauseOutcome {
  const { key, kind, metric, sense } = alarm;
  if (!alarm.condition)
    return {
      ok: false,
      reason: `${key} is not active (state ${alarm.state}, its condition has cleared): advice simulates what to do about an active alarm`,
    };
  if (kind === 'stale')
    return {
      ok: false,
      reason: `${key} reports stale data: telemetry stopped arriving, the plant itself did not change, so there is nothing to simulate; check the outstation and its link`,
    };
  if (kind === 'residual')
    return {
      ok: false,
      reason: `${key} is a model residual: the model disagrees with the measurement, and a simulation would rest on that same model; check the sensor, then recalibrate`,
    };
  if (kind === 'mismatch' && assetType === 'pump') return pumpMismatch(alarm);
  if (assetType === 'tank' && (kind === 'prediction' || (isLow(alarm) && metric === 'level')))
    return { ok: true, cause: 'tank_low', assumptions: [] };
  if (assetType === 'junction' && metric === 'pressure' && (isLow(alarm) || isFalling(alarm)))
    return { ok: true, cause: 'pressure_low', assumptions: [] };
  if (
    assetType === 'pipe' &&
    (metric === 'flow' || metric === 'velocity') &&
    (kind === 'rate' || (kind === 'threshold' && sense === 'high'))
  )
    return { ok: true, cause: 'burst', assumptions: [] };
  if (metric === 'vibration' || metric === 'bearing_temp')
    return {
      ok: false,
      reason: `${key} is about a machine's condition (${metric}), not the network's hydraulics: there is nothing for the solver to simulate; follow the rule's response`,
    };
  return {
    ok: false,
    reason: `${key} (${kind}${metric ? ` of ${metric}` : ''}${sense ? `, ${sense}` : ''} at a ${assetType ?? 'unknown asset'}) has no operational cause the solver can simulate: advice covers ${CAUSES}`,
  };
}

function pumpMismatch(alarm: AdvisableAlarm): CauseOutcome {
  const { command, feedback } = alarm.values;
  if (command !== undefined && command < 0.5)
    return {
      ok: false,
      reason: `${alarm.key}: ${alarm.assetId} runs although commanded off (feedback ${feedback ?? '?'}): that is a starter or control fault, not a loss of supply; nothing to simulate, stop it locally`,
    };
  return {
    ok: true,
    cause: 'pump_trip',
    assumptions:
      command === undefined
        ? [
            `${alarm.assetId}: the alarm holds no command value; taken as commanded on without running (a trip)`,
          ]
        : [],
  };
}

const isLow = (alarm: AdvisableAlarm): boolean =>
  alarm.kind === 'threshold' && alarm.sense === 'low';

/** A rate alarm on a falling value (its rate is negative, or unknown). */
const isFalling = (alarm: AdvisableAlarm): boolean =>
  alarm.kind === 'rate' && (alarm.values.ratePerMin ?? -1) < 0;
