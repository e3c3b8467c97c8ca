import { AlarmRuleSchema, type Alarm, type AlarmEventRecord } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { applyAlarmEvent } from './apply-alarm-event';
import { createAlarm, type AlarmEvent } from './create-alarm';

const rule = (latched: boolean) =>
  AlarmRuleSchema.parse({
    id: 'pressure-low',
    version: 3,
    kind: 'threshold',
    metric: 'pressure',
    limit: 'l',
    setpoint: 20,
    priority: 'medium',
    consequence: 'c',
    response: 'r',
    latched,
  });

const HOUR = 3_600_000;

/** Applies events in order, failing the test on a refusal; returns the alarm and the records. */
function run(alarm: Alarm, events: AlarmEvent[]): { alarm: Alarm; records: AlarmEventRecord[] } {
  const records: AlarmEventRecord[] = [];
  for (const event of events) {
    const result = applyAlarmEvent(alarm, event);
    if (!result.ok) throw new Error(result.error);
    alarm = result.alarm;
    if (result.record) records.push(result.record);
  }
  return { alarm, records };
}
const refusal = (alarm: Alarm, event: AlarmEvent): string => {
  const result = applyAlarmEvent(alarm, event);
  return result.ok ? 'accepted' : result.error;
};

const active: AlarmEvent = {
  type: 'condition_active',
  at: 1000,
  values: { value: 15 },
  text: 'pressure 15 below low 20',
};
const clear: AlarmEvent = { type: 'condition_clear', at: 5000 };
const ack: AlarmEvent = { type: 'acknowledge', who: 'ada', at: 2000, comment: 'on it' };

describe('ISA-18.2 lifecycle', () => {
  it('runs normal → unacknowledged → acknowledged → normal with one record per step', () => {
    const { alarm, records } = run(createAlarm('J1', rule(false), 0), [active, ack, clear]);
    expect(alarm.state).toBe('normal');
    expect(records.map((r) => [r.from, r.to, r.event, r.who, r.when, r.why, r.announced])).toEqual([
      [
        'normal',
        'unack_active',
        'condition_active',
        'system',
        1000,
        'pressure 15 below low 20',
        true,
      ],
      ['unack_active', 'ack_active', 'acknowledge', 'ada', 2000, 'on it', false],
      ['ack_active', 'normal', 'condition_clear', 'system', 5000, null, false],
    ]);
    expect(records[0]).toMatchObject({
      alarmKey: 'J1/pressure-low',
      ruleVersion: 3,
      priority: 'medium',
    });
  });

  it('returns to normal unacknowledged, then needs an acknowledgement', () => {
    const { alarm } = run(createAlarm('J1', rule(false), 0), [active, { ...clear, at: 1500 }]);
    expect(alarm.state).toBe('unack_rtn');
    expect(run(alarm, [ack]).alarm.state).toBe('normal');
    expect(run(alarm, [{ ...active, at: 1600 }]).alarm.state).toBe('unack_active');
  });

  it('keeps a latched alarm until reset after the return to normal', () => {
    const latched = run(createAlarm('PU1', rule(true), 0), [active, ack, clear]).alarm;
    expect(latched.state).toBe('latched');
    expect(run(latched, [{ type: 'reset', who: 'ada', at: 6000 }]).alarm.state).toBe('normal');
    const unackedReturn = run(createAlarm('PU1', rule(true), 0), [
      active,
      { ...clear, at: 1500 },
    ]).alarm;
    expect(refusal(unackedReturn, { type: 'reset', who: 'ada', at: 1600 })).toBe(
      'PU1/pressure-low: cannot reset: acknowledge it first',
    );
    expect(run(unackedReturn, [ack]).alarm.state).toBe('latched');
  });

  it('shelves for a time with a reason and unshelves at expiry into the current condition', () => {
    const shelved = run(createAlarm('J1', rule(false), 0), [
      active,
      { type: 'shelve', who: 'ada', at: 2000, until: 2000 + HOUR, reason: 'sensor being replaced' },
    ]);
    expect(shelved.alarm).toMatchObject({
      state: 'shelved',
      shelvedUntil: 2000 + HOUR,
      overlayReason: 'sensor being replaced',
      overlayBy: 'ada',
    });
    const cleared = run(shelved.alarm, [clear, { type: 'tick', at: 2000 + HOUR - 1 }]);
    expect(cleared.alarm.state).toBe('shelved');
    expect(cleared.records.map((r) => r.event)).toEqual(['condition_clear']);
    const expired = run(cleared.alarm, [{ type: 'tick', at: 2000 + HOUR }]);
    expect(expired.alarm.state).toBe('normal');
    expect(expired.records[0]).toMatchObject({
      event: 'shelf_expired',
      who: 'system',
      from: 'shelved',
      to: 'normal',
      why: 'shelf set by ada expired (sensor being replaced)',
    });
    const stillActive = run(shelved.alarm, [{ type: 'unshelve', who: 'bob', at: 3000 }]);
    expect(stillActive.alarm.state).toBe('unack_active');
    expect(stillActive.records[0]?.announced).toBe(true);
  });

  it('suppresses by design and takes alarms out of service, tracking the condition underneath', () => {
    const suppressed = run(createAlarm('J1', rule(false), 0), [
      { type: 'suppress', who: 'system', at: 10, reason: 'PU4 out of service upstream' },
      active,
    ]);
    expect(suppressed.alarm).toMatchObject({ state: 'suppressed', condition: true });
    expect(suppressed.records.every((r) => !r.announced)).toBe(true);
    expect(
      run(suppressed.alarm, [{ type: 'unsuppress', who: 'system', at: 3000 }]).alarm.state,
    ).toBe('unack_active');
    const oos = run(createAlarm('J1', rule(false), 0), [
      { type: 'remove_from_service', who: 'admin', at: 10, reason: 'sensor removed' },
    ]);
    expect(oos.alarm.state).toBe('out_of_service');
    expect(run(oos.alarm, [{ type: 'return_to_service', who: 'admin', at: 20 }]).alarm.state).toBe(
      'normal',
    );
  });

  it('logs comments and assignments without changing the state', () => {
    const { alarm, records } = run(createAlarm('J1', rule(false), 0), [
      active,
      { type: 'comment', who: 'ada', at: 1100, text: 'crew sent' },
      { type: 'assign', who: 'ada', at: 1200, to: 'bob' },
    ]);
    expect(alarm).toMatchObject({ state: 'unack_active', assignee: 'bob' });
    expect(records.slice(1).map((r) => [r.from, r.to, r.why])).toEqual([
      ['unack_active', 'unack_active', 'crew sent'],
      ['unack_active', 'unack_active', 'assigned to bob'],
    ]);
  });
});

