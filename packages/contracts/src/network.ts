import { z } from 'zod';
import { AssetIdSchema } from './ids';
import { ValveKindSchema } from './assets';

/**
 * The network model: what an imported EPANET file becomes, in SI units (lengths and heads m,
 * diameters m, flows L/s). Coordinates (x, y) are the file's own map units; `layout` says
 * whether they came from [COORDINATES] or were computed because the file had none.
 * The solver core produces it, the BFF stores it, the scene builds itself from it.
 */
export const NetworkNodeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('junction'),
    id: AssetIdSchema,
    x: z.number(),
    y: z.number(),
    elevation: z.number(),
    baseDemand: z.number(),
  }),
  z.object({
    type: z.literal('reservoir'),
    id: AssetIdSchema,
    x: z.number(),
    y: z.number(),
    elevation: z.number(),
  }),
  z.object({
    type: z.literal('tank'),
    id: AssetIdSchema,
    x: z.number(),
    y: z.number(),
    elevation: z.number(),
    initLevel: z.number(),
    minLevel: z.number(),
    maxLevel: z.number(),
    diameter: z.number(),
  }),
]);
export type NetworkNode = z.infer<typeof NetworkNodeSchema>;

const LinkBase = {
  id: AssetIdSchema,
  from: AssetIdSchema,
  to: AssetIdSchema,
  /** Interior polyline points from [VERTICES], map units. */
  vertices: z.array(z.tuple([z.number(), z.number()])),
  initialStatus: z.enum(['open', 'closed', 'cv']).optional(),
};

export const PumpCurvePointSchema = z.object({ flow: z.number(), head: z.number() });

export const NetworkLinkSchema = z.discriminatedUnion('type', [
  z.object({
    ...LinkBase,
    type: z.literal('pipe'),
    length: z.number(),
    diameter: z.number(),
    roughness: z.number(),
  }),
  z.object({
    ...LinkBase,
    type: z.literal('pump'),
    /** Head curve points (flow L/s, head m) when the pump has one. */
    curve: z.array(PumpCurvePointSchema).optional(),
    power: z.number().optional(),
    speed: z.number().optional(),
  }),
  z.object({
    ...LinkBase,
    type: z.literal('valve'),
    valveKind: ValveKindSchema,
    diameter: z.number(),
    setting: z.number(),
  }),
]);
export type NetworkLink = z.infer<typeof NetworkLinkSchema>;

export const NetworkModelSchema = z.object({
  title: z.string(),
  /** sha-256 of the .inp text: the model version. */
  hash: z.string(),
  /** The unit system the file was written in; every number here is already SI. */
  sourceUnits: z.string(),
  layout: z.enum(['file', 'computed']),
  nodes: z.array(NetworkNodeSchema),
  links: z.array(NetworkLinkSchema),
  /** Simulation durations from [TIMES], seconds. */
  times: z.object({ duration: z.number(), hydraulicStep: z.number(), reportStep: z.number() }),
});
export type NetworkModel = z.infer<typeof NetworkModelSchema>;

export const ImportWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().optional(),
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;
