import {
  findRuleConflicts,
  METRICS,
  METRICS_BY_TYPE,
  type AlarmRule,
  type AlarmRuleOverride,
  type AssetType,
  type Metric,
} from '@twinhelm/contracts';
import { closestId } from './closest-id';
import { DEFAULT_EXPECTED_INTERVAL_S, defaultRulesFor, type AlarmAsset } from './default-rules';

/** The effective rules of one asset: its type's defaults with its overrides applied. */
export interface AssetRules {
  assetId: string;
  assetType: AssetType;
  rules: AlarmRule[];
}

export type ResolveRulesResult =
  { ok: true; assets: AssetRules[] } | { ok: false; errors: string[] };

const isCatalogueMetric = (metric: string): metric is Metric => metric in METRICS;

/** Metrics a rule reads from measured telemetry (predictions arrive from the solver). */
function measuredMetrics(rule: AlarmRule): string[] {
  switch (rule.kind) {
    case 'threshold':
    case 'rate':
    case 'residual':
      return [rule.metric];
    case 'stale':
      return rule.metric === undefined ? [] : [rule.metric];
    case 'mismatch':
      return [rule.commandMetric, rule.feedbackMetric];
    case 'prediction':
      return [];
  }
}

function metricProblems(assetType: AssetType, rule: AlarmRule): string[] {
  const reported = METRICS_BY_TYPE[assetType];
  return measuredMetrics(rule)
    .filter((metric) => !isCatalogueMetric(metric) || !reported.includes(metric))
    .map(
      (metric) =>
        `rule "${rule.id}" watches ${metric}, which ${assetType}s do not report (${assetType} metrics: ${reported.join(', ')})`,
    );
}

/** Fills what a rule left to the asset (a stale rule's expected interval). */
function bindToAsset(rule: AlarmRule, asset: AlarmAsset): AlarmRule {
  if (rule.kind === 'stale' && rule.expectedIntervalS === undefined)
    return { ...rule, expectedIntervalS: asset.expectedIntervalS ?? DEFAULT_EXPECTED_INTERVAL_S };
  return rule;
}

/**
 * Resolves the rules of every asset: the type's defaults (`defaultRulesFor`), each replaced by
 * the asset's override with the same id or extended by overrides with new ids. Refuses the
 * whole set with one message per problem: overrides for unknown assets, metrics the asset
 * type does not report, and conflicts between an asset's rules (`findRuleConflicts`).
 */
export function resolveSiteRules(
  assets: readonly AlarmAsset[],
  overrides: readonly AlarmRuleOverride[] = [],
): ResolveRulesResult {
  const errors: string[] = [];
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const overridesByAsset = new Map<string, AlarmRule[]>();
  for (const override of overrides) {
    if (!byId.has(override.assetId)) {
      const hint = closestId(override.assetId, byId.keys());
      errors.push(
        `override of rule "${override.rule.id}": unknown asset ${override.assetId}${hint ? ` (did you mean ${hint}?)` : ''}`,
      );
      continue;
    }
    const list = overridesByAsset.get(override.assetId) ?? [];
    list.push(override.rule);
    overridesByAsset.set(override.assetId, list);
  }
  const resolved: AssetRules[] = [];
  for (const asset of assets) {
    const rules = new Map(defaultRulesFor(asset).map((rule) => [rule.id, rule]));
    const own = overridesByAsset.get(asset.id) ?? [];
    const ownIds = new Set<string>();
    for (const rule of own) {
      if (ownIds.has(rule.id))
        errors.push(`${asset.id}: two overrides of rule "${rule.id}": keep one`);
      ownIds.add(rule.id);
      rules.set(rule.id, rule);
    }
    const bound = [...rules.values()].map((rule) => bindToAsset(rule, asset));
    const problems = [
      ...bound.flatMap((rule) => (rule.enabled ? metricProblems(asset.type, rule) : [])),
      ...findRuleConflicts(bound),
    ];
    errors.push(...problems.map((problem) => `${asset.id}: ${problem}`));
    resolved.push({ assetId: asset.id, assetType: asset.type, rules: bound });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, assets: resolved };
}

/** A rule's settings as a canonical string, without its version stamp. */
function contentOf(rule: AlarmRule): string {
  const entries = Object.entries(rule).filter(
    ([key, value]) =>
      value !== undefined && key !== 'version' && key !== 'changedBy' && key !== 'changedAt',
  );
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

export type ReviseRuleResult = { ok: true; rule: AlarmRule } | { ok: false; error: string };

/**
 * The next version of a rule: same id and kind, version + 1, stamped with who and when.
 * Refuses a change of id or kind (that is a new rule) and a change that changes nothing.
 */
export function reviseRule(
  current: AlarmRule,
  next: AlarmRule,
  who: string,
  at: number,
): ReviseRuleResult {
  if (next.id !== current.id)
    return {
      ok: false,
      error: `rule "${current.id}" cannot be renamed to "${next.id}": add a new rule instead`,
    };
  if (next.kind !== current.kind)
    return {
      ok: false,
      error: `rule "${current.id}" cannot change kind from ${current.kind} to ${next.kind}: add a new rule instead`,
    };
  if (contentOf(next) === contentOf(current))
    return {
      ok: false,
      error: `rule "${current.id}": nothing changed, version stays ${current.version}`,
    };
  return {
    ok: true,
    rule: { ...next, version: current.version + 1, changedBy: who, changedAt: at },
  };
}
