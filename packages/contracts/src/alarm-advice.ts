import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';
import { CandidateActionSchema, KpiDeltasSchema } from './recommendation';
import { PerturbationSchema } from './scenario';

/**
 * Recommended actions for an active alarm, and the check afterwards (issue 4, "closing the
 * loop"). Routes:
 * POST /api/sites/:siteId/alarm-advice                    body { alarmKey } → 202 { id }
 * GET  /api/sites/:siteId/alarm-advice?alarmKey=…         → AlarmAdviceListResponse
 * GET  /api/sites/:siteId/alarm-advice/:id                → AlarmAdvice
 * POST /api/sites/:siteId/alarm-advice/:id/decision       body { rank, decision, comment? }
 */

/** The operational causes a what-if can simulate. */
export const ALARM_ADVICE_CAUSES = ['pump_trip', 'tank_low', 'pressure_low', 'burst'] as const;
export const AlarmAdviceCauseSchema = z.enum(ALARM_ADVICE_CAUSES);
export type AlarmAdviceCause = z.infer<typeof AlarmAdviceCauseSchema>;

export const ALARM_ADVICE_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const AlarmAdviceStatusSchema = z.enum(ALARM_ADVICE_STATUSES);
export type AlarmAdviceStatus = z.infer<typeof AlarmAdviceStatusSchema>;

/** An alarm's key as the alarm API names it: `<assetId>/<ruleId>`. */
export const AlarmKeySchema = z
  .string()
  .trim()
  .min(3, 'alarmKey: `<assetId>/<ruleId>`, e.g. PU1/pump-mismatch')
  .max(80, 'alarmKey: at most 80 characters')
  .regex(/^[^\s/]+\/[a-z0-9][a-z0-9-]*$/, 'alarmKey: `<assetId>/<ruleId>`, e.g. PU1/pump-mismatch');

export const CreateAlarmAdviceRequestSchema = z.strictObject({ alarmKey: AlarmKeySchema });
export type CreateAlarmAdviceRequest = z.infer<typeof CreateAlarmAdviceRequestSchema>;
export const CreateAlarmAdviceResponseSchema = z.object({
  id: z.string(),
  /** The what-if that searches the actions (follow it with scenario:progress). */
  scenarioId: z.string(),
});

export const AlarmAdviceListQuerySchema = z.object({ alarmKey: AlarmKeySchema.optional() });

/** The quantity the alarm is about, whose simulated course each recommendation is judged by. */
export const AlarmQuantitySchema = z.object({
  assetId: AssetIdSchema,
  /** As in telemetry and scenario series: level (m), pressure (m), flow (L/s). */
  metric: z.enum(['level', 'pressure', 'flow']),
  /** Which extreme matters: min for low levels and pressures, max (of |flow|) for a burst. */
  extreme: z.enum(['min', 'max']),
  /** The alarm's limit in the metric's unit, when it has one (setpoint of a threshold rule). */
  limit: z.number().nullable(),
  /** For people: "level of T1, the tank PU1's controls fill". */
  label: z.string(),
});
export type AlarmQuantity = z.infer<typeof AlarmQuantitySchema>;

const range = z.object({ p5: z.number(), p95: z.number() });
const series = z.array(z.number());

/** A run's course of the alarm's quantity over the horizon, with its uncertainty. */
export const QuantityEffectSchema = z.object({
  /** Report times, s from the run's start, and member 0's values (the unperturbed member). */
  times: series,
  values: series,
  /** Ensemble P5/P95 at each time (null for one run). */
  p5: series.nullable(),
  p95: series.nullable(),
  /** The extreme (min or max, see the quantity) over the horizon, and the value at its end. */
  extreme: z.number(),
  end: z.number(),
  /** P5–P95 of the extreme and of the end value (from the bands; null for one run). */
  extremeRange: range.nullable(),
  endRange: range.nullable(),
  /** Seconds the value lies beyond the alarm's limit (below a low one, above a high one). */
  beyondLimitS: z.number().nullable(),
  /** Tanks: when the run empties it (s), null when it does not within the horizon. */
  timeToEmptyS: z.number().nullable(),
  /** Share of ensemble members with a violation at the quantity's asset (null for one run). */
  violationProbability: z.number().min(0).max(1).nullable(),
});
export type QuantityEffect = z.infer<typeof QuantityEffectSchema>;

export const CHECK_VERDICTS = ['as_predicted', 'deviated', 'no_data'] as const;
export const CheckVerdictSchema = z.enum(CHECK_VERDICTS);
export type CheckVerdict = z.infer<typeof CheckVerdictSchema>;

/** The numbers behind a verdict: measured values against the prediction at matching offsets. */
export const CheckNumbersSchema = z.object({
  points: z.number().int().nonnegative(),
  /** Share (0–1) of points within the P5–P95 band widened by the tolerance. */
  withinBand: z.number().min(0).max(1).nullable(),
  meanAbsError: z.number().nullable(),
  maxAbsError: z.number().nullable(),
  tolerance: z.number(),
  /**
   * Tank levels: the measured level just before the approval minus the predicted start (the
   * plant moved on between the advice and the approval); the prediction was shifted by it, so
   * the change since the approval is what is compared. Absent or null: compared as predicted.
   */
  startOffset: z.number().nullable().optional(),
});
export type CheckNumbers = z.infer<typeof CheckNumbersSchema>;

