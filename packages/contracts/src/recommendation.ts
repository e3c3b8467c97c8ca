import { z } from 'zod';
import { AssetIdSchema } from './ids';
import { PerturbationSchema, ScenarioKpisSchema, ViolationSchema } from './scenario';

/** What one step of a recommended action does, in operators' words, with its engine edits. */
export const CandidateActionSchema = z.object({
  kind: z.enum([
    'start-pump',
    'stop-pump',
    'pump-speed',
    'open-valve',
    'close-valve',
    'valve-setting',
    'isolate-segment',
    'tank-control',
  ]),
  /** The assets it operates (the valves a segment isolation closes, the pump it starts). */
  assetIds: z.array(AssetIdSchema).min(1),
  /** e.g. "Start standby pump PU5 at 100 % speed from 0 h to 24 h". */
  description: z.string(),
  /** The perturbations that simulate it (added to the scenario's own). */
  perturbations: z.array(PerturbationSchema).min(1),
});
export type CandidateAction = z.infer<typeof CandidateActionSchema>;

/** Differences against doing nothing (candidate minus baseline): negative is better except minPressure. */
export const KpiDeltasSchema = z.object({
  violations: z.number().int(),
  unservedDemandM3: z.number(),
  energyKwh: z.number(),
  energyCost: z.number().nullable(),
  /** Candidate's minimum pressure minus the baseline's, m (positive is better). */
  minPressureM: z.number().nullable(),
  nodesBelowService: z.number().int(),
});
export type KpiDeltas = z.infer<typeof KpiDeltasSchema>;

export const RecommendationSchema = z.object({
  /** 1 = best. */
  rank: z.number().int().positive(),
  title: z.string(),
  actions: z.array(CandidateActionSchema).min(1),
  kpis: ScenarioKpisSchema,
  violations: z.array(ViolationSchema),
  deltas: KpiDeltasSchema,
  /** What the simulation took for granted (e.g. "valves close fully within one step"). */
  assumptions: z.array(z.string()),
  /** Why it ranks where it does, in one or two sentences. */
  why: z.string(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationSetSchema = z.object({
  baseline: z.object({ kpis: ScenarioKpisSchema, violations: z.array(ViolationSchema) }),
  candidatesEvaluated: z.number().int().nonnegative(),
  /** Candidates whose runs failed (budget, engine error), left out of the ranking. */
  candidatesFailed: z.number().int().nonnegative(),
  elapsedMs: z.number(),
  /** Best first, at most 5. Empty when nothing improves on doing nothing. */
  recommendations: z.array(RecommendationSchema).max(5),
  /** Why the list is empty or short, when it is. */
  note: z.string().optional(),
});
export type RecommendationSet = z.infer<typeof RecommendationSetSchema>;
