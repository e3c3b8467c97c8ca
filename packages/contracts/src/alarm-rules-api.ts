import { z } from 'zod';
import { AlarmRuleIdSchema, AlarmRuleSchema } from './alarms';
import { AssetTypeSchema } from './assets';
import { AssetIdSchema, SiteIdSchema } from './ids';

/**
 * The alarm-rule API's answers (apps/bff/src/alarm-rules). Routes:
 * GET    /api/sites/:siteId/alarm-rules                   → SiteAlarmRulesResponse
 * PUT    /api/sites/:siteId/alarm-rules  body AlarmRuleOverride → AlarmRuleChangeResponse
 * GET    /api/sites/:siteId/alarm-rules/:assetId/:ruleId  → AlarmRuleHistoryResponse
 * DELETE /api/sites/:siteId/alarm-rules/:assetId/:ruleId  → AlarmRuleChangeResponse (revert)
 */

/** default: built in; override: a stored version; reverted: a stored revert to the default. */
export const AlarmRuleSourceSchema = z.enum(['default', 'override', 'reverted']);
export type AlarmRuleSource = z.infer<typeof AlarmRuleSourceSchema>;

/** Who stored a version of an asset's rule, and when (epoch ms). */
export const AlarmRuleStampSchema = z.object({
  version: z.number().int().min(1),
  changedBy: z.string(),
  changedAt: z.number(),
});
export type AlarmRuleStamp = z.infer<typeof AlarmRuleStampSchema>;

/** One rule in force at an asset and where it comes from. */
export const EffectiveAlarmRuleSchema = z.object({
  rule: AlarmRuleSchema,
  source: AlarmRuleSourceSchema,
  /** The newest stored version of this asset's rule; null for an untouched default. */
  override: AlarmRuleStampSchema.nullable(),
});
export type EffectiveAlarmRule = z.infer<typeof EffectiveAlarmRuleSchema>;

export const AssetEffectiveRulesSchema = z.object({
  assetId: AssetIdSchema,
  assetType: AssetTypeSchema,
  rules: z.array(EffectiveAlarmRuleSchema),
});
export type AssetEffectiveRules = z.infer<typeof AssetEffectiveRulesSchema>;

/** GET /api/sites/:siteId/alarm-rules: every asset's effective rules. */
export const SiteAlarmRulesResponseSchema = z.object({
  siteId: SiteIdSchema,
  assets: z.array(AssetEffectiveRulesSchema),
});
export type SiteAlarmRulesResponse = z.infer<typeof SiteAlarmRulesResponseSchema>;

/** One stored version of an asset's rule (never changed once stored). */
export const AlarmRuleVersionSchema = z.object({
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  version: z.number().int().min(1),
  /** The rule in effect from this version; null when a revert removed an added rule. */
  rule: AlarmRuleSchema.nullable(),
  reverted: z.boolean(),
  changedBy: z.string(),
  changedAt: z.number(),
});
export type AlarmRuleVersion = z.infer<typeof AlarmRuleVersionSchema>;

/** GET /api/sites/:siteId/alarm-rules/:assetId/:ruleId: the default and every version. */
export const AlarmRuleHistoryResponseSchema = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  /** The asset type's built-in rule with this id (null for an added rule). */
  default: AlarmRuleSchema.nullable(),
  /** Oldest first. */
  versions: z.array(AlarmRuleVersionSchema),
});
export type AlarmRuleHistoryResponse = z.infer<typeof AlarmRuleHistoryResponseSchema>;

/** PUT (change) and DELETE (revert): the version stored and the rule before and after. */
export const AlarmRuleChangeResponseSchema = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  /** The stored version of this asset's rule (1, 2, …). */
  version: z.number().int().min(1),
  /** The rule in effect before and after (null: none, e.g. an added rule reverted). */
  before: AlarmRuleSchema.nullable(),
  after: AlarmRuleSchema.nullable(),
  reverted: z.boolean(),
});
export type AlarmRuleChangeResponse = z.infer<typeof AlarmRuleChangeResponseSchema>;
