import { z } from 'zod';
import { AssetIdSchema } from './ids';

/**
 * What-if scenarios: perturbations over time windows of a hydraulic simulation, and what a run
 * returns. Times are seconds from the start of the simulation; SI units throughout (m, L/s,
 * m/s, kW, kWh, m³).
 */
const windowFields = {
  /** Window start, seconds from the simulation start (inclusive). */
  startS: z.number().int('startS: whole seconds').min(0, 'startS: must be ≥ 0'),
  /** Window end, seconds (exclusive); must lie within the horizon. */
  endS: z.number().int('endS: whole seconds').positive('endS: must be > 0'),
};

export const BurstSizeSchema = z.discriminatedUnion('kind', [
  /** EPANET emitter coefficient: leak flow in L/s at 1 m of pressure (exponent of the file). */
  z.object({ kind: z.literal('coefficient'), lpsPerSqrtM: z.number().positive() }),
  /** An orifice: Q = Cd·A·√(2gP). */
  z.object({
    kind: z.literal('orifice'),
    diameterMm: z.number().positive(),
    dischargeCoefficient: z.number().positive().max(1).default(0.6),
  }),
]);
export type BurstSize = z.infer<typeof BurstSizeSchema>;

export const PerturbationSchema = z.discriminatedUnion('type', [
  /** A pump, pipe or valve out of service (closed); its controls are suspended meanwhile. */
  z.object({ type: z.literal('asset-outage'), assetId: AssetIdSchema, ...windowFields }),
  /** A pipe burst or leak at a junction, modelled as an emitter. */
  z.object({
    type: z.literal('burst'),
    assetId: AssetIdSchema,
    size: BurstSizeSchema,
    ...windowFields,
  }),
  /** A valve's setting (PRV/PSV/PBV m, FCV L/s, TCV loss coefficient) or fixed status. */
  z
    .object({
      type: z.literal('valve-setting'),
      assetId: AssetIdSchema,
      setting: z.number().min(0, 'valve setting: must be ≥ 0').optional(),
      status: z.enum(['open', 'closed']).optional(),
      ...windowFields,
    })
    .refine((p) => (p.setting === undefined) !== (p.status === undefined), {
      message: 'valve-setting: give exactly one of setting or status',
    }),
  /** Relative pump speed (1 = nominal, 0 = stopped). */
  z.object({
    type: z.literal('pump-speed'),
    assetId: AssetIdSchema,
    speed: z.number().min(0, 'pump speed: must be ≥ 0 (0 stops the pump)').max(3),
    ...windowFields,
  }),
  /** Demand × multiplier for one DMA's junctions, or every junction when none are given. */
  z.object({
    type: z.literal('demand-multiplier'),
    multiplier: z.number().min(0, 'demand multiplier: must be ≥ 0'),
    dma: z.string().min(1).optional(),
    junctionIds: z.array(AssetIdSchema).min(1).optional(),
    ...windowFields,
  }),
  /** An extra constant demand at a junction (L/s). */
  z.object({
    type: z.literal('fire-flow'),
    assetId: AssetIdSchema,
    flowLps: z.number().positive('fire flow: must be > 0 L/s'),
    ...windowFields,
  }),
  /** A tank's level held at levelM through the window. */
  z.object({
    type: z.literal('tank-level'),
    assetId: AssetIdSchema,
    levelM: z.number().min(0, 'tank level: must be ≥ 0 m'),
    ...windowFields,
  }),
  /** One of the file's simple controls ([CONTROLS], 1-based in file order) suspended. */
  z.object({
    type: z.literal('control-disabled'),
    controlIndex: z.number().int().positive(),
    ...windowFields,
  }),
]);
export type Perturbation = z.infer<typeof PerturbationSchema>;