describe('refusals name the alarm and the reason', () => {
  const normal = createAlarm('J1', rule(false), 0);
  const acked = run(normal, [active, ack]).alarm;
  const oos = run(normal, [
    { type: 'remove_from_service', who: 'admin', at: 10, reason: 'sensor removed' },
  ]).alarm;

  it.each([
    [
      'ack in normal',
      normal,
      ack,
      'J1/pressure-low: cannot acknowledge: the alarm is normal, nothing to acknowledge',
    ],
    [
      'ack twice',
      acked,
      { ...ack, at: 3000 },
      'J1/pressure-low: already acknowledged by ada at 1970-01-01T00:00:02.000Z',
    ],
    [
      'shelve out of service',
      oos,
      { type: 'shelve', who: 'ada', at: 20, until: 20 + HOUR, reason: 'x' },
      'J1/pressure-low: cannot shelve: out of service (sensor removed); return it to service first',
    ],
    [
      'shelve in the past',
      acked,
      { type: 'shelve', who: 'ada', at: 5000, until: 4000, reason: 'x' },
      'J1/pressure-low: cannot shelve until 1970-01-01T00:00:04.000Z: that is not after now (1970-01-01T00:00:05.000Z)',
    ],
    [
      'shelve too long',
      acked,
      { type: 'shelve', who: 'ada', at: 0, until: 25 * HOUR, reason: 'x' },
      'J1/pressure-low: cannot shelve for more than 24 h: remove it from service instead',
    ],
    [
      'unshelve unshelved',
      acked,
      { type: 'unshelve', who: 'ada', at: 1 },
      'J1/pressure-low: cannot unshelve: the alarm is ack_active, not shelved',
    ],
    [
      'reset non-latched',
      acked,
      { type: 'reset', who: 'ada', at: 1 },
      'J1/pressure-low: cannot reset: only latched alarms are reset',
    ],
    [
      'double activation',
      acked,
      active,
      'J1/pressure-low: condition already active since 1970-01-01T00:00:01.000Z',
    ],
    ['double clear', normal, clear, 'J1/pressure-low: condition already clear'],
    [
      'return in service',
      normal,
      { type: 'return_to_service', who: 'admin', at: 1 },
      'J1/pressure-low: cannot return to service: the alarm is normal, not out of service',
    ],
  ] as const)('%s', (_name, alarm, event, message) => {
    expect(refusal(alarm, event)).toBe(message);
  });

  it('a refused event changes nothing', () => {
    const result = applyAlarmEvent(acked, ack);
    expect(result.ok).toBe(false);
    expect(acked.state).toBe('ack_active');
  });
});
