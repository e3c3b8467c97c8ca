import { z } from 'zod';
import {
  AlarmActionSchema,
  AlarmEventRecordSchema,
  AlarmKpisSchema,
  AlarmSchema,
  ALARM_STATES,
  AlarmPrioritySchema,
  AlarmStateSchema,
  type AlarmState,
} from './alarms';
import { AssetIdSchema } from './ids';

/**
 * The alarm API and socket payloads (issue 4). Routes:
 * GET  /api/sites/:siteId/alarms                          → AlarmListResponse
 * GET  /api/sites/:siteId/alarms/:assetId/:ruleId         → AlarmDetailResponse
 * POST /api/sites/:siteId/alarms/:assetId/:ruleId/actions  body AlarmAction → AlarmActionResponse
 * POST /api/sites/:siteId/alarms/actions                  body AlarmBulkActionRequest → AlarmBulkActionResponse
 * GET  /api/sites/:siteId/alarm-events?key&from&to&limit&before → AlarmEventsResponse
 * GET  /api/sites/:siteId/alarm-kpis?from&to&operators    → AlarmKpisResponse
 */

/** What grouped an alarm under another: the cause found through the network graph. */
export const AlarmCauseSchema = z.object({
  kind: z.enum(['pump_trip', 'valve_closed', 'burst']),
  linkId: AssetIdSchema,
});
export type AlarmCause = z.infer<typeof AlarmCauseSchema>;

/** One root-cause group: the parent alarm and the symptoms it explains. */
export const AlarmGroupSchema = z.object({
  parentKey: z.string(),
  cause: AlarmCauseSchema,
  childKeys: z.array(z.string()),
  /** Nodes the cause cuts off (whether they have alarms or not). */
  affectedNodes: z.number().int().nonnegative(),
});
export type AlarmGroup = z.infer<typeof AlarmGroupSchema>;

/** An alarm as the console shows it: the lifecycle state plus its rule's texts and its group. */
export const AlarmViewSchema = AlarmSchema.extend({
  /** One line for people, from the change that raised it: "pressure 8.2 below low-low 10". */
  text: z.string().nullable(),
  /** The rule's consequence and operator response (ISA-18.2: every alarm has a response). */
  consequence: z.string(),
  response: z.string(),
  /** When it was last announced to operators (→ unack_active), null if never. */
  announcedAt: z.number().nullable(),
  /** The parent's key when grouped under a root cause; null otherwise. */
  parentKey: z.string().nullable(),
  /** Keys of the alarms grouped under this one. */
  childKeys: z.array(z.string()),
});
export type AlarmView = z.infer<typeof AlarmViewSchema>;

export const AlarmStateCountsSchema = z.record(AlarmStateSchema, z.number().int().nonnegative());
export type AlarmStateCounts = z.infer<typeof AlarmStateCountsSchema>;

export const emptyStateCounts = (): Record<AlarmState, number> =>
  Object.fromEntries(ALARM_STATES.map((s) => [s, 0])) as Record<AlarmState, number>;

/** A site's flood state (EEMUA 191: more than 10 alarms in 10 minutes). */
export const AlarmFloodStatusSchema = z.object({
  active: z.boolean(),
  /** When the current flood began (null when none). */
  since: z.number().nullable(),
  /** Announcements in the sliding window now. */
  count: z.number().int().nonnegative(),
  windowMs: z.number().int().positive(),
  /** Floods begun in the last 24 hours (counted, stored in alarm_flood). */
  last24h: z.number().int().nonnegative(),
});
export type AlarmFloodStatus = z.infer<typeof AlarmFloodStatusSchema>;

/** GET /api/sites/:siteId/alarms: every alarm not in `normal` (all with ?state=all). */
export const AlarmListResponseSchema = z.object({
  siteId: z.string(),
  /** Grows by one with every pushed change: a socket change with seq ≤ this is already in. */
  seq: z.number().int().nonnegative(),
  at: z.number(),
  alarms: z.array(AlarmViewSchema),
  groups: z.array(AlarmGroupSchema),
  /** Alarms per state over the whole site (normal included). */
  counts: AlarmStateCountsSchema,
  flood: AlarmFloodStatusSchema,
});
export type AlarmListResponse = z.infer<typeof AlarmListResponseSchema>;

export const AlarmListQuerySchema = z.object({
  state: z.union([AlarmStateSchema, z.literal('all'), z.literal('announced')]).optional(),
  priority: AlarmPrioritySchema.optional(),
  assetId: AssetIdSchema.optional(),
});
export type AlarmListQuery = z.infer<typeof AlarmListQuerySchema>;

/** A stored event: the record plus its id and, for condition changes, the values behind it. */
export const AlarmEventSchema = AlarmEventRecordSchema.extend({
  id: z.string(),
  values: z.record(z.string(), z.number()).nullable(),
});
export type AlarmEvent = z.infer<typeof AlarmEventSchema>;

/** GET /api/sites/:siteId/alarms/:assetId/:ruleId */
export const AlarmDetailResponseSchema = z.object({
  alarm: AlarmViewSchema,
  /** Its events, newest first (at most 200; the rest through alarm-events). */
  events: z.array(AlarmEventSchema),
});
export type AlarmDetailResponse = z.infer<typeof AlarmDetailResponseSchema>;

