// The bench's rule set: every measured junction gets exactly 10 rules, its type's defaults
// (pressure low/low-low, residual, stale; at a pump suction: suction low, stale) plus added
// rules as a site engineer would store them (overrides): pressure high/high-high, head
// low/high, demand high and rate of rise, and for suctions a low-low limit and a residual.
import { defaultRulesFor, type AssetRules } from '@twinhelm/alarms';
import {
  AlarmRuleSchema,
  type AlarmRule,
  type AlarmRuleInput,
  type AlarmRuleOverride,
} from '@twinhelm/contracts';
import type { BenchJunction } from './junction-values';

export const RULES_PER_JUNCTION = 10;
/** The rule the bench's pressure surges raise and clear (no delays, so every toggle counts). */
export const SURGE_RULE_ID = 'pressure-high';
export const PRESSURE_HIGH_M = 80;
export const PRESSURE_HIGH_HIGH_M = 100;

const text = {
  consequence: 'Bench rule: equipment and pipes are stressed; bursts get likelier.',
  response: 'Bench rule: check the pressure-reducing valves and pump speeds upstream.',
};

function added(j: BenchJunction): AlarmRuleInput[] {
  const base = { version: 1, ...text };
  const rules: AlarmRuleInput[] = [
    {
      ...base,
      id: SURGE_RULE_ID,
      kind: 'threshold',
      metric: 'pressure',
      limit: 'h',
      setpoint: PRESSURE_HIGH_M,
      deadband: 1,
      priority: 'high',
    },
    {
      ...base,
      id: 'pressure-high-high',
      kind: 'threshold',
      metric: 'pressure',
      limit: 'hh',
      setpoint: PRESSURE_HIGH_HIGH_M,
      deadband: 1,
      onDelayS: 5,
      priority: 'critical',
    },
    {
      ...base,
      id: 'head-low',
      kind: 'threshold',
      metric: 'head',
      limit: 'l',
      setpoint: Math.round(j.elevation - 5),
      deadband: 0.5,
      onDelayS: 30,
      priority: 'medium',
    },
    {
      ...base,
      id: 'head-high',
      kind: 'threshold',
      metric: 'head',
      limit: 'h',
      setpoint: Math.round(j.elevation + 120),
      deadband: 1,
      onDelayS: 30,
      priority: 'medium',
    },
    {
      ...base,
      id: 'demand-high',
      kind: 'threshold',
      metric: 'demand',
      limit: 'h',
      setpoint: Math.round((2 * j.baseDemand + 1) * 100) / 100,
      deadband: 0.1,
      onDelayS: 60,
      priority: 'low',
    },
    {
      ...base,
      id: 'demand-rate',
      kind: 'rate',
      metric: 'demand',
      maxPerMin: Math.round((j.baseDemand + 1) * 100) / 100,
      direction: 'rise',
      windowS: 10,
      onDelayS: 10,
      priority: 'medium',
    },
  ];
  if (j.suction)
    rules.push(
      {
        ...base,
        id: 'pressure-low-low',
        kind: 'threshold',
        metric: 'pressure',
        limit: 'll',
        setpoint: 0.5,
        deadband: 0.2,
        onDelayS: 5,
        priority: 'critical',
      },
      {
        ...base,
        id: 'pressure-residual',
        kind: 'residual',
        metric: 'pressure',
        band: 2,
        deadband: 0.5,
        onDelayS: 600,
        priority: 'low',
      },
    );
  return rules;
}

/** The overrides that bring every junction to exactly RULES_PER_JUNCTION rules. */
export function tenRuleOverrides(junctions: readonly BenchJunction[]): AlarmRuleOverride[] {
  return junctions.flatMap((j) => {
    const defaults = defaultRulesFor({ id: j.id, type: 'junction', pumpSuction: j.suction });
    const have = new Set(defaults.map((r) => r.id));
    const extra = added(j)
      .map((input) => AlarmRuleSchema.parse(input))
      .filter((rule) => !have.has(rule.id))
      .slice(0, RULES_PER_JUNCTION - defaults.length);
    return extra.map((rule) => ({ assetId: j.id, rule }));
  });
}

/**
 * Checks that every junction runs exactly RULES_PER_JUNCTION enabled rules in the resolved set
 * (throws naming the first that does not); returns how many rules of each kind run.
 */
export function checkTenRules(
  resolved: readonly AssetRules[],
  junctions: readonly BenchJunction[],
): Record<AlarmRule['kind'], number> {
  const byAsset = new Map(resolved.map((a) => [a.assetId, a.rules]));
  const kinds: Record<AlarmRule['kind'], number> = {
    threshold: 0,
    rate: 0,
    stale: 0,
    mismatch: 0,
    residual: 0,
    prediction: 0,
  };
  for (const j of junctions) {
    const rules = (byAsset.get(j.id) ?? []).filter((r) => r.enabled);
    if (rules.length !== RULES_PER_JUNCTION)
      throw new Error(
        `${j.id}: runs ${rules.length} rules (${rules.map((r) => r.id).join(', ')}), the bench needs ${RULES_PER_JUNCTION}: adjust ten-rules.ts to the defaults`,
      );
    for (const rule of rules) kinds[rule.kind] += 1;
  }
  return kinds;
}
