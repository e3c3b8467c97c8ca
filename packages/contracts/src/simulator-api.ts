import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';

/**
 * Driving the demo plant simulator (demo and test only; permission simulator:control):
 * POST   /api/sites/:siteId/simulator/faults            body InjectFaultRequest → 202 SimulatorFaultsResponse
 * GET    /api/sites/:siteId/simulator/faults            → SimulatorFaultsResponse
 * DELETE /api/sites/:siteId/simulator/faults/:assetId   → SimulatorFaultsResponse
 */

export const SIMULATOR_FAULT_KINDS = [
  'pump_precursor',
  'pump_trip',
  'sensor_dropout',
  'stuck_value',
] as const;
export const SimulatorFaultKindSchema = z.enum(SIMULATOR_FAULT_KINDS);
export type SimulatorFaultKind = z.infer<typeof SimulatorFaultKindSchema>;

/** Longest injected fault: a week of plant time. */
export const MAX_INJECTED_FAULT_S = 7 * 86_400;
/** Most pumps one request trips (a whole station). */
export const MAX_FAULT_ASSETS = 20;

/**
 * Trip one pump (`assetId`) or several at once (`assetIds`, e.g. a whole station): each is
 * forced closed while its controller still commands it on. `durationS` is plant seconds
 * (the simulator runs at SIMULATOR_SPEEDUP× wall time); without it the trip lasts until cleared.
 */
export const InjectFaultRequestSchema = z
  .strictObject({
    kind: z.literal('pump_trip', {
      error: 'kind must be "pump_trip" (the only fault that can be injected)',
    }),
    assetId: AssetIdSchema.optional(),
    assetIds: z
      .array(AssetIdSchema)
      .min(1, 'assetIds is empty: name at least one pump')
      .max(MAX_FAULT_ASSETS, `assetIds: at most ${MAX_FAULT_ASSETS} pumps at once`)
      .optional(),
    durationS: z
      .number()
      .positive('durationS must be > 0 plant seconds (leave it out to trip until cleared)')
      .max(MAX_INJECTED_FAULT_S, `durationS: at most ${MAX_INJECTED_FAULT_S} plant seconds`)
      .optional(),
  })
  .refine((r) => (r.assetId === undefined) !== (r.assetIds === undefined), {
    message: 'give exactly one of assetId (one pump) or assetIds (several pumps)',
    path: ['assetId'],
  });
export type InjectFaultRequest = z.infer<typeof InjectFaultRequestSchema>;

/** A fault in force in the simulator. */
export const SimulatorFaultSchema = z.object({
  kind: SimulatorFaultKindSchema,
  assetId: AssetIdSchema,
  /** scheduled: one of the seeded random faults; injected: asked for through the API. */
  origin: z.enum(['scheduled', 'injected']),
  /** Wall-clock epoch ms of the simulator tick that started it. */
  startedAt: z.number(),
  /** Plant seconds since the simulator started. */
  plantStartS: z.number(),
  /** null: until cleared. */
  plantEndS: z.number().nullable(),
});
export type SimulatorFault = z.infer<typeof SimulatorFaultSchema>;

export const SimulatorFaultsResponseSchema = z.object({
  siteId: SiteIdSchema,
  /** The simulator's plant time now, seconds since it started. */
  plantTimeS: z.number(),
  /** Plant seconds per wall second. */
  speedup: z.number(),
  faults: z.array(SimulatorFaultSchema),
});
export type SimulatorFaultsResponse = z.infer<typeof SimulatorFaultsResponseSchema>;
