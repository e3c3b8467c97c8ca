import type { Env } from '../env';

/** How alarm advice simulates and checks (from env, ALARM_ADVICE_*). */
export interface AlarmAdviceConfig {
  /** Horizon of the what-ifs, s (plant time). */
  horizonS: number;
  /** Report step of the what-ifs, s. */
  reportStepS: number;
  /** Ensemble members of each what-if (1: no uncertainty bands). */
  members: number;
  /** Relative spread of each district's demand across the members. */
  demandSpread: number;
  /** Plant seconds per wall second (the demo simulator runs 60× faster than the wall clock). */
  timeScale: number;
  /** Wall seconds from an approval to its check. */
  checkS: number;
  /** Leak assumed for a suspected burst when the nowcast cannot size it, L/s. */
  burstLps: number;
  /** Pressure assumed at a burst when the nowcast has none, m. */
  burstPressureM: number;
}

export type AdviceEnv = Pick<
  Env,
  | 'ALARM_ADVICE_HORIZON_S'
  | 'ALARM_ADVICE_MEMBERS'
  | 'ALARM_ADVICE_CHECK_S'
  | 'ALARM_ADVICE_TIME_SCALE'
  | 'ALARM_ADVICE_BURST_LPS'
  | 'SIMULATOR_SPEEDUP'
  | 'simulator'
>;

/**
 * The configuration from validated env: the time scale defaults to the simulator's speed-up
 * when the demo plant runs in this process (1 otherwise), and the check window to the horizon
 * in wall time (horizon ÷ time scale), so that a check compares the whole predicted horizon.
 */
export function adviceConfigOf(env: AdviceEnv): AlarmAdviceConfig {
  const timeScale = env.ALARM_ADVICE_TIME_SCALE ?? (env.simulator ? env.SIMULATOR_SPEEDUP : 1);
  const horizonS = env.ALARM_ADVICE_HORIZON_S;
  return {
    horizonS,
    reportStepS: Math.min(900, horizonS),
    members: env.ALARM_ADVICE_MEMBERS,
    demandSpread: 0.1,
    timeScale,
    checkS: env.ALARM_ADVICE_CHECK_S ?? Math.max(1, Math.round(horizonS / timeScale)),
    burstLps: env.ALARM_ADVICE_BURST_LPS,
    burstPressureM: 30,
  };
}