/** After an approval: what was predicted over the check window, then what happened. */
export const RecommendationCheckSchema = z.object({
  adviceId: z.string(),
  rank: z.number().int().positive(),
  assetId: AssetIdSchema,
  metric: z.string(),
  approvedAt: z.number(),
  /** When the check runs: approvedAt + the check window (ALARM_ADVICE_CHECK_S, wall seconds). */
  dueAt: z.number(),
  /** Plant seconds per wall second used to line measurements up with the prediction. */
  timeScale: z.number().positive(),
  predicted: z.object({
    times: series,
    values: series,
    p5: series.nullable(),
    p95: series.nullable(),
  }),
  /** null until the check has run. */
  verdict: CheckVerdictSchema.nullable(),
  checkedAt: z.number().nullable(),
  numbers: CheckNumbersSchema.nullable(),
});
export type RecommendationCheck = z.infer<typeof RecommendationCheckSchema>;

export const AlarmAdviceDecisionSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  by: z.string(),
  at: z.number(),
  comment: z.string().nullable(),
});

/**
 * Demo mode only: what the virtual plant did when a recommendation was approved. Twinhelm does
 * not write to a real SCADA; with the demo plant simulator running for the site, an approval
 * has the simulator carry out the recommendation's actions as an operator would at the SCADA.
 */
export const PlantCarryOutSchema = z.object({
  /** carried_out: every step; partly: some skipped; nothing: none could be; failed: no answer. */
  outcome: z.enum(['carried_out', 'partly', 'nothing', 'failed']),
  /** For people: "Demo plant: PU9 started at 100 % for 4 h" (and what was not carried out). */
  summary: z.string(),
  /** Each step the plant carried out ("PU9 started at 100 % for 4 h"). */
  done: z.array(z.object({ assetId: AssetIdSchema, text: z.string() })),
  /** Each step it did not, with why (null assetId: a step about no asset, e.g. a control). */
  skipped: z.array(z.object({ assetId: AssetIdSchema.nullable(), text: z.string() })),
  /** The simulator's plant time when it acted, s (null when it did not answer). */
  plantTimeS: z.number().nullable(),
  /** Who approved, and when it was carried out (epoch ms). */
  by: z.string(),
  at: z.number(),
});
export type PlantCarryOut = z.infer<typeof PlantCarryOutSchema>;

export const AdviceRecommendationSchema = z.object({
  rank: z.number().int().positive(),
  title: z.string(),
  actions: z.array(CandidateActionSchema),
  why: z.string(),
  assumptions: z.array(z.string()),
  deltas: KpiDeltasSchema,
  /** The what-if of the scenario plus this recommendation's actions, with the same ensemble. */
  scenarioId: z.string().nullable(),
  /** Its simulated effect on the alarm's quantity (null until simulated, or when that failed). */
  effect: QuantityEffectSchema.nullable(),
  effectError: z.string().nullable(),
  decisions: z.array(AlarmAdviceDecisionSchema),
  check: RecommendationCheckSchema.nullable(),
  /** Demo mode: what the virtual plant did at the approval (absent or null: nothing asked of it). */
  carriedOut: PlantCarryOutSchema.nullable().optional(),
});
export type AdviceRecommendation = z.infer<typeof AdviceRecommendationSchema>;

/** GET …/alarm-advice/:id */
export const AlarmAdviceSchema = z.object({
  id: z.string(),
  siteId: SiteIdSchema,
  alarmKey: z.string(),
  assetId: AssetIdSchema,
  ruleId: z.string(),
  cause: AlarmAdviceCauseSchema,
  status: AlarmAdviceStatusSchema,
  /** What it is doing now ("searching actions: ensemble member 3 of 20"). */
  phase: z.string().nullable(),
  /** Why it failed, or why there are no recommendations. */
  error: z.string().nullable(),
  note: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.number(),
  finishedAt: z.number().nullable(),
  horizonS: z.number().int().positive(),
  members: z.number().int().positive(),
  /** The what-if that found the recommendations (the baseline: the cause, nothing done). */
  scenarioId: z.string(),
  /** The cause as simulated, and what the simulation took for granted. */
  perturbations: z.array(PerturbationSchema),
  assumptions: z.array(z.string()),
  /** null until known (a pump trip's quantity is chosen from the pump's controls). */
  quantity: AlarmQuantitySchema.nullable(),
  baseline: QuantityEffectSchema.nullable(),
  recommendations: z.array(AdviceRecommendationSchema),
});
export type AlarmAdvice = z.infer<typeof AlarmAdviceSchema>;

export const AlarmAdviceListResponseSchema = z.object({ advice: z.array(AlarmAdviceSchema) });
export type AlarmAdviceListResponse = z.infer<typeof AlarmAdviceListResponseSchema>;

/** POST …/alarm-advice/:id/decision. A comment is optional (recommended for a rejection). */
export const AlarmAdviceDecisionRequestSchema = z.strictObject({
  rank: z.number().int('rank: a whole number').positive('rank: 1 is the best recommendation'),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(2000).optional(),
});
export type AlarmAdviceDecisionRequest = z.infer<typeof AlarmAdviceDecisionRequestSchema>;
export const AlarmAdviceDecisionResponseSchema = z.object({
  id: z.string(),
  rank: z.number().int().positive(),
  decision: z.enum(['approved', 'rejected']),
  /** Approvals: when the check runs (null when nothing can be checked). */
  checkDueAt: z.number().nullable(),
  /** Demo mode, approvals: what the virtual plant did (absent without a simulator for the site). */
  carriedOut: PlantCarryOutSchema.optional(),
});

/** socket.io event to the site's room when an advice ends or a check has a verdict. */
export const ALARM_ADVICE_EVENT = 'alarm:advice' as const;
export const AlarmAdviceEventSchema = z.object({
  siteId: SiteIdSchema,
  adviceId: z.string(),
  alarmKey: z.string(),
  status: AlarmAdviceStatusSchema,
  /** Present when the event reports a check's verdict. */
  check: RecommendationCheckSchema.optional(),
});
export type AlarmAdviceEvent = z.infer<typeof AlarmAdviceEventSchema>;
