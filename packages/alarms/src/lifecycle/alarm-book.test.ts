import { AlarmRuleSchema, type AlarmRuleInput } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { createRuleEvaluator } from '../evaluate/rule-evaluator';
import { createAlarmBook } from './alarm-book';

const common = { version: 1, consequence: 'c', response: 'r' } as const;
const lowInput: AlarmRuleInput = {
  ...common,
  id: 'pressure-low',
  kind: 'threshold',
  metric: 'pressure',
  limit: 'l',
  setpoint: 20,
  priority: 'medium',
};
const low = AlarmRuleSchema.parse(lowInput);
const junctions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ assetId: `J${i}`, rules: [low] }));

describe('alarm book', () => {
  it('turns evaluator changes into alarms, records and a flood', () => {
    const sets = junctions(12);
    const evaluator = createRuleEvaluator(sets);
    const book = createAlarmBook({ siteId: 'ctown', rules: sets });
    const floods = [];
    for (let i = 0; i < 12; i++) {
      const changes = evaluator.push({
        assetId: `J${i}`,
        metric: 'pressure',
        value: 5,
        ts: i * 1000,
      });
      const update = book.applyConditions(changes);
      expect(update.records).toMatchObject([
        { alarmKey: `J${i}/pressure-low`, to: 'unack_active', announced: true },
      ]);
      expect(update.alarms).toHaveLength(1);
      floods.push(...update.floods);
    }
    expect(floods).toEqual([
      { siteId: 'ctown', flood: true, ts: 10_000, count: 11, windowMs: 600_000 },
    ]);
    expect(book.floodState()).toEqual({ flood: true, count: 12 });
    expect(book.tick(20 * 60_000).floods).toMatchObject([{ flood: false }]);
    expect(book.list()).toHaveLength(12);
  });

  it('acts on alarms by key, creating one on first use, and refuses with reasons', () => {
    const book = createAlarmBook({ siteId: 'ctown', rules: junctions(2) });
    const shelved = book.act(
      'J1/pressure-low',
      { type: 'shelve', until: 60_000, reason: 'works' },
      'ada',
      0,
    );
    expect(shelved).toMatchObject({
      ok: true,
      update: { records: [{ from: 'normal', to: 'shelved', who: 'ada' }] },
    });
    expect(book.act('J1/presure-low', { type: 'acknowledge' }, 'ada', 1)).toEqual({
      ok: false,
      error: 'J1/presure-low: no enabled rule has this alarm key (did you mean J1/pressure-low?)',
    });
    expect(book.act('J0/pressure-low', { type: 'acknowledge' }, 'ada', 1)).toEqual({
      ok: false,
      error: 'J0/pressure-low: cannot acknowledge: the alarm is normal, nothing to acknowledge',
    });
    expect(book.tick(59_999).records).toEqual([]);
    expect(book.tick(60_000).records).toMatchObject([{ event: 'shelf_expired', to: 'normal' }]);
  });

  it('reports repeated conditions instead of applying them', () => {
    const sets = junctions(1);
    const book = createAlarmBook({ siteId: 's', rules: sets });
    const change = createRuleEvaluator(sets).push({
      assetId: 'J0',
      metric: 'pressure',
      value: 1,
      ts: 5,
    });
    book.applyConditions(change);
    expect(book.applyConditions(change).refused).toEqual([
      'J0/pressure-low: condition already active since 1970-01-01T00:00:00.005Z',
    ]);
  });

  it('follows rule changes: new version and priority, latch released, removed rule cleared', () => {
    const latched = AlarmRuleSchema.parse({ ...lowInput, latched: true });
    const book = createAlarmBook({
      siteId: 's',
      rules: [
        { assetId: 'J0', rules: [latched] },
        { assetId: 'J1', rules: [low] },
      ],
    });
    const raise = (assetId: string, at: number) =>
      book.applyConditions([
        {
          alarmKey: `${assetId}/pressure-low`,
          assetId,
          ruleId: 'pressure-low',
          ruleVersion: 1,
          kind: 'threshold',
          active: true,
          ts: at,
          since: at,
          values: {},
          text: 'low',
        },
      ]);
    raise('J0', 1);
    book.act('J0/pressure-low', { type: 'acknowledge' }, 'ada', 2);
    book.applyConditions([
      {
        alarmKey: 'J0/pressure-low',
        assetId: 'J0',
        ruleId: 'pressure-low',
        ruleVersion: 1,
        kind: 'threshold',
        active: false,
        ts: 3,
        since: 3,
        values: {},
        text: 'ok',
      },
    ]);
    raise('J1', 4);
    expect(book.get('J0/pressure-low')?.state).toBe('latched');
    const revised = AlarmRuleSchema.parse({ ...lowInput, version: 2, priority: 'high' });
    const update = book.setRules([{ assetId: 'J0', rules: [revised] }], 10);
    expect(update.records.map((r) => [r.alarmKey, r.event, r.to, r.why])).toEqual([
      ['J0/pressure-low', 'reset', 'normal', null],
      ['J1/pressure-low', 'condition_clear', 'unack_rtn', 'rule removed or disabled'],
    ]);
    expect(update.alarms.map((a) => [a.key, a.ruleVersion, a.priority, a.latched])).toEqual([
      ['J0/pressure-low', 2, 'high', false],
      ['J1/pressure-low', 1, 'medium', false],
    ]);
  });
});
