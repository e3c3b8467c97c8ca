import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALARM_STATES, type AlarmChangesEvent, type AlarmView } from '@twinhelm/contracts';
import { AlarmStore } from './alarm-store';
import { alarmChanges, alarmList, alarmView } from './test-fixtures';

const KEYS = ['J1/pressure-low', 'J2/pressure-low', 'T1/level-low', 'PU1/pump-mismatch'];

/** Random server histories: seq 1..n, each change setting 1-3 alarms to some state. */
const historyArb = fc
  .array(
    fc.array(
      fc.record({
        key: fc.constantFrom(...KEYS),
        state: fc.constantFrom(...ALARM_STATES),
        announce: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((steps) =>
    steps.map((changes, i) => {
      const seq = i + 1;
      const alarms = changes.map((c) => alarmView(c.key, { state: c.state, updatedAt: seq }));
      return alarmChanges(
        seq,
        alarms,
        changes.filter((c) => c.announce).map((c) => c.key),
      );
    }),
  );

/** The reference: the alarms shown after applying the first `upTo` changes in order. */
function truth(history: AlarmChangesEvent[], upTo: number): Map<string, AlarmView> {
  const shown = new Map<string, AlarmView>();
  for (const event of history.slice(0, upTo)) {
    for (const alarm of event.alarms) {
      if (alarm.state === 'normal') shown.delete(alarm.key);
      else shown.set(alarm.key, alarm);
    }
  }
  return shown;
}

/** A delivery: every change at least once, in any order, some twice. */
const deliveryArb = (history: AlarmChangesEvent[]) =>
  fc
    .tuple(
      fc.shuffledSubarray(history, { minLength: 0, maxLength: history.length }),
      fc.array(fc.nat(), { minLength: history.length, maxLength: history.length }),
    )
    .map(([dupes, keys]) => {
      const all = [...history, ...dupes];
      return all
        .map((event, i) => ({ event, order: keys[i % keys.length]! + i / 1000 }))
        .sort((a, b) => a.order - b.order)
        .map((x) => x.event);
    });

describe('AlarmStore', () => {
  it('shows nothing before the first list and holds changes until then', () => {
    const store = new AlarmStore('ctown');
    store.receive(alarmChanges(3, [alarmView('J1/pressure-low')]));
    expect(store.getSnapshot().loaded).toBe(false);
    store.loadList(alarmList(2, []));
    expect([...store.getSnapshot().byKey.keys()]).toEqual(['J1/pressure-low']);
    expect(store.getSnapshot().seq).toBe(3);
  });

  it('drops changes already in the list and alarms back to normal', () => {
    const store = new AlarmStore('ctown');
    store.loadList(alarmList(5, [alarmView('J1/pressure-low')]));
    store.receive(alarmChanges(5, [alarmView('J2/pressure-low')]));
    expect(store.getSnapshot().byKey.has('J2/pressure-low')).toBe(false);
    store.receive(alarmChanges(6, [alarmView('J1/pressure-low', { state: 'normal' })]));
    expect(store.getSnapshot().byKey.size).toBe(0);
  });

  it('holds a change ahead of a missing one and reports the gap', () => {
    const store = new AlarmStore('ctown');
    store.loadList(alarmList(1, []));
    store.receive(alarmChanges(3, [alarmView('J2/pressure-low')]));
    expect(store.hasGap()).toBe(true);
    expect(store.getSnapshot().seq).toBe(1);
    store.receive(alarmChanges(2, [alarmView('J1/pressure-low')]));
    expect(store.hasGap()).toBe(false);
    expect(store.getSnapshot().seq).toBe(3);
    expect(store.getSnapshot().byKey.size).toBe(2);
  });

  it('takes a list with a lower seq after a resync (the server restarted)', () => {
    const store = new AlarmStore('ctown');
    store.loadList(alarmList(40, [alarmView('J1/pressure-low')]));
    expect(store.loadList(alarmList(2, []))).toEqual([]);
    expect(store.getSnapshot().seq).toBe(40);
    store.beginResync();
    store.loadList(alarmList(2, [alarmView('T1/level-low')]));
    expect(store.getSnapshot().seq).toBe(2);
    expect([...store.getSnapshot().byKey.keys()]).toEqual(['T1/level-low']);
  });

  it('announces only announced keys in states operators see', () => {
    const store = new AlarmStore('ctown');
    store.loadList(alarmList(0, []));
    const shelved = alarmView('J2/pressure-low', { state: 'shelved' });
    const raised = alarmView('J1/pressure-low', { priority: 'critical' });
    const announced = store.receive(
      alarmChanges(1, [raised, shelved], ['J1/pressure-low', 'J2/pressure-low']),
    );
    expect(announced.map((a) => a.key)).toEqual(['J1/pressure-low']);
  });

  it('ignores lists and changes of another site', () => {
    const store = new AlarmStore('ctown');
    store.loadList(alarmList(0, [alarmView('J1/pressure-low')], 'other'));
    expect(store.getSnapshot().loaded).toBe(false);
    store.loadList(alarmList(0, []));
    store.receive(alarmChanges(1, [alarmView('J1/pressure-low')], [], 'other'));
    expect(store.getSnapshot().seq).toBe(0);
  });

  it('property: any order and any duplicates end exactly where in-order delivery does', () => {
    fc.assert(
      fc.property(
        historyArb.chain((history) => fc.tuple(fc.constant(history), deliveryArb(history))),
        ([history, delivery]) => {
          const store = new AlarmStore('ctown');
          store.loadList(alarmList(0, []));
          const announced: string[] = [];
          for (const event of delivery)
            for (const a of store.receive(event)) announced.push(`${a.seq}:${a.key}`);
          const end = store.getSnapshot();
          expect(end.seq).toBe(history.length);
          expect(end.byKey).toEqual(truth(history, history.length));
          expect(store.hasGap()).toBe(false);
          // Each announcement once, only for visible states.
          const expected = history.flatMap((event) =>
            [...new Set(event.announced)]
              .filter((key) => {
                const state = event.alarms.find((a) => a.key === key)!.state;
                return ['unack_active', 'ack_active', 'unack_rtn', 'latched'].includes(state);
              })
              .map((key) => `${event.seq}:${key}`),
          );
          expect(announced.toSorted()).toEqual(expected.toSorted());
        },
      ),
    );
  });

  it('property: a resync list taken at any point, with changes around it, ends at the truth', () => {
    fc.assert(
      fc.property(
        historyArb.chain((history) =>
          fc.tuple(
            fc.constant(history),
            deliveryArb(history),
            fc.nat({ max: history.length }),
            fc.nat(),
          ),
        ),
        ([history, delivery, listSeq, cut]) => {
          const store = new AlarmStore('ctown');
          store.loadList(alarmList(0, []));
          const at = cut % (delivery.length + 1);
          const before = delivery.slice(0, at);
          for (const event of before) store.receive(event);
          store.beginResync();
          // The list is read after the resync began: it holds at least what arrived before.
          const seq = Math.max(listSeq, ...before.map((e) => e.seq));
          const list = alarmList(seq, [...truth(history, seq).values()]);
          // Changes already stored when the list was read may still arrive after it.
          for (const event of delivery.slice(at)) store.receive(event);
          store.loadList(list);
          expect(store.hasGap()).toBe(false);
          expect(store.getSnapshot().byKey).toEqual(truth(history, history.length));
          expect(store.getSnapshot().seq).toBe(history.length);
        },
      ),
    );
  });

  it('property: a change that never arrives leaves a gap until the list is fetched again', () => {
    fc.assert(
      fc.property(
        historyArb
          .filter((h) => h.length >= 2)
          .chain((history) =>
            fc.tuple(fc.constant(history), fc.integer({ min: 1, max: history.length - 1 })),
          ),
        ([history, missing]) => {
          const store = new AlarmStore('ctown');
          store.loadList(alarmList(0, []));
          for (const event of history) if (event.seq !== missing) store.receive(event);
          expect(store.getSnapshot().seq).toBe(missing - 1);
          expect(store.getSnapshot().byKey).toEqual(truth(history, missing - 1));
          expect(store.hasGap()).toBe(true);
          store.beginResync();
          store.loadList(alarmList(missing, [...truth(history, missing).values()]));
          expect(store.hasGap()).toBe(false);
          expect(store.getSnapshot().byKey).toEqual(truth(history, history.length));
        },
      ),
    );
  });
});
