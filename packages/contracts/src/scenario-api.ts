import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';
import { RecommendationSetSchema } from './recommendation';
import {
  DemandMultipliersSchema,
  LiveStateSchema,
  ScenarioBandsSchema,
  ScenarioKpisSchema,
  ScenarioResultSchema,
  ScenarioSchema,
  ViolationSchema,
} from './scenario';

/** POST /api/sites/:siteId/scenarios (planner, operator, admin) → 202 { id }. */
export const CreateScenarioRequestSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  scenario: ScenarioSchema,
  /** Start from the twin's current state and time of day (default); false: the file's own. */
  bindLiveState: z.boolean().default(true),
  /** Also search ranked mitigating actions when the scenario has violations. */
  recommend: z.boolean().default(false),
});
export type CreateScenarioRequest = z.infer<typeof CreateScenarioRequestSchema>;
export type CreateScenarioRequestInput = z.input<typeof CreateScenarioRequestSchema>;

export const CreateScenarioResponseSchema = z.object({ id: z.string() });

export const SCENARIO_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const ScenarioStatusSchema = z.enum(SCENARIO_STATUSES);
export type ScenarioStatus = z.infer<typeof ScenarioStatusSchema>;

export const ScenarioSummarySchema = z.object({
  id: z.string(),
  siteId: SiteIdSchema,
  name: z.string(),
  status: ScenarioStatusSchema,
  /** 0..1 */
  progress: z.number().min(0).max(1),
  /** What it is doing now ("ensemble member 37 of 200", "evaluating candidates"). */
  phase: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Model version (sha-256 of the .inp), engine version and seed: with the request and the state, the run's inputs. */
  modelHash: z.string(),
  engineVersion: z.string().nullable(),
  seed: z.number().int(),
  members: z.number().int().positive(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  kpis: ScenarioKpisSchema.nullable(),
  violationCount: z.number().int().nullable(),
  recommendationCount: z.number().int().nullable(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const ScenarioListSchema = z.object({ scenarios: z.array(ScenarioSummarySchema) });

/** An ensemble's summary without its series: members, KPI percentiles, violation probabilities. */
export const EnsembleSummarySchema = ScenarioBandsSchema.pick({
  members: true,
  failedMembers: true,
  kpis: true,
  violationProbability: true,
});
export type EnsembleSummary = z.infer<typeof EnsembleSummarySchema>;

/** GET /api/scenarios/:id → everything but the series (fetch those by asset, below). */
export const ScenarioDetailSchema = ScenarioSummarySchema.extend({
  request: CreateScenarioRequestSchema,
  liveState: LiveStateSchema.nullable(),
  violations: z.array(ViolationSchema).nullable(),
  /** Report times, s from the start, and the start's time of day. */
  times: z.array(z.number()).nullable(),
  startClockS: z.number().nullable(),
  recommendations: RecommendationSetSchema.nullable(),
  /** Ensemble runs: the summary of the bands (null for one run, or before it ends). */
  ensemble: EnsembleSummarySchema.nullable(),
  approvals: z.array(
    z.object({
      rank: z.number().int().positive(),
      decision: z.enum(['approved', 'rejected']),
      by: z.string(),
      at: z.number(),
      comment: z.string().nullable(),
    }),
  ),
});
export type ScenarioDetail = z.infer<typeof ScenarioDetailSchema>;

/** GET /api/scenarios/:id/result → the whole stored result (large: every node and link). */
export const ScenarioResultResponseSchema = ScenarioResultSchema;

/** GET /api/scenarios/:id/series?assets=a,b[&recommendation=rank] → series and bands of some assets. */
export const ScenarioSeriesQuerySchema = z.object({
  assets: z
    .string()
    .min(1)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(AssetIdSchema).min(1).max(50)),
});
const s = z.array(z.number());
const band = z.object({ p5: s, p50: s, p95: s });
export const ScenarioSeriesSchema = z.object({
  id: z.string(),
  times: s,
  startClockS: z.number(),
  assets: z.record(
    AssetIdSchema,
    z.object({
      kind: z.enum(['node', 'link', 'tank', 'pump']),
      /** metric → values at each time (pressure, head, demand, requested, flow, velocity, level, power). */
      series: z.record(z.string(), s),
      /** metric → P5/P50/P95 (ensemble runs only). */
      bands: z.record(z.string(), band),
    }),
  ),
});
export type ScenarioSeries = z.infer<typeof ScenarioSeriesSchema>;

/**
 * GET /api/scenarios/:id/frames?metric=pressure → every asset's value of one metric at every
 * report time, for painting the prediction onto the 3D scene. values[assetId][timeIndex].
 */
export const ScenarioFramesQuerySchema = z.object({
  metric: z.enum(['pressure', 'head', 'demand', 'flow', 'velocity', 'level']),
});
export const ScenarioFramesSchema = z.object({
  id: z.string(),
  metric: z.string(),
  times: s,
  startClockS: z.number(),
  values: z.record(AssetIdSchema, s),
});
export type ScenarioFrames = z.infer<typeof ScenarioFramesSchema>;

/** GET /api/sites/:siteId/scenarios/compare?ids=a,b,c → KPIs side by side. */
export const ScenarioCompareQuerySchema = z.object({
  ids: z
    .string()
    .min(1)
    .transform((v) => v.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.string()).min(2, 'compare: give at least two scenario ids').max(10)),
});
export const ScenarioComparisonSchema = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: ScenarioStatusSchema,
      kpis: ScenarioKpisSchema.nullable(),
      violationCount: z.number().int().nullable(),
    }),
  ),
});

