import {
  AlarmRuleSchema,
  AssetAlarmRulesSchema,
  findRuleConflicts,
  type AlarmRuleInput,
} from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { defaultRulesFor } from './default-rules';
import { resolveSiteRules, reviseRule } from './resolve-rules';

const base = {
  version: 1,
  priority: 'medium',
  consequence: 'bad things',
  response: 'do things',
} as const;
const threshold = (id: string, limit: 'hh' | 'h' | 'l' | 'll', setpoint: number, deadband = 0) =>
  AlarmRuleSchema.parse({
    ...base,
    id,
    kind: 'threshold',
    metric: 'pressure',
    limit,
    setpoint,
    deadband,
  });

function firstMessage(input: unknown): string {
  const result = AlarmRuleSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0]?.message ?? '';
}

describe('alarm rule schema', () => {
  it('fills defaults: enabled, not latched, no delays, deadband 0', () => {
    const rule = threshold('p-low', 'l', 20);
    expect(rule).toMatchObject({
      enabled: true,
      latched: false,
      onDelayS: 0,
      offDelayS: 0,
      deadband: 0,
    });
  });

  it('refuses a negative deadband, a negative delay, a missing response, version 0', () => {
    const ok = { ...base, id: 'x', kind: 'threshold', metric: 'pressure', limit: 'l', setpoint: 1 };
    expect(firstMessage({ ...ok, deadband: -1 })).toMatch(/deadband must be ≥ 0/);
    expect(firstMessage({ ...ok, onDelayS: -5 })).toMatch(/onDelayS must be ≥ 0/);
    expect(firstMessage({ ...ok, response: ' ' })).toMatch(
      /response: say what the operator should do/,
    );
    expect(firstMessage({ ...ok, version: 0 })).toMatch(/version starts at 1/);
    expect(firstMessage({ ...ok, id: 'Pressure Low' })).toMatch(/rule id/);
    expect(firstMessage({ ...ok, setpoint: Number.POSITIVE_INFINITY })).not.toBe('');
  });

  it('checks kind-specific fields', () => {
    expect(firstMessage({ ...base, id: 's', kind: 'stale', missedIntervals: 0 })).toMatch(
      /missedIntervals/,
    );
    expect(firstMessage({ ...base, id: 'r', kind: 'rate', metric: 'level', maxPerMin: 0 })).toMatch(
      /maxPerMin must be > 0/,
    );
    expect(firstMessage({ ...base, id: 'm', kind: 'residual', metric: 'level', band: -1 })).toMatch(
      /band must be > 0/,
    );
    expect(firstMessage({ ...base, id: 'e', kind: 'prediction', withinH: 0 })).toMatch(
      /withinH must be > 0/,
    );
  });
});

describe('findRuleConflicts', () => {
  it('accepts ll < l < h < hh', () => {
    expect(
      findRuleConflicts([
        threshold('a', 'll', 10),
        threshold('b', 'l', 20),
        threshold('c', 'h', 60),
        threshold('d', 'hh', 70),
      ]),
    ).toEqual([]);
  });

  it('refuses a low limit above its high limit', () => {
    expect(findRuleConflicts([threshold('lo', 'l', 50), threshold('hi', 'h', 40)])).toEqual([
      'pressure: the low limit (50, rule "lo") must be below the high limit (40, rule "hi")',
    ]);
  });

  it('refuses ll above l, and hh below h', () => {
    const problems = findRuleConflicts([
      threshold('ll', 'll', 25),
      threshold('l', 'l', 20),
      threshold('h', 'h', 60),
      threshold('hh', 'hh', 55),
    ]);
    expect(problems).toContain(
      'pressure: the low-low limit (25, rule "ll") must be below the low limit (20, rule "l")',
    );
    expect(problems).toContain(
      'pressure: the high limit (60, rule "h") must be below the high-high limit (55, rule "hh")',
    );
  });

  it('refuses a deadband that reaches the other side, duplicate ids and doubled limits', () => {
    expect(findRuleConflicts([threshold('lo', 'l', 20, 30), threshold('hi', 'h', 40)])).toEqual([
      'pressure: rule "lo" clears at 50 (setpoint + deadband), at or over the high limit 40: reduce its deadband',
    ]);
    expect(findRuleConflicts([threshold('a', 'l', 20), threshold('a', 'll', 10)])).toEqual([
      'rule id "a" appears twice: ids are unique per asset',
    ]);
    expect(findRuleConflicts([threshold('a', 'l', 20), threshold('b', 'l', 15)])[0]).toMatch(
      /both set the low limit/,
    );
  });

  it('ignores disabled rules', () => {
    const off = { ...threshold('lo', 'l', 50), enabled: false };
    expect(findRuleConflicts([off, threshold('hi', 'h', 40)])).toEqual([]);
  });

  it('runs inside AssetAlarmRulesSchema with the asset in the message', () => {
    const result = AssetAlarmRulesSchema.safeParse({
      assetId: 'J1',
      rules: [threshold('lo', 'l', 50), threshold('hi', 'h', 40)],
    });
    expect(result.error?.issues[0]?.message).toMatch(/^J1: pressure: the low limit/);
  });
});

