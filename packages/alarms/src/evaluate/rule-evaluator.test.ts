import { AlarmRuleSchema, type AlarmRuleInput, type ConditionChange } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { createRuleEvaluator, type AlarmSample, type RuleEvaluator } from './rule-evaluator';

const base = { version: 1, priority: 'high', consequence: 'c', response: 'r' } as const;
const rules = (...inputs: AlarmRuleInput[]) => inputs.map((input) => AlarmRuleSchema.parse(input));

function feed(evaluator: RuleEvaluator, samples: AlarmSample[]): ConditionChange[] {
  return samples.flatMap((sample) => evaluator.push(sample));
}
const series = (metric: string, points: [number, number][], assetId = 'J1'): AlarmSample[] =>
  points.map(([ts, value]) => ({ assetId, metric, ts, value }));
const brief = (changes: ConditionChange[]) => changes.map((c) => [c.ruleId, c.active, c.ts]);

describe('threshold', () => {
  const low = {
    ...base,
    id: 'p-low',
    kind: 'threshold',
    metric: 'pressure',
    limit: 'l',
    setpoint: 20,
    deadband: 2,
  } as const;

  it('raises below the setpoint and clears only past setpoint + deadband', () => {
    const ev = createRuleEvaluator([{ assetId: 'J1', rules: rules(low) }]);
    const changes = feed(
      ev,
      series('pressure', [
        [0, 25],
        [1000, 19],
        [2000, 21],
        [3000, 21.9],
        [4000, 22.5],
      ]),
    );
    expect(brief(changes)).toEqual([
      ['p-low', true, 1000],
      ['p-low', false, 4000],
    ]);
    expect(changes[0]).toMatchObject({
      alarmKey: 'J1/p-low',
      values: { value: 19, setpoint: 20, deadband: 2 },
      text: 'pressure 19 below low 20',
      since: 1000,
    });
    expect(changes[1]?.text).toBe('pressure 22.5 back above low 20');
  });

  it('needs the condition to hold for onDelayS and the clear for offDelayS, in sample time', () => {
    const ev = createRuleEvaluator([
      { assetId: 'J1', rules: rules({ ...low, onDelayS: 10, offDelayS: 5 }) },
    ]);
    const changes = feed(
      ev,
      series('pressure', [
        [0, 15],
        [5_000, 15],
        [8_000, 25],
        [9_000, 15],
        [18_000, 15],
        [19_000, 15],
        [20_000, 30],
        [24_000, 30],
        [25_000, 30],
      ]),
    );
    expect(brief(changes)).toEqual([
      ['p-low', true, 19_000],
      ['p-low', false, 25_000],
    ]);
    expect(changes[0]?.since).toBe(9_000);
  });

  it('high limits raise above the setpoint', () => {
    const ev = createRuleEvaluator([
      {
        assetId: 'PU1',
        rules: rules({
          ...base,
          id: 'vib',
          kind: 'threshold',
          metric: 'vibration',
          limit: 'h',
          setpoint: 7.1,
          deadband: 0.5,
        }),
      },
    ]);
    const changes = feed(
      ev,
      series(
        'vibration',
        [
          [0, 7.1],
          [1, 7.2],
          [2, 6.7],
          [3, 6.6],
        ],
        'PU1',
      ),
    );
    expect(brief(changes)).toEqual([
      ['vib', true, 1],
      ['vib', false, 3],
    ]);
  });
});

describe('rate of change', () => {
  it('measures over the window and respects the direction', () => {
    const rate = {
      ...base,
      id: 'fall',
      kind: 'rate',
      metric: 'level',
      maxPerMin: 0.5,
      direction: 'fall',
      windowS: 60,
    } as const;
    const ev = createRuleEvaluator([{ assetId: 'T1', rules: rules(rate) }]);
    const points: [number, number][] = [];
    for (let s = 0; s <= 300; s += 10)
      points.push([s * 1000, s < 120 ? 5 : 5 - ((s - 120) / 60) * 1]);
    for (let s = 310; s <= 500; s += 10) points.push([s * 1000, 2]);
    const changes = feed(ev, series('level', points, 'T1'));
    expect(brief(changes)).toEqual([
      ['fall', true, 160_000],
      ['fall', false, 330_000],
    ]);
  });
});

describe('stale data', () => {
  const stale = {
    ...base,
    id: 'stale',
    kind: 'stale',
    missedIntervals: 3,
    expectedIntervalS: 10,
  } as const;

  it('raises on the clock after N silent intervals and clears at the next sample', () => {
    const ev = createRuleEvaluator([{ assetId: 'J1', rules: rules(stale) }]);
    expect(ev.tick(100_000)).toEqual([]);
    ev.push({ assetId: 'J1', metric: 'head', value: 1, ts: 0 });
    expect(ev.tick(30_000)).toEqual([]);
    const raised = ev.tick(30_001);
    expect(raised).toMatchObject([
      { active: true, ts: 30_001, since: 0, values: { silentS: 30.001, limitS: 30 } },
    ]);
    expect(ev.tick(40_000)).toEqual([]);
    expect(ev.activeConditions()).toHaveLength(1);
    expect(ev.push({ assetId: 'J1', metric: 'pressure', value: 1, ts: 45_000 })).toMatchObject([
      { active: false, ts: 45_000 },
    ]);
    expect(ev.activeConditions()).toHaveLength(0);
  });

  it('can be armed from a start time, and can watch one metric only', () => {
    const ev = createRuleEvaluator(
      [{ assetId: 'J1', rules: rules({ ...stale, metric: 'pressure' }) }],
      { staleArmedAt: 0 },
    );
    ev.push({ assetId: 'J1', metric: 'head', value: 1, ts: 20_000 });
    expect(ev.tick(31_000)).toHaveLength(1);
  });
});

