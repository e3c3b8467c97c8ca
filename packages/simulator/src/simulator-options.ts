import { AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';
import { z } from 'zod';

export const FaultsOptionsSchema = z.object({
  enabled: z.boolean().default(true),
  meanIntervalS: z
    .number()
    .positive('faults.meanIntervalS must be > 0 plant seconds')
    .default(3600),
});

export const PlantSimulatorOptionsSchema = z.object({
  siteId: SiteIdSchema,
  inpText: z.string().min(1, 'inpText is empty: pass the contents of an EPANET .inp file'),
  seed: z.number().int('seed must be an integer'),
  /** Plant seconds per wall second. */
  speedup: z.number().positive().max(86400).default(60),
  /** Wall milliseconds between ticks (used by the worker loop; step() follows the clock). */
  sampleIntervalMs: z.number().int().min(50).max(3_600_000).default(1000),
  /** Junctions that carry a pressure sensor; default: sensorJunctionCount spread over the DMAs. */
  sensorJunctions: z.array(AssetIdSchema).optional(),
  sensorJunctionCount: z.number().int().min(0).max(10_000).default(30),
  /** Pipes that carry a flow meter; default: the pipes leaving every pump and valve. */
  dmaInletPipes: z.array(AssetIdSchema).optional(),
  faults: FaultsOptionsSchema.default({ enabled: true, meanIntervalS: 3600 }),
  /** Longest hydraulic step, plant seconds. */
  hydStepS: z.number().int().min(1).max(3600).default(60),
  /** Simulated horizon after which EPANET restarts from the current tank levels. */
  horizonS: z
    .number()
    .int()
    .min(600)
    .max(5 * 365 * 86400)
    .default(365 * 86400),
  /** Demand noise: stationary spread of the log multiplier per DMA, and its reversion time. */
  demandNoiseSigma: z.number().min(0).max(1).default(0.08),
  demandNoiseTauS: z.number().positive().default(7200),
});

export type PlantSimulatorOptions = z.input<typeof PlantSimulatorOptionsSchema>;
export type ResolvedSimulatorOptions = z.output<typeof PlantSimulatorOptionsSchema>;

export function resolveSimulatorOptions(options: PlantSimulatorOptions): ResolvedSimulatorOptions {
  const parsed = PlantSimulatorOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
  );
  throw new Error(`invalid simulator options: ${issues.join('; ')}`);
}
