import { z } from 'zod';
import { AssetIdSchema, SiteIdSchema } from './ids';

export const ASSET_TYPES = ['junction', 'reservoir', 'tank', 'pipe', 'pump', 'valve'] as const;
export const AssetTypeSchema = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof AssetTypeSchema>;

export const VALVE_KINDS = ['PRV', 'PSV', 'PBV', 'FCV', 'TCV', 'GPV', 'PCV'] as const;
export const ValveKindSchema = z.enum(VALVE_KINDS);
export type ValveKind = z.infer<typeof ValveKindSchema>;

export const NODE_TYPES = ['junction', 'reservoir', 'tank'] as const satisfies readonly AssetType[];
export const LINK_TYPES = ['pipe', 'pump', 'valve'] as const satisfies readonly AssetType[];

/** The metric catalogue of telemetry contract v1: SI units, per asset type. */
export const METRICS = {
  pressure: { unit: 'm', label: 'Pressure' },
  head: { unit: 'm', label: 'Head' },
  level: { unit: 'm', label: 'Level' },
  status: { unit: '', label: 'Status' },
  /** A pump's run command from its controller (1 on, 0 off); status is the running feedback. */
  command: { unit: '', label: 'Run command' },
  speed: { unit: '', label: 'Speed' },
  flow: { unit: 'L/s', label: 'Flow' },
  power: { unit: 'kW', label: 'Power' },
  vibration: { unit: 'mm/s', label: 'Vibration' },
  bearing_temp: { unit: '°C', label: 'Bearing temperature' },
  setting: { unit: '', label: 'Setting' },
  velocity: { unit: 'm/s', label: 'Velocity' },
  demand: { unit: 'L/s', label: 'Demand' },
} as const;
export type Metric = keyof typeof METRICS;
export const MetricSchema = z.enum(Object.keys(METRICS) as [Metric, ...Metric[]]);

export const METRICS_BY_TYPE: Record<AssetType, readonly Metric[]> = {
  junction: ['pressure', 'head', 'demand'],
  reservoir: ['head', 'level'],
  tank: ['level', 'head', 'pressure'],
  pipe: ['flow', 'velocity', 'status'],
  pump: ['status', 'command', 'speed', 'flow', 'power', 'vibration', 'bearing_temp'],
  valve: ['status', 'setting', 'flow'],
};

export const PositionSchema = z.object({ x: z.number(), y: z.number(), z: z.number() });
export type Position = z.infer<typeof PositionSchema>;

export const AssetSchema = z.object({
  siteId: SiteIdSchema,
  id: AssetIdSchema,
  type: AssetTypeSchema,
  valveKind: ValveKindSchema.optional(),
  name: z.string().optional(),
  /** Nodes: the node's position (z = elevation, m). Links: the midpoint. */
  position: PositionSchema,
  /** Links only: start and end node ids. */
  from: AssetIdSchema.optional(),
  to: AssetIdSchema.optional(),
  /** Expected reporting interval in seconds; an asset silent for longer is stale. */
  expectedIntervalS: z.number().positive().optional(),
});
export type Asset = z.infer<typeof AssetSchema>;
