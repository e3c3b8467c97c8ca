import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type AlarmView } from '@twinhelm/contracts';
import {
  DEFAULT_FILTER,
  alarmBadges,
  alarmRows,
  bannerAlarm,
  compareAlarms,
  stepSelection,
  visibleKeys,
  type AlarmFilter,
} from './alarm-rows';
import { alarmView } from './test-fixtures';

const byKey = (alarms: AlarmView[]) => new Map(alarms.map((a) => [a.key, a]));
const filter = (patch: Partial<AlarmFilter> = {}): AlarmFilter => ({ ...DEFAULT_FILTER, ...patch });

describe('ordering', () => {
  it('puts priority first, then the newest', () => {
    const alarms = [
      alarmView('J1/pressure-low', { priority: 'medium', announcedAt: 5 }),
      alarmView('J2/pressure-low', { priority: 'critical', announcedAt: 1 }),
      alarmView('J3/pressure-low', { priority: 'medium', announcedAt: 9 }),
      alarmView('J4/pressure-low', { priority: 'low', announcedAt: 20 }),
    ];
    const keys = alarmRows(byKey(alarms), [], filter()).map((r) => r.alarm.key);
    expect(keys).toEqual([
      'J2/pressure-low',
      'J3/pressure-low',
      'J1/pressure-low',
      'J4/pressure-low',
    ]);
  });

  it('property: the order is total and consistent (sorting twice changes nothing)', () => {
    const arb = fc.array(
      fc.record({
        n: fc.integer({ min: 1, max: 40 }),
        priority: fc.constantFrom('critical', 'high', 'medium', 'low' as const),
        at: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const alarms = [
          ...byKey(
            specs.map((s) =>
              alarmView(`J${s.n}/pressure-low`, { priority: s.priority, announcedAt: s.at }),
            ),
          ).values(),
        ];
        const once = alarms.toSorted(compareAlarms);
        expect(once.toReversed().toSorted(compareAlarms)).toEqual(once);
        for (let i = 1; i < once.length; i++)
          expect(compareAlarms(once[i - 1]!, once[i]!)).toBeLessThan(0);
      }),
    );
  });
});

describe('filtering', () => {
  const alarms = byKey([
    alarmView('J1/pressure-low', { priority: 'high' }),
    alarmView('T1/level-low', { priority: 'critical', text: 'level 0.4 below low-low 0.6' }),
    alarmView('J2/pressure-low', { state: 'shelved' }),
    alarmView('J3/pressure-low', { state: 'ack_active', priority: 'low' }),
  ]);
  const keys = (f: Partial<AlarmFilter>) =>
    alarmRows(alarms, [], filter(f)).map((r) => r.alarm.key);

  it('shows what operators see by default (not shelved)', () => {
    expect(keys({})).toEqual(['T1/level-low', 'J1/pressure-low', 'J3/pressure-low']);
  });
  it('filters by priority, state and text (asset, rule or text)', () => {
    expect(keys({ priorities: ['critical', 'low'] })).toEqual(['T1/level-low', 'J3/pressure-low']);
    expect(keys({ states: 'shelved' })).toEqual(['J2/pressure-low']);
    expect(keys({ states: 'unack' })).toEqual(['T1/level-low', 'J1/pressure-low']);
    expect(keys({ text: 'low-low' })).toEqual(['T1/level-low']);
    expect(keys({ text: ' j3 ' })).toEqual(['J3/pressure-low']);
  });
});

describe('root-cause groups', () => {
  const parent = alarmView('PU1/pump-mismatch', {
    priority: 'high',
    kind: 'mismatch',
    childKeys: ['J1/pressure-low', 'J2/pressure-low'],
  });
  const children = ['J1', 'J2', 'J3'].map((id, i) =>
    alarmView(`${id}/pressure-low`, { parentKey: 'PU1/pump-mismatch', announcedAt: i }),
  );
  const groups = [
    {
      parentKey: 'PU1/pump-mismatch',
      cause: { kind: 'pump_trip' as const, linkId: 'PU1' },
      childKeys: ['J1/pressure-low', 'J2/pressure-low', 'J3/pressure-low'],
      affectedNodes: 12,
    },
  ];

  it('puts the children under their parent, newest first, with the cause', () => {
    const rows = alarmRows(byKey([parent, ...children]), groups, filter());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cause).toEqual({ kind: 'pump_trip', linkId: 'PU1' });
    expect(rows[0]!.children.map((c) => c.key)).toEqual([
      'J3/pressure-low',
      'J2/pressure-low',
      'J1/pressure-low',
    ]);
  });

  it('shows a group when only a child matches, and children alone when the parent is gone', () => {
    expect(alarmRows(byKey([parent, ...children]), groups, filter({ text: 'J2' }))).toHaveLength(1);
    expect(alarmRows(byKey(children), groups, filter())).toHaveLength(3);
  });

  it('never loses an alarm to a cycle', () => {
    const a = alarmView('A/x', { childKeys: ['B/x'], parentKey: 'B/x' });
    const b = alarmView('B/x', { childKeys: ['A/x'], parentKey: 'A/x' });
    const rows = alarmRows(byKey([a, b]), [], filter());
    expect(rows.flatMap((r) => [r.alarm.key, ...r.children.map((c) => c.key)]).sort()).toEqual([
      'A/x',
      'B/x',
    ]);
  });

  it('lists children in keyboard order only when expanded', () => {
    const rows = alarmRows(byKey([parent, ...children]), groups, filter());
    expect(visibleKeys(rows, new Set())).toEqual(['PU1/pump-mismatch']);
    expect(visibleKeys(rows, new Set(['PU1/pump-mismatch']))).toHaveLength(4);
  });
});

describe('selection, banner, badges', () => {
  it('steps through the keys, clamped, starting at an end', () => {
    const keys = ['a', 'b', 'c'];
    expect(stepSelection(keys, null, 1)).toBe('a');
    expect(stepSelection(keys, null, -1)).toBe('c');
    expect(stepSelection(keys, 'b', 1)).toBe('c');
    expect(stepSelection(keys, 'c', 1)).toBe('c');
    expect(stepSelection(keys, 'a', -1)).toBe('a');
    expect(stepSelection(keys, 'gone', 1)).toBe('a');
    expect(stepSelection([], 'a', 1)).toBeNull();
  });

  it('puts the highest-priority newest unacknowledged alarm on the banner', () => {
    const alarms = byKey([
      alarmView('J1/pressure-low', { priority: 'critical', state: 'ack_active' }),
      alarmView('J2/pressure-low', { priority: 'high', announcedAt: 1 }),
      alarmView('J3/pressure-low', { priority: 'high', announcedAt: 2, state: 'unack_rtn' }),
    ]);
    expect(bannerAlarm(alarms)?.key).toBe('J3/pressure-low');
    expect(bannerAlarm(byKey([]))).toBeNull();
  });

  it('badges each asset once with its highest priority, hiding shelved alarms', () => {
    const alarms = byKey([
      alarmView('T1/level-low', { priority: 'medium' }),
      alarmView('T1/level-low-low', { priority: 'critical', state: 'ack_active' }),
      alarmView('J1/pressure-low', { state: 'shelved' }),
      alarmView('J2/pressure-low', { state: 'ack_active' }),
    ]);
    expect(alarmBadges(alarms)).toEqual([
      { assetId: 'J2', priority: 'medium', count: 1, unacknowledged: false },
      { assetId: 'T1', priority: 'critical', count: 2, unacknowledged: true },
    ]);
  });
});
