import { AlarmRuleSchema, type AlarmRuleInput } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { ruleChanges, ruleSummary, unitOf } from './rule-summary';

const texts = { version: 1, priority: 'high', consequence: 'c', response: 'r' } as const;
const rule = (input: Omit<AlarmRuleInput, keyof typeof texts> & Partial<AlarmRuleInput>) =>
  AlarmRuleSchema.parse({ ...texts, ...input });

describe('rule summary', () => {
  it('says what each kind watches, with units and delays', () => {
    expect(
      ruleSummary(
        rule({
          id: 'pressure-low',
          kind: 'threshold',
          metric: 'pressure',
          limit: 'l',
          setpoint: 20,
          deadband: 1,
          onDelayS: 60,
        }),
      ),
    ).toBe('pressure below 20 m (low), deadband 1 m, on 60 s');
    expect(ruleSummary(rule({ id: 's', kind: 'stale', missedIntervals: 3 }))).toBe(
      'no data for 3 × the expected interval',
    );
    expect(
      ruleSummary(rule({ id: 'm', kind: 'mismatch', feedbackMin: 1, commandMetric: 'command' })),
    ).toBe('command on without power ≥ 1 kW (or off with it)');
    expect(ruleSummary(rule({ id: 't', kind: 'prediction', withinH: 4 }))).toBe(
      'predicted to empty within 4 h',
    );
    expect(
      ruleSummary(rule({ id: 'r', kind: 'rate', metric: 'level', maxPerMin: 0.2, offDelayS: 5 })),
    ).toBe('level changing faster than 0.2 m/min over 60 s, off 5 s');
    expect(unitOf('nonsense')).toBe('');
  });

  it('lists what changed between versions', () => {
    const a = rule({ id: 'p', kind: 'threshold', metric: 'pressure', limit: 'l', setpoint: 20 });
    const b = { ...a, setpoint: 18, response: 'other', enabled: false };
    expect(ruleChanges(a, b)).toEqual([
      'enabled: true → false',
      'setpoint: 20 → 18',
      'response reworded',
    ]);
    expect(ruleChanges(null, a)).toEqual(['rule added']);
    expect(ruleChanges(a, null)).toEqual(['rule removed']);
  });
});
