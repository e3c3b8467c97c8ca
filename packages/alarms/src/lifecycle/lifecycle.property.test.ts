import { ALARM_STATES, AlarmRuleSchema, AlarmSchema, type Alarm } from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAlarmEvent } from './apply-alarm-event';
import { createAlarm, isAnnounced, OVERLAY_STATES, type AlarmEvent } from './create-alarm';

const HOUR = 3_600_000;
const WHO = ['ada', 'bob', 'system'] as const;

/** One step: a delay, then an event whose times are relative to the step's clock. */
const stepArb = fc.tuple(
  fc.integer({ min: 0, max: 2 * HOUR }),
  fc.constantFrom(...WHO),
  fc.oneof(
    fc.constant({ type: 'condition_active' } as const),
    fc.constant({ type: 'condition_clear' } as const),
    fc.constant({ type: 'acknowledge' } as const),
    fc.record({
      type: fc.constant('shelve' as const),
      forMs: fc.integer({ min: -HOUR, max: 30 * HOUR }),
    }),
    fc.constant({ type: 'unshelve' } as const),
    fc.constant({ type: 'suppress' } as const),
    fc.constant({ type: 'unsuppress' } as const),
    fc.constant({ type: 'remove_from_service' } as const),
    fc.constant({ type: 'return_to_service' } as const),
    fc.constant({ type: 'comment' } as const),
    fc.constant({ type: 'assign' } as const),
    fc.constant({ type: 'reset' } as const),
    fc.constant({ type: 'tick' } as const),
  ),
);
type Step = [number, string, { type: string; forMs?: number }];

function toEvent([, who, spec]: Step, at: number): AlarmEvent {
  switch (spec.type) {
    case 'condition_active':
    case 'condition_clear':
    case 'tick':
      return { type: spec.type, at };
    case 'shelve':
      return { type: 'shelve', who, at, until: at + (spec.forMs ?? 0), reason: 'testing' };
    case 'suppress':
    case 'remove_from_service':
      return { type: spec.type, who, at, reason: 'testing' };
    case 'comment':
      return { type: 'comment', who, at, text: 'note' };
    case 'assign':
      return { type: 'assign', who, at, to: 'bob' };
    default:
      return { type: spec.type as 'acknowledge', who, at };
  }
}

const runArb = fc.record({ latched: fc.boolean(), steps: fc.array(stepArb, { maxLength: 60 }) });

function newAlarm(latched: boolean): Alarm {
  const rule = AlarmRuleSchema.parse({
    id: 'level-low',
    version: 1,
    kind: 'threshold',
    metric: 'level',
    limit: 'l',
    setpoint: 1,
    priority: 'high',
    consequence: 'c',
    response: 'r',
    latched,
  });
  return createAlarm('T1', rule, 0);
}

/** Plays the steps, calling `check` after each with the alarm before, the event and the result. */
function play(
  latched: boolean,
  steps: Step[],
  check: (before: Alarm, event: AlarmEvent, result: ReturnType<typeof applyAlarmEvent>) => void,
): void {
  let alarm = newAlarm(latched);
  let clock = 0;
  for (const step of steps) {
    clock += step[0];
    const event = toEvent(step, clock);
    const result = applyAlarmEvent(alarm, event);
    check(alarm, event, result);
    if (result.ok) alarm = result.alarm;
  }
}

const reflects = (alarm: Alarm) => alarm.state === (alarm.condition ? 'unack_active' : 'normal');

describe('lifecycle properties', () => {
  it('never reaches an invalid state', () => {
    fc.assert(
      fc.property(runArb, ({ latched, steps }) =>
        play(latched, steps, (_before, _event, result) => {
          if (!result.ok) return;
          const { alarm } = result;
          expect(ALARM_STATES).toContain(alarm.state);
          expect(AlarmSchema.safeParse(alarm).success).toBe(true);
          if (alarm.state === 'unack_active' || alarm.state === 'ack_active')
            expect(alarm.condition).toBe(true);
          if (alarm.state === 'normal' || alarm.state === 'unack_rtn' || alarm.state === 'latched')
            expect(alarm.condition).toBe(false);
          if (alarm.state === 'latched') expect(latched).toBe(true);
          if (alarm.state === 'ack_active') expect(alarm.ackedBy).not.toBeNull();
          expect(alarm.state === 'shelved').toBe(alarm.shelvedUntil !== null);
          expect(OVERLAY_STATES.includes(alarm.state)).toBe(alarm.overlayReason !== null);
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('logs every transition and changes nothing when it refuses', () => {
    fc.assert(
      fc.property(runArb, ({ latched, steps }) =>
        play(latched, steps, (before, event, result) => {
          if (!result.ok) {
            expect(result.error).toMatch(/^T1\/level-low: \S/);
            return;
          }
          const { alarm, record } = result;
          if (event.type === 'tick' && record === null) {
            expect(alarm).toBe(before);
            return;
          }
          expect(record).not.toBeNull();
          expect(record).toMatchObject({ from: before.state, to: alarm.state, when: event.at });
          expect(record?.who).toBe('who' in event ? event.who : 'system');
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('never announces while shelved, suppressed or out of service', () => {
    fc.assert(
      fc.property(runArb, ({ latched, steps }) =>
        play(latched, steps, (_before, _event, result) => {
          if (!result.ok) return;
          if (OVERLAY_STATES.includes(result.alarm.state)) {
            expect(isAnnounced(result.alarm.state)).toBe(false);
            expect(result.record?.announced ?? false).toBe(false);
          }
          if (result.record?.announced) expect(result.alarm.state).toBe('unack_active');
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a second acknowledgement', () => {
    fc.assert(
      fc.property(runArb, ({ latched, steps }) =>
        play(latched, steps, (_before, event, result) => {
          if (!result.ok || event.type !== 'acknowledge') return;
          expect(applyAlarmEvent(result.alarm, { ...event, at: event.at + 1 }).ok).toBe(false);
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('after unshelve (by hand or at expiry) the state reflects the current condition', () => {
    fc.assert(
      fc.property(runArb, ({ latched, steps }) =>
        play(latched, steps, (before, event, result) => {
          if (!result.ok) return;
          const unshelved =
            event.type === 'unshelve' || (event.type === 'tick' && result.record !== null);
          if (unshelved) expect(reflects(result.alarm)).toBe(true);
          if (
            before.state === 'shelved' &&
            event.type === 'tick' &&
            event.at >= (before.shelvedUntil ?? Infinity)
          )
            expect(result.alarm.state).not.toBe('shelved');
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('tracks the process condition through every state', () => {
    fc.assert(
      fc.property(runArb, ({ latched, steps }) => {
        let condition = false;
        play(latched, steps, (_before, event, result) => {
          if (event.type === 'condition_active' || event.type === 'condition_clear') {
            const wanted = event.type === 'condition_active';
            expect(result.ok).toBe(condition !== wanted);
            condition = wanted;
          }
          if (result.ok) expect(result.alarm.condition).toBe(condition);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the generated runs', () => {
  it('reach every state (so the properties above are not vacuous)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(runArb, ({ latched, steps }) =>
        play(latched, steps, (_before, _event, result) => {
          if (result.ok) reached.add(result.alarm.state);
        }),
      ),
      { numRuns: 300, seed: 42 },
    );
    expect([...reached].sort()).toEqual([...ALARM_STATES].sort());
  });
});
