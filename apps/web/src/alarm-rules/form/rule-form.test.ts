import { AlarmRuleSchema, type AlarmRule, type AlarmRuleInput } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/api-error';
import { blankDraft, draftFromRule, numberFieldsOf, withKind } from './rule-draft';
import {
  checkDraft,
  overrideBody,
  readNumber,
  ruleFromDraft,
  sameContent,
} from './rule-from-draft';
import { refusalOf } from './server-refusal';

const base = {
  version: 3,
  priority: 'medium',
  consequence: 'Customers get weak supply.',
  response: 'Check the pumps upstream.',
} as const;
const rule = (input: Omit<AlarmRuleInput, keyof typeof base> & Partial<AlarmRuleInput>) =>
  AlarmRuleSchema.parse({ ...base, ...input });

const lowPressure = rule({
  id: 'pressure-low',
  kind: 'threshold',
  metric: 'pressure',
  limit: 'l',
  setpoint: 20,
  deadband: 1,
  onDelayS: 60,
  offDelayS: 30,
});
const highPressure = rule({
  id: 'pressure-high',
  kind: 'threshold',
  metric: 'pressure',
  limit: 'h',
  setpoint: 50,
  deadband: 1,
});
const EXAMPLES: AlarmRule[] = [
  lowPressure,
  rule({ id: 'level-rise', kind: 'rate', metric: 'level', maxPerMin: 0.2, direction: 'rise' }),
  rule({ id: 'stale', kind: 'stale', missedIntervals: 3 }),
  rule({
    id: 'stale-flow',
    kind: 'stale',
    metric: 'flow',
    missedIntervals: 2,
    expectedIntervalS: 30,
  }),
  rule({ id: 'pump-mismatch', kind: 'mismatch', feedbackMin: 1, latched: true }),
  rule({ id: 'pressure-residual', kind: 'residual', metric: 'pressure', band: 5, enabled: false }),
  rule({ id: 'time-to-empty', kind: 'prediction', withinH: 4, deadband: 0.5 }),
];

describe('rule ↔ draft', () => {
  it.each(EXAMPLES.map((r) => [r.kind, r] as const))('round-trips a %s rule', (_kind, r) => {
    const back = ruleFromDraft(draftFromRule(r, 'junction'));
    expect(back).toEqual({ ok: true, rule: r });
  });

  it('omits what a blank optional field leaves to the default (stale: any metric, own interval)', () => {
    const draft = { ...blankDraft('stale', 'pipe'), id: 'stale-2', ...base };
    const result = ruleFromDraft(draft);
    expect(result.ok && result.rule).toMatchObject({ kind: 'stale', missedIntervals: 3 });
    expect(result.ok && 'metric' in result.rule).toBe(false);
    expect(result.ok && 'expectedIntervalS' in result.rule).toBe(false);
  });

  it('switching a new rule’s kind keeps what was typed and fits the metric to the kind', () => {
    const draft = { ...blankDraft('threshold', 'tank'), id: 'level-high-high', setpoint: '7' };
    expect(draft.metric).toBe('level');
    expect(withKind(draft, 'prediction', 'tank')).toMatchObject({
      kind: 'prediction',
      metric: 'time_to_empty_h',
      setpoint: '7',
    });
    expect(withKind(draft, 'stale', 'tank').metric).toBe('');
    expect(withKind(withKind(draft, 'stale', 'tank'), 'rate', 'tank').metric).toBe('level');
  });

  it('shows stale rules no delays (they are raised by the clock)', () => {
    expect(numberFieldsOf('stale').map((f) => f.field)).not.toContain('onDelayS');
    expect(numberFieldsOf('threshold').map((f) => f.field)).toContain('onDelayS');
  });

  it('reads numbers as typed: decimal comma accepted, words and blanks refused by name', () => {
    expect(readNumber('deadband', ' 0,5 ')).toEqual({ ok: true, value: 0.5 });
    expect(readNumber('setpoint', '-3e1')).toEqual({ ok: true, value: -30 });
    expect(readNumber('setpoint', '')).toEqual({ ok: true, value: null });
    expect(readNumber('setpoint', '0x10')).toEqual({
      ok: false,
      error: 'setpoint: "0x10" is not a number (e.g. 20 or 0.5)',
    });
    const draft = { ...draftFromRule(lowPressure, 'junction'), setpoint: 'twenty', deadband: '' };
    expect(ruleFromDraft(draft)).toEqual({
      ok: false,
      errors: {
        setpoint: 'setpoint: "twenty" is not a number (e.g. 20 or 0.5)',
        deadband: 'deadband: required',
      },
      problems: [],
    });
  });

  it('gives the contract schema’s own messages (the server parses the body with the same schema)', () => {
    const draft = {
      ...draftFromRule(lowPressure, 'junction'),
      deadband: '-1',
      consequence: '  ',
      onDelayS: '90000',
      id: 'Pressure Low',
    };
    const result = ruleFromDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.deadband).toMatch(/^deadband must be ≥ 0/);
    expect(result.errors.consequence).toBe('consequence: say what happens if nobody acts');
    expect(result.errors.onDelayS).toBe('onDelayS must be at most 86400 s (one day)');
    expect(result.errors.id).toMatch(/^rule id: 1-48 of a-z/);
  });
});