/** Time-of-day energy prices: each period runs from fromS (seconds after midnight) to the next. */
export const TariffSchema = z.object({
  currency: z.string().min(1).default('EUR'),
  periods: z
    .array(z.object({ fromS: z.number().int().min(0).max(86_399), pricePerKwh: z.number().min(0) }))
    .min(1)
    .refine((ps) => ps[0]?.fromS === 0, { message: 'tariff: the first period must start at 0' })
    .refine((ps) => ps.every((p, i) => i === 0 || p.fromS > (ps[i - 1]?.fromS ?? 0)), {
      message: 'tariff: periods must be in increasing fromS order',
    }),
});
export type Tariff = z.infer<typeof TariffSchema>;

/** The most ensemble members one run may ask for. */
export const MAX_ENSEMBLE_MEMBERS = 200;

/**
 * Uncertainty by ensemble: each member (seeded from the scenario's seed and its index) draws a
 * demand factor per DMA (lognormal, median 1, relative spread demandSpread), and optionally a
 * roughness factor for all pipes and an initial level offset per tank. Member 0 is the
 * unperturbed run.
 */
export const EnsembleSchema = z.object({
  members: z
    .number()
    .int('ensemble.members: a whole number')
    .min(1, 'ensemble.members: at least 1')
    .max(MAX_ENSEMBLE_MEMBERS, `ensemble.members: at most ${MAX_ENSEMBLE_MEMBERS}`),
  /** Relative standard deviation of each DMA's demand (0.1 = ±10 %). */
  demandSpread: z.number().min(0).max(1).default(0.1),
  /** Relative standard deviation of the pipes' roughness (0 = not perturbed). */
  roughnessSpread: z.number().min(0).max(0.5).default(0),
  /** Standard deviation of each tank's initial level, m (0 = not perturbed). */
  initialLevelSpreadM: z.number().min(0).max(10).default(0),
});
export type Ensemble = z.infer<typeof EnsembleSchema>;