describe('defaults', () => {
  it('give junctions pressure low 20 m / low-low 10 m, residual and stale', () => {
    const rules = defaultRulesFor({ id: 'J1', type: 'junction' });
    expect(rules.map((r) => r.id)).toEqual([
      'pressure-low',
      'pressure-low-low',
      'pressure-residual',
      'stale',
    ]);
    expect(
      rules.filter((r) => r.kind === 'threshold').map((r) => r.kind === 'threshold' && r.setpoint),
    ).toEqual([20, 10]);
  });

  it('place tank limits inside the tank range', () => {
    const rules = defaultRulesFor({ id: 'T1', type: 'tank', minLevel: 0, maxLevel: 6.5 });
    const setpoint = (id: string) => {
      const rule = rules.find((r) => r.id === id);
      return rule?.kind === 'threshold' ? rule.setpoint : NaN;
    };
    expect(setpoint('level-low-low')).toBeCloseTo(0.65);
    expect(setpoint('level-low')).toBeCloseTo(1.625);
    expect(setpoint('level-high')).toBeCloseTo(6.175);
    expect(rules.map((r) => r.id)).toContain('time-to-empty');
    expect(findRuleConflicts(rules)).toEqual([]);
  });

  it('give pumps a latched mismatch, vibration and bearing temperature; links and reservoirs stale only', () => {
    const pump = defaultRulesFor({ id: 'PU1', type: 'pump' });
    expect(pump.map((r) => r.id)).toEqual([
      'pump-mismatch',
      'vibration-high',
      'bearing-temp-high',
      'stale',
    ]);
    expect(pump[0]).toMatchObject({
      kind: 'mismatch',
      commandMetric: 'command',
      feedbackMetric: 'power',
      feedbackMin: 1,
      onDelayS: 30,
      latched: true,
    });
    for (const type of ['pipe', 'valve', 'reservoir'] as const)
      expect(defaultRulesFor({ id: 'X', type }).map((r) => r.id)).toEqual(['stale']);
  });
});

describe('resolveSiteRules', () => {
  const assets = [
    { id: 'J10', type: 'junction', expectedIntervalS: 5 },
    { id: 'T1', type: 'tank', minLevel: 0, maxLevel: 6 },
    { id: 'PU1', type: 'pump' },
  ] as const;

  it('binds stale rules to the asset interval or the 60 s default', () => {
    const result = resolveSiteRules(assets);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stale = (id: string) =>
      result.assets.find((a) => a.assetId === id)?.rules.find((r) => r.kind === 'stale');
    expect(stale('J10')).toMatchObject({ expectedIntervalS: 5 });
    expect(stale('PU1')).toMatchObject({ expectedIntervalS: 60 });
  });

  it('replaces a default by id, disables one, adds one', () => {
    const low: AlarmRuleInput = {
      ...base,
      id: 'pressure-low',
      version: 2,
      kind: 'threshold',
      metric: 'pressure',
      limit: 'l',
      setpoint: 25,
    };
    const result = resolveSiteRules(assets, [
      { assetId: 'J10', rule: AlarmRuleSchema.parse(low) },
      {
        assetId: 'J10',
        rule: AlarmRuleSchema.parse({
          ...base,
          id: 'pressure-residual',
          kind: 'residual',
          metric: 'pressure',
          band: 5,
          enabled: false,
        }),
      },
      {
        assetId: 'PU1',
        rule: AlarmRuleSchema.parse({
          ...base,
          id: 'flow-rate',
          kind: 'rate',
          metric: 'flow',
          maxPerMin: 10,
        }),
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const j10 = result.assets.find((a) => a.assetId === 'J10')!.rules;
    expect(j10.find((r) => r.id === 'pressure-low')).toMatchObject({ setpoint: 25, version: 2 });
    expect(j10.find((r) => r.id === 'pressure-residual')?.enabled).toBe(false);
    expect(result.assets.find((a) => a.assetId === 'PU1')!.rules.map((r) => r.id)).toContain(
      'flow-rate',
    );
  });

  it('refuses overrides of unknown assets with a hint, wrong metrics and conflicts', () => {
    const result = resolveSiteRules(assets, [
      { assetId: 'J11', rule: threshold('pressure-low', 'l', 5) },
      {
        assetId: 'J10',
        rule: AlarmRuleSchema.parse({
          ...base,
          id: 'level-low',
          kind: 'threshold',
          metric: 'level',
          limit: 'l',
          setpoint: 1,
        }),
      },
      { assetId: 'J10', rule: threshold('pressure-low', 'l', 5) },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'override of rule "pressure-low": unknown asset J11 (did you mean J10?)',
        'J10: rule "level-low" watches level, which junctions do not report (junction metrics: pressure, head, demand)',
        'J10: pressure: the low-low limit (10, rule "pressure-low-low") must be below the low limit (5, rule "pressure-low")',
      ],
    });
  });
});

describe('reviseRule', () => {
  const parsed = threshold('pressure-low', 'l', 20);
  if (parsed.kind !== 'threshold') throw new Error('a threshold rule was expected');
  const current = parsed;

  it('bumps the version and stamps who and when', () => {
    const result = reviseRule(current, { ...current, setpoint: 22 }, 'ada', 1000);
    expect(result).toEqual({
      ok: true,
      rule: { ...current, setpoint: 22, version: 2, changedBy: 'ada', changedAt: 1000 },
    });
  });

  it('refuses renames, kind changes and no-op changes', () => {
    expect(reviseRule(current, { ...current, id: 'other' }, 'ada', 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot be renamed/) as unknown,
    });
    const rate = AlarmRuleSchema.parse({
      ...base,
      id: 'pressure-low',
      kind: 'rate',
      metric: 'pressure',
      maxPerMin: 1,
    });
    expect(reviseRule(current, rate, 'ada', 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot change kind/) as unknown,
    });
    expect(reviseRule(current, { ...current, version: 7 }, 'ada', 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nothing changed/) as unknown,
    });
  });
});
