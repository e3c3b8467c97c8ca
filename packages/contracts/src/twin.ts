import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';

/** The latest value of one metric of one asset: value and sample time (epoch ms). */
export const MetricValueSchema = z.object({ v: z.number(), ts: z.number() });
export type MetricValue = z.infer<typeof MetricValueSchema>;

/** assetId -> metric -> latest value. */
export const TwinStateSchema = z.record(AssetIdSchema, z.record(z.string(), MetricValueSchema));
export type TwinState = z.infer<typeof TwinStateSchema>;

/** Sent on joining a site's room: the whole latest state, with the version deltas continue from. */
export const TwinSnapshotSchema = z.object({
  siteId: SiteIdSchema,
  /** Monotonic per site; a delta with version n+1 follows the snapshot with version n. */
  version: z.number().int().nonnegative(),
  /** Server time the snapshot was taken, epoch ms. */
  at: z.number(),
  state: TwinStateSchema,
});
export type TwinSnapshot = z.infer<typeof TwinSnapshotSchema>;

/** A coalesced window (≤ 100 ms) of changes to the latest state. */
export const TwinDeltaSchema = z.object({
  siteId: SiteIdSchema,
  /** The version this delta produces; the previous one is version - 1. */
  version: z.number().int().positive(),
  at: z.number(),
  changes: z.record(AssetIdSchema, z.record(z.string(), MetricValueSchema)),
});
export type TwinDelta = z.infer<typeof TwinDeltaSchema>;
