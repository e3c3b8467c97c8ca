import { z } from 'zod';
import { AssetIdSchema } from './ids';

/** Alarms (issue 4): rules, ISA-18.2 lifecycle, actions, records. Logic: @twinhelm/alarms. */

export const ALARM_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const AlarmPrioritySchema = z.enum(ALARM_PRIORITIES);
export type AlarmPriority = z.infer<typeof AlarmPrioritySchema>;

export const AlarmRuleIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,47}$/,
    'rule id: 1-48 of a-z, 0-9 or "-", starting with a letter or digit (e.g. pressure-low)',
  );

/** Metric names as telemetry carries them (lower_snake_case). */
const AlarmMetricSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'metric: lower_snake_case, as in telemetry (e.g. pressure)');

/** The sample metric a solver prediction of a tank's time to empty arrives as (hours). */
export const TIME_TO_EMPTY_METRIC = 'time_to_empty_h';

const nonNegative = (what: string, why: string) =>
  z.number().min(0, `${what} must be ≥ 0 (${why})`);
const positive = (what: string, why: string) => z.number().positive(`${what} must be > 0 (${why})`);
const delay = (what: string) =>
  nonNegative(what, 'seconds the condition must hold before the change is reported')
    .max(86_400, `${what} must be at most 86400 s (one day)`)
    .default(0);

const RuleBase = {
  id: AlarmRuleIdSchema,
  /** Starts at 1 and grows by one on every change; alarms and records quote it. */
  version: z.number().int().min(1, 'version starts at 1 and grows by one on every change'),
  enabled: z.boolean().default(true),
  priority: AlarmPrioritySchema,
  /** What happens if nobody acts. */
  consequence: z.string().trim().min(1, 'consequence: say what happens if nobody acts'),
  /** What the operator should do. */
  response: z.string().trim().min(1, 'response: say what the operator should do'),
  /** A latched alarm stays after the condition clears until someone resets it. */
  latched: z.boolean().default(false),
  onDelayS: delay('onDelayS'),
  offDelayS: delay('offDelayS'),
  /** Who made this version and when (epoch ms); absent for built-in defaults. */
  changedBy: z.string().min(1).optional(),
  changedAt: z.number().int().nonnegative().optional(),
};

export const THRESHOLD_LIMITS = ['hh', 'h', 'l', 'll'] as const;
export const ThresholdLimitSchema = z.enum(THRESHOLD_LIMITS);
export type ThresholdLimit = z.infer<typeof ThresholdLimitSchema>;

const deadband = nonNegative(
  'deadband',
  'the margin the value must recover by before the alarm clears',
).default(0);

export const AlarmRuleSchema = z.discriminatedUnion('kind', [
  /** value above (hh, h) or below (l, ll) the setpoint; clears past setpoint ∓ deadband. */
  z.object({
    ...RuleBase,
    kind: z.literal('threshold'),
    metric: AlarmMetricSchema,
    limit: ThresholdLimitSchema,
    setpoint: z.number(),
    deadband,
  }),
  /** |change per minute| over the last windowS seconds beyond maxPerMin. */
  z.object({
    ...RuleBase,
    kind: z.literal('rate'),
    metric: AlarmMetricSchema,
    maxPerMin: positive('maxPerMin', 'the largest acceptable change per minute'),
    direction: z.enum(['rise', 'fall', 'either']).default('either'),
    windowS: positive('windowS', 'the span the rate is measured over').default(60),
    deadband,
  }),
  /** No sample (of `metric`, or of any metric) within missedIntervals × expectedIntervalS. */
  z.object({
    ...RuleBase,
    kind: z.literal('stale'),
    metric: AlarmMetricSchema.optional(),
    missedIntervals: z.number().int().min(1, 'missedIntervals must be a whole number ≥ 1'),
    /** Defaults to the asset's expectedIntervalS. */
    expectedIntervalS: positive('expectedIntervalS', 'the reporting interval').optional(),
  }),
  /** Commanded on (command ≥ 0.5) without feedback ≥ feedbackMin, or off with it. */
  z.object({
    ...RuleBase,
    kind: z.literal('mismatch'),
    commandMetric: AlarmMetricSchema.default('status'),
    feedbackMetric: AlarmMetricSchema.default('power'),
    feedbackMin: positive('feedbackMin', 'the feedback a running machine shows at least'),
  }),
  /** |measured − modelled| beyond band (for onDelayS); modelled samples older than maxModelAgeS are ignored. */
  z.object({
    ...RuleBase,
    kind: z.literal('residual'),
    metric: AlarmMetricSchema,
    band: positive('band', 'the acceptable |measured − modelled|'),
    deadband,
    maxModelAgeS: positive('maxModelAgeS', 'how long a modelled value stays usable').default(900),
  }),
  /** A predicted time to empty (hours, metric time_to_empty_h) at or under withinH. */
  z.object({
    ...RuleBase,
    kind: z.literal('prediction'),
    metric: AlarmMetricSchema.default(TIME_TO_EMPTY_METRIC),
    withinH: positive('withinH', 'the warning horizon in hours'),
    deadband,
  }),
]);
export type AlarmRule = z.infer<typeof AlarmRuleSchema>;
export type AlarmRuleInput = z.input<typeof AlarmRuleSchema>;

