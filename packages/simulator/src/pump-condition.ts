import { gaussian, type RandomSource, uniformBetween } from './random';

export interface PumpReading {
  running: boolean;
  /** Flow over the pump's design flow. */
  loadRatio: number;
  /** 0 = healthy, 1 = about to trip. */
  degradation: number;
}

const AMBIENT_C = 18;
const THERMAL_TAU_S = 1200;
const DRIFT_TAU_S = 12 * 3600;
const DRIFT_SIGMA = 0.25;

/**
 * Synthetic condition monitoring of one pump: vibration velocity (mm/s RMS, ISO 10816 scale) and
 * bearing temperature (°C). Both depend on running state and load, drift slowly, and rise with
 * degradation (the precursor of a trip).
 */
export class PumpCondition {
  private readonly baseVibration: number;
  private drift = 0;
  private temperatureC: number;

  constructor(
    private readonly random: RandomSource,
    initiallyRunning: boolean,
  ) {
    this.baseVibration = uniformBetween(random, 1.4, 2.6);
    this.temperatureC = initiallyRunning ? AMBIENT_C + 26 : AMBIENT_C;
  }

  advance(dtS: number, reading: PumpReading): { vibration: number; bearingTemp: number } {
    if (dtS > 0) {
      const decay = Math.exp(-dtS / DRIFT_TAU_S);
      this.drift =
        this.drift * decay + DRIFT_SIGMA * Math.sqrt(1 - decay * decay) * gaussian(this.random);
      const load = Math.min(1.5, Math.max(0, reading.loadRatio));
      const target = reading.running
        ? AMBIENT_C + 20 + 8 * load + 30 * reading.degradation
        : AMBIENT_C;
      this.temperatureC += (target - this.temperatureC) * (1 - Math.exp(-dtS / THERMAL_TAU_S));
    }
    const jitter = 1 + 0.04 * gaussian(this.random);
    const vibration = reading.running
      ? Math.max(
          0.3,
          (this.baseVibration * (0.8 + 0.3 * reading.loadRatio) + this.drift) *
            (1 + 3 * reading.degradation) *
            jitter,
        )
      : Math.max(0, 0.08 * jitter);
    return { vibration, bearingTemp: this.temperatureC + 0.1 * gaussian(this.random) };
  }
}