/** POST /api/scenarios/:id/recommendations/:rank/decision (operator, planner, admin). */
export const RecommendationDecisionRequestSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(2000).optional(),
});
export type RecommendationDecisionRequest = z.infer<typeof RecommendationDecisionRequestSchema>;

/** Pushed to the site's room while a scenario runs and when it ends. */
export const ScenarioProgressEventSchema = z.object({
  id: z.string(),
  siteId: SiteIdSchema,
  status: ScenarioStatusSchema,
  progress: z.number().min(0).max(1),
  phase: z.string().nullable(),
});
export type ScenarioProgressEvent = z.infer<typeof ScenarioProgressEventSchema>;

/**
 * A forward run from a nowcast's bound state (same demand multipliers): when each tank would
 * empty. Resolution: the run's report step (15 min).
 */
export const TankPredictionsSchema = z.object({
  /** The nowcast time it started from (epoch ms). */
  at: z.number(),
  /** How far ahead it looked, h. */
  horizonH: z.number().positive(),
  /** tankId → hours until the tank is empty (0: empty now); null: not within the horizon. */
  timeToEmptyH: z.record(AssetIdSchema, z.number().min(0).nullable()),
  elapsedMs: z.number(),
});
export type TankPredictions = z.infer<typeof TankPredictionsSchema>;

/**
 * The nowcast: the model run from the current state every interval (default 60 s), giving
 * estimates where nothing is measured and residuals (measured − modelled) where something is.
 */
export const NowcastSchema = z.object({
  siteId: SiteIdSchema,
  /** When it ran (epoch ms) and the state snapshot time it started from. */
  at: z.number(),
  stateTakenAt: z.number(),
  modelHash: z.string(),
  engineVersion: z.string(),
  elapsedMs: z.number(),
  /** assetId → metric → modelled value (pressure, head, demand, level, flow, velocity, power). */
  values: z.record(AssetIdSchema, z.record(z.string(), z.number())),
  /** The demand multipliers this nowcast ran with (estimated from metered junction demands). */
  demandMultipliers: DemandMultipliersSchema.optional(),
  /** The site's latest tank predictions (absent when off, not run yet, or out of date). */
  predictions: TankPredictionsSchema.optional(),
  /** Measured sensors only: assetId → metric → measured, modelled and their difference. */
  residuals: z.record(
    AssetIdSchema,
    z.record(
      z.string(),
      z.object({ measured: z.number(), modelled: z.number(), residual: z.number() }),
    ),
  ),
});
export type Nowcast = z.infer<typeof NowcastSchema>;

/** GET /api/sites/:siteId/residuals?assetId=&metric=&from=&to= → stored residual history. */
export const ResidualQuerySchema = z.object({
  assetId: AssetIdSchema,
  metric: z.string().min(1),
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
});
export const ResidualSeriesSchema = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  metric: z.string(),
  points: z.array(
    z.object({ t: z.number(), measured: z.number(), modelled: z.number(), residual: z.number() }),
  ),
});
