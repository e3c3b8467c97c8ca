import {
  METRICS,
  THRESHOLD_LIMIT_NAMES,
  TIME_TO_EMPTY_METRIC,
  type AlarmRule,
} from '@twinhelm/contracts';

/** The unit a metric is measured in ("m", "L/s"; '' when it has none or is unknown). */
export function unitOf(metric: string | undefined): string {
  if (metric === TIME_TO_EMPTY_METRIC) return 'h';
  const known = metric !== undefined && Object.hasOwn(METRICS, metric);
  return known ? METRICS[metric as keyof typeof METRICS].unit : '';
}

const withUnit = (value: number, unit: string) => (unit === '' ? `${value}` : `${value} ${unit}`);

/** One line saying what a rule watches: "pressure below 20 m (low), deadband 1 m, on 60 s". */
export function ruleSummary(rule: AlarmRule): string {
  const delays = [
    rule.onDelayS > 0 ? `on ${rule.onDelayS} s` : '',
    rule.offDelayS > 0 ? `off ${rule.offDelayS} s` : '',
  ];
  let what: string;
  switch (rule.kind) {
    case 'threshold': {
      const u = unitOf(rule.metric);
      const sense = rule.limit === 'h' || rule.limit === 'hh' ? 'above' : 'below';
      what = `${rule.metric} ${sense} ${withUnit(rule.setpoint, u)} (${THRESHOLD_LIMIT_NAMES[rule.limit]})`;
      if (rule.deadband > 0) what += `, deadband ${withUnit(rule.deadband, u)}`;
      break;
    }
    case 'rate': {
      const u = unitOf(rule.metric);
      const sense = { rise: 'rising', fall: 'falling', either: 'changing' }[rule.direction];
      what = `${rule.metric} ${sense} faster than ${withUnit(rule.maxPerMin, u === '' ? '/min' : `${u}/min`)} over ${rule.windowS} s`;
      break;
    }
    case 'stale': {
      const interval =
        rule.expectedIntervalS === undefined
          ? 'the expected interval'
          : `${rule.expectedIntervalS} s`;
      what = `no ${rule.metric ?? 'data'} for ${rule.missedIntervals} × ${interval}`;
      return what;
    }
    case 'mismatch':
      what = `${rule.commandMetric} on without ${rule.feedbackMetric} ≥ ${withUnit(rule.feedbackMin, unitOf(rule.feedbackMetric))} (or off with it)`;
      break;
    case 'residual': {
      const u = unitOf(rule.metric);
      what = `|measured − modelled ${rule.metric}| beyond ${withUnit(rule.band, u)}`;
      break;
    }
    case 'prediction':
      what = `predicted to empty within ${rule.withinH} h`;
      break;
  }
  return [what, ...delays.filter((d) => d !== '')].join(', ');
}

/** The fields compared between versions, in the order people read them. */
const SHOWN: readonly string[] = [
  'enabled',
  'priority',
  'metric',
  'limit',
  'setpoint',
  'deadband',
  'maxPerMin',
  'direction',
  'windowS',
  'missedIntervals',
  'expectedIntervalS',
  'commandMetric',
  'feedbackMetric',
  'feedbackMin',
  'band',
  'maxModelAgeS',
  'withinH',
  'onDelayS',
  'offDelayS',
  'latched',
  'consequence',
  'response',
];

const shown = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '—';

/**
 * What changed from one version to the next, one "field: old → new" per field ("added" /
 * "removed" when a version has no rule: an added rule, or a revert that removed it).
 */
export function ruleChanges(before: AlarmRule | null, after: AlarmRule | null): string[] {
  if (!before && !after) return [];
  if (!before) return ['rule added'];
  if (!after) return ['rule removed'];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return SHOWN.filter((key) => a[key] !== b[key]).map((key) =>
    key === 'consequence' || key === 'response'
      ? `${key} reworded`
      : `${key}: ${shown(a[key])} → ${shown(b[key])}`,
  );
}