describe('checking against the asset’s other rules', () => {
  it('refuses a low limit above its high limit with the server’s sentence, before any request', () => {
    const draft = { ...draftFromRule(lowPressure, 'junction'), setpoint: '60' };
    expect(checkDraft('J2', draft, [lowPressure, highPressure])).toEqual({
      ok: false,
      errors: {},
      problems: [
        'J2: pressure: the low limit (60, rule "pressure-low") must be below the high limit (50, rule "pressure-high")',
      ],
    });
  });

  it('refuses a deadband that reaches the opposite limit, and a second rule on the same limit', () => {
    const wide = { ...draftFromRule(highPressure, 'junction'), deadband: '35' };
    const result = checkDraft('J2', wide, [lowPressure, highPressure]);
    expect(!result.ok && result.problems[0]).toBe(
      'J2: pressure: rule "pressure-high" clears at 15 (setpoint − deadband), at or under the low limit 20: reduce its deadband',
    );
    const twin = { ...draftFromRule(lowPressure, 'junction'), id: 'pressure-low-2' };
    const again = checkDraft('J2', twin, [lowPressure]);
    expect(!again.ok && again.problems[0]).toMatch(/both set the low limit of pressure: keep one/);
  });

  it('accepts a consistent change and tells an unchanged one apart', () => {
    const draft = { ...draftFromRule(lowPressure, 'junction'), setpoint: '18' };
    const result = checkDraft('J2', draft, [lowPressure, highPressure]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(sameContent(result.rule, lowPressure)).toBe(false);
    const same = ruleFromDraft(draftFromRule(lowPressure, 'junction'));
    expect(same.ok && sameContent(same.rule, { ...lowPressure, version: 9 })).toBe(true);
  });

  it('sends the rule without who and when', () => {
    const stamped = { ...lowPressure, changedBy: 'planner', changedAt: 5 };
    expect(overrideBody('J2', stamped)).toEqual({ assetId: 'J2', rule: lowPressure });
  });
});

describe('server refusals', () => {
  it('puts schema details next to their field and whole-set sentences in the list', () => {
    const error = new ApiRequestError(
      400,
      'bad_request',
      'rule "pressure-low" of J2 refused, nothing stored: J2: pressure: the low limit (60, rule "pressure-low") must be below the high limit (50, rule "pressure-high")',
      null,
      [
        { path: 'rule.deadband', message: 'deadband must be ≥ 0' },
        { path: 'rule', message: 'J2: pressure: the low limit (60, …) must be below …' },
      ],
    );
    expect(refusalOf(error)).toEqual({
      message: error.message,
      fields: { deadband: 'deadband must be ≥ 0' },
      problems: ['J2: pressure: the low limit (60, …) must be below …'],
      reload: false,
    });
  });

  it('asks to reload on 409 and says nothing was saved when the server is unreachable', () => {
    const conflict = new ApiRequestError(
      409,
      'conflict',
      'J2/pressure-low: changed by someone else',
    );
    expect(refusalOf(conflict)).toMatchObject({ reload: true, message: conflict.message });
    expect(refusalOf(new TypeError('Failed to fetch')).message).toMatch(/Nothing was saved/);
  });
});