export const ALARM_RULE_KINDS = [
  'threshold',
  'rate',
  'stale',
  'mismatch',
  'residual',
  'prediction',
] as const satisfies readonly AlarmRule['kind'][];
export const AlarmRuleKindSchema = z.enum(ALARM_RULE_KINDS);
export type AlarmRuleKind = z.infer<typeof AlarmRuleKindSchema>;

export const THRESHOLD_LIMIT_NAMES: Record<ThresholdLimit, string> = {
  hh: 'high-high',
  h: 'high',
  l: 'low',
  ll: 'low-low',
};
/** Limits from lowest to highest: each present one must sit strictly below the next. */
const LIMIT_ORDER: readonly ThresholdLimit[] = ['ll', 'l', 'h', 'hh'];

/**
 * Problems between the rules of one asset, each a sentence naming the rules and the fix:
 * duplicate ids, two rules on the same limit, limits out of order (ll < l < h < hh), a high
 * rule whose clear point (setpoint − deadband) reaches the low limit. Empty when consistent.
 */
export function findRuleConflicts(rules: readonly AlarmRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id))
      problems.push(`rule id "${rule.id}" appears twice: ids are unique per asset`);
    seen.add(rule.id);
  }
  const byMetric = new Map<string, Map<ThresholdLimit, AlarmRule & { kind: 'threshold' }>>();
  for (const rule of rules) {
    if (rule.kind !== 'threshold' || !rule.enabled) continue;
    const limits =
      byMetric.get(rule.metric) ?? new Map<ThresholdLimit, AlarmRule & { kind: 'threshold' }>();
    const twin = limits.get(rule.limit);
    if (twin)
      problems.push(
        `rules "${twin.id}" and "${rule.id}" both set the ${THRESHOLD_LIMIT_NAMES[rule.limit]} limit of ${rule.metric}: keep one`,
      );
    limits.set(rule.limit, rule);
    byMetric.set(rule.metric, limits);
  }
  for (const [metric, limits] of byMetric) {
    const present = LIMIT_ORDER.flatMap((limit) => {
      const rule = limits.get(limit);
      return rule ? [rule] : [];
    });
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const lower = present[i]!;
        const upper = present[j]!;
        if (lower.setpoint >= upper.setpoint)
          problems.push(
            `${metric}: the ${THRESHOLD_LIMIT_NAMES[lower.limit]} limit (${lower.setpoint}, rule "${lower.id}") must be below the ${THRESHOLD_LIMIT_NAMES[upper.limit]} limit (${upper.setpoint}, rule "${upper.id}")`,
          );
      }
    }
    const low = limits.get('l') ?? limits.get('ll');
    const high = limits.get('h') ?? limits.get('hh');
    if (low && high && low.setpoint < high.setpoint) {
      if (high.setpoint - high.deadband <= low.setpoint)
        problems.push(
          `${metric}: rule "${high.id}" clears at ${high.setpoint - high.deadband} (setpoint − deadband), at or under the low limit ${low.setpoint}: reduce its deadband`,
        );
      if (low.setpoint + low.deadband >= high.setpoint)
        problems.push(
          `${metric}: rule "${low.id}" clears at ${low.setpoint + low.deadband} (setpoint + deadband), at or over the high limit ${high.setpoint}: reduce its deadband`,
        );
    }
  }
  return problems;
}

