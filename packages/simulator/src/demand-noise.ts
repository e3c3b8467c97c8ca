import { gaussian, type RandomSource } from './random';

export interface DemandNoiseOptions {
  /** Stationary standard deviation of the log multiplier (0.08 ≈ ±8 %). */
  sigma: number;
  /** Mean-reversion time, plant seconds. */
  tauS: number;
}

/**
 * Demand multipliers per district: an Ornstein-Uhlenbeck random walk of the log multiplier, so
 * demand wanders around the pattern (weather, events) and always comes back.
 */
export class DemandNoise {
  private readonly logMultipliers = new Map<string, number>();

  constructor(
    districts: readonly string[],
    private readonly random: RandomSource,
    private readonly options: DemandNoiseOptions,
  ) {
    for (const district of [...districts].sort()) this.logMultipliers.set(district, 0);
  }

  advance(dtS: number): void {
    if (dtS <= 0) return;
    const decay = Math.exp(-dtS / this.options.tauS);
    const spread = this.options.sigma * Math.sqrt(1 - decay * decay);
    for (const [district, x] of this.logMultipliers) {
      this.logMultipliers.set(district, x * decay + spread * gaussian(this.random));
    }
  }

  multiplier(district: string): number {
    return Math.exp(this.logMultipliers.get(district) ?? 0);
  }
}
