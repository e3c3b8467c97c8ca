import { describe, expect, it } from 'vitest';
import { causeOf, type AdvisableAlarm } from './alarm-cause';

const alarm = (over: Partial<AdvisableAlarm>): AdvisableAlarm => ({
  key: 'X/r',
  assetId: 'X',
  ruleId: 'r',
  kind: 'threshold',
  metric: 'pressure',
  sense: 'low',
  condition: true,
  state: 'unack_active',
  values: {},
  ...over,
});

describe('causeOf', () => {
  it('finds the operational causes', () => {
    const trip = alarm({
      kind: 'mismatch',
      metric: 'command',
      sense: null,
      values: { command: 1, feedback: 0 },
    });
    expect(causeOf(trip, 'pump')).toEqual({ ok: true, cause: 'pump_trip', assumptions: [] });
    expect(causeOf(alarm({ metric: 'level' }), 'tank')).toMatchObject({ cause: 'tank_low' });
    expect(
      causeOf(alarm({ kind: 'prediction', metric: 'time_to_empty_h', sense: null }), 'tank'),
    ).toMatchObject({ cause: 'tank_low' });
    expect(causeOf(alarm({}), 'junction')).toMatchObject({ cause: 'pressure_low' });
    expect(
      causeOf(alarm({ kind: 'rate', sense: null, values: { ratePerMin: -2 } }), 'junction'),
    ).toMatchObject({ cause: 'pressure_low' });
    expect(causeOf(alarm({ metric: 'flow', sense: 'high' }), 'pipe')).toMatchObject({
      cause: 'burst',
    });
    expect(causeOf(alarm({ kind: 'rate', metric: 'velocity', sense: null }), 'pipe')).toMatchObject(
      { cause: 'burst' },
    );
  });

  it('takes a mismatch without values as a trip and says so', () => {
    const outcome = causeOf(alarm({ kind: 'mismatch', metric: 'command', sense: null }), 'pump');
    expect(outcome).toMatchObject({ ok: true, cause: 'pump_trip' });
    expect(outcome.ok && outcome.assumptions[0]).toMatch(/taken as commanded on/);
  });

  it('refuses what has nothing to simulate, saying why', () => {
    const reason = (a: AdvisableAlarm, type: Parameters<typeof causeOf>[1]) => {
      const outcome = causeOf(a, type);
      return outcome.ok ? '' : outcome.reason;
    };
    expect(reason(alarm({ condition: false, state: 'unack_rtn' }), 'junction')).toMatch(
      /not active \(state unack_rtn/,
    );
    expect(reason(alarm({ kind: 'stale', metric: null, sense: null }), 'junction')).toMatch(
      /stale data/,
    );
    expect(reason(alarm({ kind: 'residual', sense: null }), 'junction')).toMatch(/model residual/);
    expect(reason(alarm({ metric: 'vibration', sense: 'high' }), 'pump')).toMatch(
      /machine's condition/,
    );
    expect(
      reason(alarm({ kind: 'mismatch', values: { command: 0, feedback: 30 } }), 'pump'),
    ).toMatch(/runs although commanded off/);
    expect(reason(alarm({ metric: 'level', sense: 'high' }), 'tank')).toMatch(
      /no operational cause/,
    );
    expect(
      reason(alarm({ kind: 'rate', sense: null, values: { ratePerMin: 3 } }), 'junction'),
    ).toMatch(/no operational cause/);
  });
});
