import { type LiveState } from '@twinhelm/contracts';

type Multipliers = LiveState['demandMultipliers'];

export interface DemandEstimateInput {
  /** Measured demand of junctions, L/s (fresh samples only). */
  measured: ReadonlyMap<string, number>;
  /** The model's demand of the same junctions at the same time, L/s, run with `applied`. */
  modelled: ReadonlyMap<string, number>;
  /** The multipliers the modelled run was bound with. */
  applied: Multipliers;
  /** A junction's district (DMA); networks without districts get one multiplier for all. */
  districtOf: ReadonlyMap<string, string>;
}

/** Multipliers outside this range are taken as a metering fault, not as demand, and clamped. */
export const MULTIPLIER_RANGE = { min: 0.1, max: 10 } as const;

/**
 * The current demand multipliers from metered junction demands: per district, the applied
 * multiplier times Σ measured ÷ Σ modelled over its metered junctions (the model already ran with
 * the applied multiplier). Districts without a metered junction keep theirs. Without districts,
 * one multiplier for all junctions. Pure; clamped to MULTIPLIER_RANGE.
 */
export function estimateDemandMultipliers(input: DemandEstimateInput): Multipliers {
  const { measured, modelled, applied, districtOf } = input;
  const sums = new Map<string, { measured: number; modelled: number }>();
  for (const [id, value] of measured) {
    const model = modelled.get(id);
    if (model === undefined || !(model > 0) || !Number.isFinite(value) || value < 0) continue;
    const key = districtOf.size === 0 ? ALL : districtOf.get(id);
    if (key === undefined) continue;
    const sum = sums.get(key) ?? { measured: 0, modelled: 0 };
    sum.measured += value;
    sum.modelled += model;
    sums.set(key, sum);
  }
  const estimate: Multipliers = { ...applied, ...(applied.dma ? { dma: { ...applied.dma } } : {}) };
  for (const [key, sum] of sums) {
    if (key === ALL) {
      estimate.all = clamp((applied.all ?? 1) * (sum.measured / sum.modelled));
    } else {
      estimate.dma ??= {};
      estimate.dma[key] = clamp((applied.dma?.[key] ?? 1) * (sum.measured / sum.modelled));
    }
  }
  return estimate;
}

const ALL = '\u0000all';
const clamp = (m: number): number =>
  Math.min(MULTIPLIER_RANGE.max, Math.max(MULTIPLIER_RANGE.min, Math.round(m * 1e4) / 1e4));