/** The rules of one asset, checked together. */
export const AssetAlarmRulesSchema = z
  .object({ assetId: AssetIdSchema, rules: z.array(AlarmRuleSchema) })
  .superRefine((value, ctx) => {
    for (const message of findRuleConflicts(value.rules))
      ctx.addIssue({ code: 'custom', path: ['rules'], message: `${value.assetId}: ${message}` });
  });
export type AssetAlarmRules = z.infer<typeof AssetAlarmRulesSchema>;

/**
 * A per-asset override: replaces the asset type's default rule with the same id (set
 * `enabled: false` to switch a default off), or adds a rule.
 */
export const AlarmRuleOverrideSchema = z.object({ assetId: AssetIdSchema, rule: AlarmRuleSchema });
export type AlarmRuleOverride = z.infer<typeof AlarmRuleOverrideSchema>;

/** Where a sample comes from: the plant, the nowcast model, or a solver prediction. */
export const SAMPLE_SOURCES = ['measured', 'model', 'prediction'] as const;
export type SampleSource = (typeof SAMPLE_SOURCES)[number];

/** One raise or clear of a rule's condition at one asset, with the values behind it. */
export const ConditionChangeSchema = z.object({
  /** `<assetId>/<ruleId>`: the alarm's identity. */
  alarmKey: z.string(),
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  ruleVersion: z.number().int(),
  kind: AlarmRuleKindSchema,
  active: z.boolean(),
  /** When the change takes effect (epoch ms, sample time; stale: the tick's clock). */
  ts: z.number(),
  /** When the raw condition started (before the on/off delay). */
  since: z.number(),
  /** The values that decided it, e.g. { value: 8.2, setpoint: 10 }. */
  values: z.record(z.string(), z.number()),
  /** One line for people: "pressure 8.2 below low-low 10". */
  text: z.string(),
});
export type ConditionChange = z.infer<typeof ConditionChangeSchema>;

/** ISA-18.2 lifecycle states. */
export const ALARM_STATES = [
  'normal',
  'unack_active',
  'ack_active',
  'unack_rtn',
  'latched',
  'shelved',
  'suppressed',
  'out_of_service',
] as const;
export const AlarmStateSchema = z.enum(ALARM_STATES);
export type AlarmState = z.infer<typeof AlarmStateSchema>;

/** States in which the alarm is shown to operators (the others hide it by intent). */
export const ANNOUNCED_STATES: readonly AlarmState[] = [
  'unack_active',
  'ack_active',
  'unack_rtn',
  'latched',
];

/** Longest a shelf may last; longer belongs to out of service. */
export const MAX_SHELVE_MS = 24 * 3600 * 1000;

const reason = z.string().trim().min(1, 'reason: say why');
/** Operator and system actions on one alarm; `at` is the injected clock (epoch ms). */
export const AlarmActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge'), comment: z.string().trim().min(1).optional() }),
  z.object({ type: z.literal('shelve'), until: z.number().int(), reason }),
  z.object({ type: z.literal('unshelve') }),
  z.object({ type: z.literal('suppress'), reason }),
  z.object({ type: z.literal('unsuppress') }),
  z.object({ type: z.literal('remove_from_service'), reason }),
  z.object({ type: z.literal('return_to_service') }),
  z.object({
    type: z.literal('comment'),
    text: z.string().trim().min(1, 'comment: write something'),
  }),
  z.object({ type: z.literal('assign'), to: z.string().trim().min(1, 'assign: name someone') }),
  z.object({ type: z.literal('reset') }),
]);
export type AlarmAction = z.infer<typeof AlarmActionSchema>;

export const ALARM_EVENT_TYPES = [
  'condition_active',
  'condition_clear',
  'acknowledge',
  'shelve',
  'unshelve',
  'shelf_expired',
  'suppress',
  'unsuppress',
  'remove_from_service',
  'return_to_service',
  'comment',
  'assign',
  'reset',
] as const;
export const AlarmEventTypeSchema = z.enum(ALARM_EVENT_TYPES);
export type AlarmEventType = z.infer<typeof AlarmEventTypeSchema>;