describe('state mismatch', () => {
  it('raises when commanded on without power, and when off with power', () => {
    const mismatch = { ...base, id: 'mm', kind: 'mismatch', feedbackMin: 1, onDelayS: 5 } as const;
    const ev = createRuleEvaluator([{ assetId: 'PU1', rules: rules(mismatch) }]);
    const samples: AlarmSample[] = [];
    const at = (ts: number, status: number, power: number) =>
      samples.push(
        { assetId: 'PU1', metric: 'status', value: status, ts },
        { assetId: 'PU1', metric: 'power', value: power, ts },
      );
    at(0, 1, 40);
    at(1000, 1, 0);
    at(7000, 1, 0);
    at(8000, 0, 0);
    at(20000, 0, 30);
    at(26000, 0, 30);
    const changes = feed(ev, samples);
    expect(brief(changes)).toEqual([
      ['mm', true, 7000],
      ['mm', false, 8000],
      ['mm', true, 26000],
    ]);
    expect(changes[0]?.text).toBe('status on but power 0 < 1');
    expect(changes[2]?.text).toBe('status off but power 30 ≥ 1');
  });
});

describe('model residual', () => {
  it('compares measured with the latest modelled value and ignores an old model', () => {
    const residual = {
      ...base,
      id: 'res',
      kind: 'residual',
      metric: 'pressure',
      band: 5,
      deadband: 1,
      onDelayS: 60,
      maxModelAgeS: 300,
    } as const;
    const ev = createRuleEvaluator([{ assetId: 'J1', rules: rules(residual) }]);
    const changes = feed(ev, [
      { assetId: 'J1', metric: 'pressure', value: 40, ts: 0 },
      { assetId: 'J1', metric: 'pressure', value: 40, ts: 0, source: 'model' },
      { assetId: 'J1', metric: 'pressure', value: 34, ts: 10_000 },
      { assetId: 'J1', metric: 'pressure', value: 34, ts: 70_000 },
      { assetId: 'J1', metric: 'pressure', value: 35.5, ts: 80_000 },
      { assetId: 'J1', metric: 'pressure', value: 36.5, ts: 90_000 },
      { assetId: 'J1', metric: 'pressure', value: 20, ts: 400_000 },
    ]);
    expect(brief(changes)).toEqual([
      ['res', true, 70_000],
      ['res', false, 90_000],
    ]);
    expect(changes[0]?.values).toEqual({ measured: 34, modelled: 40, residual: -6, band: 5 });
  });
});

describe('solver prediction', () => {
  it('raises when the predicted time to empty falls within the horizon', () => {
    const prediction = {
      ...base,
      id: 'tte',
      kind: 'prediction',
      withinH: 4,
      deadband: 0.5,
    } as const;
    const ev = createRuleEvaluator([{ assetId: 'T1', rules: rules(prediction) }]);
    const at = (ts: number, hours: number): AlarmSample => ({
      assetId: 'T1',
      metric: 'time_to_empty_h',
      value: hours,
      ts,
      source: 'prediction',
    });
    const changes = feed(ev, [at(0, 10), at(1, 3.5), at(2, 4.4), at(3, 4.6)]);
    expect(brief(changes)).toEqual([
      ['tte', true, 1],
      ['tte', false, 3],
    ]);
    expect(ev.push({ assetId: 'T1', metric: 'time_to_empty_h', value: 1, ts: 4 })).toEqual([]);
  });
});

describe('restored conditions', () => {
  it('start active so that they clear, for thresholds and stale data alike', () => {
    const low = {
      ...base,
      id: 'p-low',
      kind: 'threshold',
      metric: 'pressure',
      limit: 'l',
      setpoint: 20,
    } as const;
    const stale = {
      ...base,
      id: 'stale',
      kind: 'stale',
      missedIntervals: 3,
      expectedIntervalS: 10,
    } as const;
    const ev = createRuleEvaluator([{ assetId: 'J1', rules: rules(low, stale) }], {
      active: [
        { key: 'J1/p-low', activeSince: 500 },
        { key: 'J1/stale', activeSince: 400 },
        { key: 'J1/gone', activeSince: 1 },
      ],
    });
    expect(ev.activeConditions().map((c) => [c.alarmKey, c.since])).toEqual([
      ['J1/p-low', 500],
      ['J1/stale', 400],
    ]);
    const changes = ev.push({ assetId: 'J1', metric: 'pressure', value: 25, ts: 1000 });
    expect(changes.map((c) => [c.alarmKey, c.active])).toEqual([
      ['J1/stale', false],
      ['J1/p-low', false],
    ]);
  });
});

describe('bookkeeping', () => {
  it('ignores out-of-order samples and unknown assets, skips disabled rules, counts evaluations', () => {
    const low = {
      ...base,
      id: 'p-low',
      kind: 'threshold',
      metric: 'pressure',
      limit: 'l',
      setpoint: 20,
    } as const;
    const ev = createRuleEvaluator([
      { assetId: 'J1', rules: rules(low, { ...low, id: 'off', setpoint: 30, enabled: false }) },
    ]);
    feed(ev, [
      { assetId: 'J1', metric: 'pressure', value: 25, ts: 10 },
      { assetId: 'J1', metric: 'pressure', value: 5, ts: 9 },
      { assetId: 'J9', metric: 'pressure', value: 5, ts: 11 },
      { assetId: 'J1', metric: 'demand', value: 5, ts: 11 },
    ]);
    expect(ev.stats()).toEqual({ samples: 4, evaluations: 1, outOfOrder: 1, unmatched: 1 });
    expect(ev.activeConditions()).toEqual([]);
  });
});
