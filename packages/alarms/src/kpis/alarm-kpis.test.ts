import {
  AlarmKpisSchema,
  AlarmRuleSchema,
  type Alarm,
  type AlarmEventRecord,
  type AlarmRuleInput,
} from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { applyAlarmEvent } from '../lifecycle/apply-alarm-event';
import { createAlarm, type AlarmEvent } from '../lifecycle/create-alarm';
import { computeAlarmKpis } from './alarm-kpis';

const H = 3_600_000;
const S = 1000;
const common = { version: 1, consequence: 'c', response: 'r' } as const;
const low: AlarmRuleInput = {
  ...common,
  id: 'pressure-low',
  kind: 'threshold',
  metric: 'pressure',
  limit: 'l',
  setpoint: 20,
  priority: 'medium',
};
const stale: AlarmRuleInput = {
  ...common,
  id: 'stale',
  kind: 'stale',
  missedIntervals: 3,
  priority: 'low',
};

/** Builds an event history by driving real alarms through the lifecycle. */
function history() {
  const alarms = new Map<string, Alarm>();
  const records: AlarmEventRecord[] = [];
  const on = (assetId: string, rule: AlarmRuleInput, event: AlarmEvent) => {
    const key = `${assetId}/${rule.id}`;
    const alarm = alarms.get(key) ?? createAlarm(assetId, AlarmRuleSchema.parse(rule), 0);
    const result = applyAlarmEvent(alarm, event);
    if (!result.ok) throw new Error(result.error);
    alarms.set(key, result.alarm);
    if (result.record) records.push(result.record);
  };
  return { on, records };
}

function scenario(): AlarmEventRecord[] {
  const { on, records } = history();
  // Standing: active since 30 h before the period.
  on('J9', low, { type: 'condition_active', at: -30 * H });
  // A: announced at 1 h, acknowledged 120 s later, cleared at 2 h.
  on('J1', low, { type: 'condition_active', at: 1 * H });
  on('J1', low, { type: 'acknowledge', who: 'ada', at: 1 * H + 120 * S });
  on('J1', low, { type: 'condition_clear', at: 2 * H });
  // B chatters: four activations within a minute.
  for (let i = 0; i < 4; i++) {
    on('J2', low, { type: 'condition_active', at: 3 * H + i * 10 * S });
    on('J2', low, { type: 'condition_clear', at: 3 * H + i * 10 * S + 5 * S });
  }
  // C: stale data for two hours.
  on('PU1', stale, { type: 'condition_active', at: 4 * H });
  on('PU1', stale, { type: 'condition_clear', at: 6 * H });
  // A flood: 12 alarms 10 s apart at 8 h.
  for (let i = 0; i < 12; i++) {
    on(`J${100 + i}`, low, { type: 'condition_active', at: 8 * H + i * 10 * S });
    on(`J${100 + i}`, low, { type: 'condition_clear', at: 8 * H + i * 10 * S + S });
  }
  return records;
}

describe('alarm KPIs', () => {
  const kpis = computeAlarmKpis(scenario().reverse(), { from: 0, to: 10 * H });

  it('has the wire shape', () => {
    expect(AlarmKpisSchema.safeParse(kpis).success).toBe(true);
  });

  it('counts announcements per operator-hour, by priority, and the peak 10 minutes', () => {
    expect(kpis.announced).toBe(18);
    expect(kpis.byPriority).toEqual({ critical: 0, high: 0, medium: 17, low: 1 });
    expect(kpis.alarmsPerOperatorHour).toBeCloseTo(1.8);
    expect(kpis.peakPer10Min).toBe(12);
    expect(
      computeAlarmKpis(scenario(), { from: 0, to: 10 * H, operators: 2 }).alarmsPerOperatorHour,
    ).toBeCloseTo(0.9);
  });

  it('measures the share of time in flood (from the 11th alarm until fewer than 5 remain)', () => {
    expect(kpis.floodShare).toBeCloseTo(570 / 36_000, 6);
  });

  it('lists chattering, stale-data and standing alarms', () => {
    expect(kpis.chattering).toEqual([
      {
        alarmKey: 'J2/pressure-low',
        assetId: 'J2',
        ruleId: 'pressure-low',
        activations: 4,
        maxPerMinute: 4,
        activeS: 20,
        since: null,
        ongoing: false,
      },
    ]);
    expect(kpis.staleData).toEqual([
      {
        alarmKey: 'PU1/stale',
        assetId: 'PU1',
        ruleId: 'stale',
        activations: 1,
        maxPerMinute: null,
        activeS: 7200,
        since: null,
        ongoing: false,
      },
    ]);
    expect(kpis.standing).toEqual([
      {
        alarmKey: 'J9/pressure-low',
        assetId: 'J9',
        ruleId: 'pressure-low',
        activations: 0,
        maxPerMinute: null,
        activeS: 40 * 3600,
        since: -30 * H,
        ongoing: true,
      },
    ]);
  });

  it('measures the mean time to acknowledge and counts what is still unacknowledged', () => {
    expect(kpis.meanTimeToAckS).toBe(120);
    expect(kpis.acknowledged).toBe(1);
    expect(kpis.unacknowledged).toBe(15);
  });

  it('refuses an empty period and no operators', () => {
    expect(() => computeAlarmKpis([], { from: 5, to: 5 })).toThrow(
      'KPI period: to (5) must be after from (5)',
    );
    expect(() => computeAlarmKpis([], { from: 0, to: 5, operators: 0 })).toThrow(
      'KPI operators must be > 0, got 0',
    );
    expect(computeAlarmKpis([], { from: 0, to: H })).toMatchObject({
      announced: 0,
      meanTimeToAckS: null,
      floodShare: 0,
    });
  });
});