/** POST …/actions: one of AlarmActionSchema (shelve `until` is epoch ms). */
export const AlarmActionRequestSchema = AlarmActionSchema;
export const AlarmActionResponseSchema = z.object({ alarm: AlarmViewSchema });
export type AlarmActionResponse = z.infer<typeof AlarmActionResponseSchema>;

/** POST /api/sites/:siteId/alarms/actions: one action on several alarms (a group, a selection). */
export const AlarmBulkActionRequestSchema = z.object({
  keys: z.array(z.string()).min(1, 'name at least one alarm').max(500),
  action: AlarmActionSchema,
});
export type AlarmBulkActionRequest = z.infer<typeof AlarmBulkActionRequestSchema>;
export const AlarmBulkActionResponseSchema = z.object({
  results: z.array(
    z.union([
      z.object({ key: z.string(), ok: z.literal(true), alarm: AlarmViewSchema }),
      z.object({ key: z.string(), ok: z.literal(false), error: z.string() }),
    ]),
  ),
});
export type AlarmBulkActionResponse = z.infer<typeof AlarmBulkActionResponseSchema>;

/** GET /api/sites/:siteId/alarm-events: history, newest first, paged by `before` (an event id). */
export const AlarmEventsResponseSchema = z.object({
  events: z.array(AlarmEventSchema),
  /** Pass as `before` for the next page; null at the end. */
  next: z.string().nullable(),
});
export type AlarmEventsResponse = z.infer<typeof AlarmEventsResponseSchema>;

/** GET /api/sites/:siteId/alarm-kpis */
export const AlarmKpisResponseSchema = AlarmKpisSchema.extend({
  siteId: z.string(),
  /** Floods begun within the period. */
  floods: z.number().int().nonnegative(),
});
export type AlarmKpisResponse = z.infer<typeof AlarmKpisResponseSchema>;

/** socket.io `alarm:changes` to the site's room, after the change is durable. */
export const AlarmChangesEventSchema = z.object({
  siteId: z.string(),
  seq: z.number().int().nonnegative(),
  at: z.number(),
  /** The alarms that changed, as they are now (state normal included). */
  alarms: z.array(AlarmViewSchema),
  /** Keys newly announced by this change (for the audible/visual alert of critical ones). */
  announced: z.array(z.string()),
  /** The whole grouping, counts and flood state after the change. */
  groups: z.array(AlarmGroupSchema),
  counts: AlarmStateCountsSchema,
  flood: AlarmFloodStatusSchema,
});
export type AlarmChangesEvent = z.infer<typeof AlarmChangesEventSchema>;

/** An alarm's key as a query parameter: `<assetId>/<ruleId>`. */
const alarmKeyParam = z
  .string()
  .regex(
    /^[^\s;/+#]{1,31}\/[a-z0-9][a-z0-9-]{0,47}$/,
    'expected <assetId>/<ruleId>, e.g. J511/pressure-low',
  );

/** A time in a query string: epoch milliseconds or ISO-8601 with an offset. */
const queryTime = (name: 'from' | 'to') =>
  z
    .string()
    .transform((text, ctx) => {
      const ms = /^-?\d{1,16}$/.test(text)
        ? Number(text)
        : /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text)
          ? Date.parse(text)
          : NaN;
      if (Number.isFinite(ms)) return ms;
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a time: give epoch milliseconds (e.g. 1795867200000) or ISO-8601 with an offset (e.g. 2026-11-22T12:00:00Z)`,
      });
      return z.NEVER;
    })
    .meta({ description: `${name}: epoch milliseconds or ISO-8601 with an offset` });

/** GET /api/sites/:siteId/alarm-events: every filter optional; newest first. */
export const AlarmEventsQuerySchema = z.object({
  key: alarmKeyParam.optional(),
  /** Events at or after `from`, before `to` (epoch ms or ISO-8601). */
  from: queryTime('from').optional(),
  to: queryTime('to').optional(),
  limit: z.coerce
    .number({ error: 'expected a whole number from 1 to 500' })
    .int('expected a whole number from 1 to 500')
    .min(1, 'expected a whole number from 1 to 500')
    .max(500, 'at most 500 per page (page on with before)')
    .default(100),
  /** The `next` of the previous page. */
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'expected the `next` value of the previous page (an event id)')
    .optional(),
});
export type AlarmEventsQuery = z.infer<typeof AlarmEventsQuerySchema>;

/** GET /api/sites/:siteId/alarm-kpis: default the last 24 h, one operator. */
export const AlarmKpisQuerySchema = z.object({
  from: queryTime('from').optional(),
  to: queryTime('to').optional(),
  operators: z.coerce
    .number({ error: 'expected the number of operator positions, > 0 (e.g. 2)' })
    .positive('expected the number of operator positions, > 0 (e.g. 2)')
    .max(1000, 'at most 1000 operator positions')
    .default(1),
});
export type AlarmKpisQuery = z.infer<typeof AlarmKpisQuerySchema>;