/** One alarm (rule × asset) and where it stands. */
export const AlarmSchema = z.object({
  key: z.string(),
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  ruleVersion: z.number().int(),
  kind: AlarmRuleKindSchema,
  metric: z.string().nullable(),
  /** threshold: whether it guards a high or a low limit; other kinds: null. */
  sense: z.enum(['high', 'low']).nullable(),
  priority: AlarmPrioritySchema,
  latched: z.boolean(),
  state: AlarmStateSchema,
  /** The process condition now, whatever the state shows. */
  condition: z.boolean(),
  activeSince: z.number().nullable(),
  values: z.record(z.string(), z.number()),
  ackedBy: z.string().nullable(),
  ackedAt: z.number().nullable(),
  /** shelved: until when; shelved/suppressed/out_of_service: why and by whom. */
  shelvedUntil: z.number().nullable(),
  overlayReason: z.string().nullable(),
  overlayBy: z.string().nullable(),
  assignee: z.string().nullable(),
  updatedAt: z.number(),
});
export type Alarm = z.infer<typeof AlarmSchema>;

/** The record every accepted event leaves: {from, to, event, who, when, why}. */
export const AlarmEventRecordSchema = z.object({
  alarmKey: z.string(),
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  ruleVersion: z.number().int(),
  kind: AlarmRuleKindSchema,
  priority: AlarmPrioritySchema,
  from: AlarmStateSchema,
  to: AlarmStateSchema,
  event: AlarmEventTypeSchema,
  who: z.string(),
  when: z.number(),
  why: z.string().nullable(),
  /** Whether this transition put the alarm in front of operators (→ unack_active). */
  announced: z.boolean(),
});
export type AlarmEventRecord = z.infer<typeof AlarmEventRecordSchema>;

/** Alarm flood per site (EEMUA 191: more than 10 alarms in 10 minutes). */
export const FloodChangeSchema = z.object({
  siteId: z.string(),
  flood: z.boolean(),
  ts: z.number(),
  /** Alarms in the window ending at ts. */
  count: z.number().int(),
  windowMs: z.number().int(),
});
export type FloodChange = z.infer<typeof FloodChangeSchema>;

/** One alarm's line in a KPI top list. */
export const AlarmKpiEntrySchema = z.object({
  alarmKey: z.string(),
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
  activations: z.number().int(),
  /** chattering: most activations within one minute; stale data and standing: null. */
  maxPerMinute: z.number().int().nullable(),
  /** Seconds the condition was active within the period (standing: the whole activation). */
  activeS: z.number(),
  /** standing: when the activation began, and whether it is still on at the period's end. */
  since: z.number().nullable(),
  ongoing: z.boolean(),
});
export type AlarmKpiEntry = z.infer<typeof AlarmKpiEntrySchema>;

/** Alarm-system performance over a period (ISA-18.2 / EEMUA 191), from event records. */
export const AlarmKpisSchema = z.object({
  from: z.number(),
  to: z.number(),
  operators: z.number().positive(),
  /** Announcements to operators (records with announced: true). */
  announced: z.number().int(),
  byPriority: z.record(AlarmPrioritySchema, z.number().int()),
  /** EEMUA 191: ~6 acceptable, ≤ 12 manageable. */
  alarmsPerOperatorHour: z.number(),
  /** Most announcements in any 10-minute window. */
  peakPer10Min: z.number().int(),
  /** Share (0-1) of the period the site spent in flood. */
  floodShare: z.number(),
  /** Top 10 by activations; chattering: ≥ 3 activations within one minute. */
  chattering: z.array(AlarmKpiEntrySchema),
  /** Top 10 stale-data alarms by time active. */
  staleData: z.array(AlarmKpiEntrySchema),
  /** Activations longer than 24 h, longest first. */
  standing: z.array(AlarmKpiEntrySchema),
  /** Mean seconds from announcement to acknowledgement (null without acknowledgements). */
  meanTimeToAckS: z.number().nullable(),
  acknowledged: z.number().int(),
  /** Announced and still unacknowledged at the period's end. */
  unacknowledged: z.number().int(),
});
export type AlarmKpis = z.infer<typeof AlarmKpisSchema>;