export const ScenarioSchema = z.object({
  /** Simulated duration, s; default the network's own [TIMES] DURATION. */
  horizonS: z.number().int().positive().optional(),
  /** Report step, s; default the network's own REPORT TIMESTEP. */
  reportStepS: z.number().int().positive().optional(),
  servicePressureM: z.number().min(0).default(20),
  tariff: TariffSchema.optional(),
  /** Recorded with the run; the engine itself is deterministic. */
  seed: z.number().int().default(0),
  perturbations: z.array(PerturbationSchema).default([]),
  /** Absent or members = 1: one deterministic run. */
  ensemble: EnsembleSchema.optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

const series = z.array(z.number());

/** Demand multipliers: all junctions, then per DMA (they multiply). */
export const DemandMultipliersSchema = z.object({
  all: z.number().min(0).optional(),
  dma: z.record(z.string(), z.number().min(0)).optional(),
});
export type DemandMultipliers = z.infer<typeof DemandMultipliersSchema>;

/**
 * Live state bound as the run's initial and boundary conditions, taken from a twin snapshot.
 * Assets not listed keep the file's own initial values.
 */
export const LiveStateSchema = z.object({
  /** Epoch ms of the twin snapshot it was taken from. */
  takenAt: z.number(),
  /** Seconds after midnight (site time) at which the run starts: patterns and clock-time controls start there. */
  timeOfDayS: z.number().int().min(0).max(86_399),
  /** Initial tank levels, m above the tank bottom. */
  tanks: z.record(AssetIdSchema, z.object({ levelM: z.number().min(0) })),
  /** Initial pump status and relative speed. */
  pumps: z.record(
    AssetIdSchema,
    z.object({ on: z.boolean(), speed: z.number().min(0).max(3).optional() }),
  ),
  /** Initial valve status, or setting (which makes the valve active). */
  valves: z.record(
    AssetIdSchema,
    z.object({
      status: z.enum(['open', 'closed']).optional(),
      setting: z.number().min(0).optional(),
    }),
  ),
  /** Demand multipliers over the whole horizon: all junctions, then per DMA (they multiply). */
  demandMultipliers: DemandMultipliersSchema.default({}),
});
export type LiveState = z.infer<typeof LiveStateSchema>;
export type LiveStateInput = z.input<typeof LiveStateSchema>;

export const ViolationSchema = z.object({
  kind: z.enum(['low-pressure', 'tank-empty', 'tank-overflow']),
  assetId: AssetIdSchema,
  startS: z.number(),
  /** End of the first violating stretch (the horizon when it lasts to the end). */
  endS: z.number(),
  /** Worst value in that stretch (pressure or level, m). */
  worst: z.number(),
});
export type Violation = z.infer<typeof ViolationSchema>;

export const ScenarioKpisSchema = z.object({
  minPressure: z
    .object({ valueM: z.number(), nodeId: AssetIdSchema, timeS: z.number() })
    .nullable(),
  belowService: z.object({
    thresholdM: z.number(),
    nodes: z.array(z.object({ nodeId: AssetIdSchema, durationS: z.number(), firstS: z.number() })),
  }),
  unservedDemandM3: z.number(),
  tanks: z.array(
    z.object({
      tankId: AssetIdSchema,
      minLevelM: z.number(),
      maxLevelM: z.number(),
      timeToEmptyS: z.number().nullable(),
      timeToOverflowS: z.number().nullable(),
    }),
  ),
  energy: z.object({
    totalKwh: z.number(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    pumps: z.array(
      z.object({ pumpId: AssetIdSchema, kwh: z.number(), cost: z.number().nullable() }),
    ),
  }),
});
export type ScenarioKpis = z.infer<typeof ScenarioKpisSchema>;

/** One series' percentiles over the ensemble, one value per report time. */
export const BandSchema = z.object({ p5: series, p50: series, p95: series });
export type Band = z.infer<typeof BandSchema>;

const percentiles = z.object({ p5: z.number(), p50: z.number(), p95: z.number() });

export const ScenarioBandsSchema = z.object({
  members: z.number().int().positive(),
  /** Members that failed (budget, engine error) and were left out of the bands. */
  failedMembers: z.number().int().nonnegative(),
  nodes: z.record(
    z.string(),
    z.object({ pressure: BandSchema, head: BandSchema, demand: BandSchema, requested: BandSchema }),
  ),
  links: z.record(z.string(), z.object({ flow: BandSchema, velocity: BandSchema })),
  pumps: z.record(z.string(), z.object({ power: BandSchema })),
  tanks: z.record(z.string(), z.object({ level: BandSchema })),
  kpis: z.object({
    minPressureM: percentiles.nullable(),
    unservedDemandM3: percentiles,
    energyKwh: percentiles,
    nodesBelowService: percentiles,
  }),
  /** Share of members in which each violation (kind + asset) occurs, 0..1, highest first. */
  violationProbability: z.array(
    z.object({
      kind: ViolationSchema.shape.kind,
      assetId: AssetIdSchema,
      probability: z.number().min(0).max(1),
      /** Earliest start over the members where it occurs, s. */
      earliestStartS: z.number(),
    }),
  ),
});
export type ScenarioBands = z.infer<typeof ScenarioBandsSchema>;

export const ScenarioResultSchema = z.object({
  engineVersion: z.string(),
  modelHash: z.string(),
  scenario: ScenarioSchema,
  seed: z.number(),
  /** Report times, s. Every series below has one value per time. */
  times: series,
  nodes: z.record(
    z.string(),
    z.object({ pressure: series, head: series, demand: series, requested: series }),
  ),
  links: z.record(z.string(), z.object({ flow: series, velocity: series })),
  pumps: z.record(z.string(), z.object({ power: series })),
  tanks: z.record(z.string(), z.object({ level: series })),
  kpis: ScenarioKpisSchema,
  violations: z.array(ViolationSchema),
  stats: z.object({ hydraulicSteps: z.number(), simulatedS: z.number() }),
  /** The bound live state (null: the file's own initial conditions). Part of the run's inputs. */
  state: LiveStateSchema.nullable().default(null),
  /** Time of day of times[0], s after midnight (the file's START CLOCKTIME without a bound state). */
  startClockS: z.number().default(0),
  /** P5/P50/P95 over the ensemble (absent for one run); the series above are member 0's. */
  bands: ScenarioBandsSchema.optional(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;
