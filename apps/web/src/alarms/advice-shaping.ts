import {
  type AdviceRecommendation,
  type AlarmAdviceCause,
  type AlarmQuantity,
  type AlarmView,
  type QuantityEffect,
  type RecommendationCheck,
} from '@twinhelm/contracts';
import { formatMetricValue, formatNumber } from '../lib/format-value';

/**
 * Whether the console offers "Find actions" for an alarm: active, with an operational cause
 * the solver can simulate. A hint only: the server decides, and says why when it refuses.
 */
export function adviceCauseFor(alarm: AlarmView): AlarmAdviceCause | null {
  if (!alarm.condition) return null;
  if (alarm.kind === 'mismatch') return 'pump_trip';
  if (alarm.kind === 'prediction') return 'tank_low';
  if (alarm.kind === 'threshold' && alarm.sense === 'low') {
    if (alarm.metric === 'level') return 'tank_low';
    if (alarm.metric === 'pressure') return 'pressure_low';
  }
  if (alarm.kind === 'rate' && alarm.metric === 'flow') return 'burst';
  return null;
}

/** "3 h 10 min", "45 min", "20 s" */
export function formatDurationS(s: number): string {
  if (!Number.isFinite(s) || s < 60) return `${Math.max(0, Math.round(s))} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
}

const value = (q: AlarmQuantity, v: number) => formatMetricValue(q.metric, v);

function range(q: AlarmQuantity, r: { p5: number; p95: number } | null): string | null {
  return r ? `P5–P95 ${value(q, r.p5)} – ${value(q, r.p95)}` : null;
}

/** One line of the effect table: what doing nothing gives against what the action gives. */
export interface EffectLine {
  label: string;
  baseline: string;
  withAction: string;
  /** The action's uncertainty, when the run was an ensemble. */
  uncertainty: string | null;
}

/** The alarm's quantity without and with the action: extreme, end value, time beyond the limit, emptying. */
export function effectLines(
  quantity: AlarmQuantity,
  baseline: QuantityEffect | null,
  effect: QuantityEffect,
): EffectLine[] {
  const extremeLabel = quantity.extreme === 'min' ? 'Lowest' : 'Highest';
  const none = '—';
  const lines: EffectLine[] = [
    {
      label: `${extremeLabel} ${quantity.metric}`,
      baseline: baseline ? value(quantity, baseline.extreme) : none,
      withAction: value(quantity, effect.extreme),
      uncertainty: range(quantity, effect.extremeRange),
    },
    {
      label: 'At the horizon',
      baseline: baseline ? value(quantity, baseline.end) : none,
      withAction: value(quantity, effect.end),
      uncertainty: range(quantity, effect.endRange),
    },
  ];
  if (effect.beyondLimitS !== null || baseline?.beyondLimitS != null)
    lines.push({
      label:
        quantity.limit === null
          ? 'Beyond the limit'
          : `Beyond the limit (${value(quantity, quantity.limit)})`,
      baseline: baseline?.beyondLimitS != null ? formatDurationS(baseline.beyondLimitS) : none,
      withAction: effect.beyondLimitS !== null ? formatDurationS(effect.beyondLimitS) : none,
      uncertainty: null,
    });
  if (effect.timeToEmptyS !== null || baseline?.timeToEmptyS != null)
    lines.push({
      label: 'Empties in',
      baseline: emptiesText(baseline?.timeToEmptyS ?? null, baseline !== null),
      withAction: emptiesText(effect.timeToEmptyS, true),
      uncertainty: null,
    });
  if (effect.violationProbability !== null)
    lines.push({
      label: 'Chance of a violation',
      baseline:
        baseline?.violationProbability != null ? percent(baseline.violationProbability) : none,
      withAction: percent(effect.violationProbability),
      uncertainty: null,
    });
  return lines;
}

function emptiesText(s: number | null, known: boolean): string {
  if (!known) return '—';
  return s === null ? 'not within the horizon' : formatDurationS(s);
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Chart rows: hours from now, doing nothing, with the action and its P5–P95 band. */
export interface EffectPoint {
  h: number;
  baseline?: number;
  action?: number;
  band?: [number, number];
}

export function effectSeries(
  baseline: QuantityEffect | null,
  effect: QuantityEffect,
): EffectPoint[] {
  const rows = new Map<number, EffectPoint>();
  const row = (t: number) => {
    const h = Math.round((t / 3600) * 1000) / 1000;
    const existing = rows.get(h) ?? { h };
    rows.set(h, existing);
    return existing;
  };
  baseline?.times.forEach((t, i) => {
    const v = baseline.values[i];
    if (v !== undefined) row(t).baseline = v;
  });
  effect.times.forEach((t, i) => {
    const point = row(t);
    const v = effect.values[i];
    if (v !== undefined) point.action = v;
    const lo = effect.p5?.[i];
    const hi = effect.p95?.[i];
    if (lo !== undefined && hi !== undefined) point.band = [lo, hi];
  });
  return [...rows.values()].sort((a, b) => a.h - b.h);
}

/** "As predicted: 22 of 24 points within P5–P95 (mean error 0.04)", or why it is not known yet. */
export function verdictText(check: RecommendationCheck, now: number): string {
  if (check.verdict === null) {
    const minutes = Math.max(0, Math.round((check.dueAt - now) / 60_000));
    return minutes > 0
      ? `Check in about ${minutes} min: what happens will be compared with the prediction.`
      : 'Checking what happened against the prediction…';
  }
  const n = check.numbers;
  if (check.verdict === 'no_data' || !n)
    return 'Not checked: no measurements of the quantity arrived in the check window.';
  const head = check.verdict === 'as_predicted' ? 'As predicted' : 'Deviated';
  const parts = [
    n.withinBand !== null
      ? `${Math.round(n.withinBand * n.points)} of ${n.points} points within P5–P95 (± ${formatNumber(n.tolerance)})`
      : `${n.points} points`,
    n.meanAbsError !== null ? `mean error ${formatNumber(n.meanAbsError)}` : null,
    n.maxAbsError !== null ? `largest ${formatNumber(n.maxAbsError)}` : null,
  ].filter((p): p is string => p !== null);
  const moved = n.startOffset ?? 0;
  const from =
    Math.abs(moved) >= 0.005
      ? `; compared from the level at the approval (${formatNumber(Math.abs(moved))} m ${moved < 0 ? 'below' : 'above'} the advice's start)`
      : '';
  return `${head}: ${parts.join(', ')}${from}`;
}

/** The latest decision on a recommendation, if any. */
export function latestDecision(rec: AdviceRecommendation) {
  return rec.decisions.reduce<AdviceRecommendation['decisions'][number] | null>(
    (best, d) => (best === null || d.at > best.at ? d : best),
    null,
  );
}
