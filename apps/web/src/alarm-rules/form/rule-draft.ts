import {
  METRICS_BY_TYPE,
  TIME_TO_EMPTY_METRIC,
  type AlarmPriority,
  type AlarmRule,
  type AlarmRuleKind,
  type AssetType,
  type ThresholdLimit,
} from '@twinhelm/contracts';

/**
 * The rule editor's state: every input as the user typed it (numbers as text), for every kind
 * at once, so switching the kind of a new rule keeps what was typed. `ruleFromDraft` turns it
 * into an AlarmRule (rule-from-draft.ts); `draftFromRule` is the way back.
 */
export interface RuleDraft {
  id: string;
  kind: AlarmRuleKind;
  /** The version the edit starts from (the server stores the next one). */
  version: number;
  priority: AlarmPriority;
  enabled: boolean;
  latched: boolean;
  consequence: string;
  response: string;
  onDelayS: string;
  offDelayS: string;
  /** threshold, rate, residual, prediction; stale: optional ('' = any metric). */
  metric: string;
  limit: ThresholdLimit;
  setpoint: string;
  deadband: string;
  maxPerMin: string;
  direction: 'rise' | 'fall' | 'either';
  windowS: string;
  missedIntervals: string;
  /** '' = the asset's own reporting interval. */
  expectedIntervalS: string;
  commandMetric: string;
  feedbackMetric: string;
  feedbackMin: string;
  band: string;
  maxModelAgeS: string;
  withinH: string;
}

export type DraftField = Exclude<keyof RuleDraft, 'version'>;

/** Numeric inputs: shown per kind, required unless optional (blank = the schema's default). */
export interface NumberField {
  field: DraftField;
  optional?: boolean;
}

const COMMON_NUMBERS: NumberField[] = [{ field: 'onDelayS' }, { field: 'offDelayS' }];

/** The numbers each kind reads (besides on/off delays, which stale rules do not use). */
export const KIND_NUMBERS: Record<AlarmRuleKind, NumberField[]> = {
  threshold: [{ field: 'setpoint' }, { field: 'deadband' }],
  rate: [{ field: 'maxPerMin' }, { field: 'windowS' }, { field: 'deadband' }],
  stale: [{ field: 'missedIntervals' }, { field: 'expectedIntervalS', optional: true }],
  mismatch: [{ field: 'feedbackMin' }],
  residual: [{ field: 'band' }, { field: 'deadband' }, { field: 'maxModelAgeS' }],
  prediction: [{ field: 'withinH' }, { field: 'deadband' }],
};

/** Whether a kind's on/off delays do anything (stale alarms are raised by the clock). */
export const usesDelays = (kind: AlarmRuleKind): boolean => kind !== 'stale';

/** The numeric fields a kind shows, delays included where they apply. */
export function numberFieldsOf(kind: AlarmRuleKind): NumberField[] {
  return usesDelays(kind) ? [...KIND_NUMBERS[kind], ...COMMON_NUMBERS] : KIND_NUMBERS[kind];
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

/** A new rule's starting point for an asset type: the type's first metric, nothing enabled twice. */
export function blankDraft(kind: AlarmRuleKind, assetType: AssetType): RuleDraft {
  const metric = METRICS_BY_TYPE[assetType][0] ?? 'pressure';
  return {
    id: '',
    kind,
    version: 1,
    priority: 'medium',
    enabled: true,
    latched: false,
    consequence: '',
    response: '',
    onDelayS: '0',
    offDelayS: '0',
    metric: kind === 'prediction' ? TIME_TO_EMPTY_METRIC : kind === 'stale' ? '' : metric,
    limit: 'h',
    setpoint: '',
    deadband: '0',
    maxPerMin: '',
    direction: 'either',
    windowS: '60',
    missedIntervals: '3',
    expectedIntervalS: '',
    commandMetric: 'command',
    feedbackMetric: 'power',
    feedbackMin: '',
    band: '',
    maxModelAgeS: '900',
    withinH: '',
  };
}

/** The editor's inputs for a stored rule (fields of other kinds keep blank defaults). */
export function draftFromRule(rule: AlarmRule, assetType: AssetType): RuleDraft {
  const draft: RuleDraft = {
    ...blankDraft(rule.kind, assetType),
    id: rule.id,
    version: rule.version,
    priority: rule.priority,
    enabled: rule.enabled,
    latched: rule.latched,
    consequence: rule.consequence,
    response: rule.response,
    onDelayS: text(rule.onDelayS),
    offDelayS: text(rule.offDelayS),
  };
  switch (rule.kind) {
    case 'threshold':
      return {
        ...draft,
        metric: rule.metric,
        limit: rule.limit,
        setpoint: text(rule.setpoint),
        deadband: text(rule.deadband),
      };
    case 'rate':
      return {
        ...draft,
        metric: rule.metric,
        maxPerMin: text(rule.maxPerMin),
        direction: rule.direction,
        windowS: text(rule.windowS),
        deadband: text(rule.deadband),
      };
    case 'stale':
      return {
        ...draft,
        metric: rule.metric ?? '',
        missedIntervals: text(rule.missedIntervals),
        expectedIntervalS: text(rule.expectedIntervalS),
      };
    case 'mismatch':
      return {
        ...draft,
        commandMetric: rule.commandMetric,
        feedbackMetric: rule.feedbackMetric,
        feedbackMin: text(rule.feedbackMin),
      };
    case 'residual':
      return {
        ...draft,
        metric: rule.metric,
        band: text(rule.band),
        deadband: text(rule.deadband),
        maxModelAgeS: text(rule.maxModelAgeS),
      };
    case 'prediction':
      return {
        ...draft,
        metric: rule.metric,
        withinH: text(rule.withinH),
        deadband: text(rule.deadband),
      };
  }
}

/** A new rule's draft switched to another kind: what was typed stays, the metric fits the kind. */
export function withKind(draft: RuleDraft, kind: AlarmRuleKind, assetType: AssetType): RuleDraft {
  const fresh = blankDraft(kind, assetType).metric;
  const keep =
    kind !== 'prediction' &&
    kind !== 'stale' &&
    draft.metric !== '' &&
    draft.metric !== TIME_TO_EMPTY_METRIC;
  return { ...draft, kind, metric: keep ? draft.metric : fresh };
}
