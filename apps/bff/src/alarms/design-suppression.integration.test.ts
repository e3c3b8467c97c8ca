// Suppression by design and root-cause grouping on C-Town (PostgreSQL, Mosquitto, ingest):
// station PU4/PU5 feeds the zone of tank T3 (packages/alarms root-cause.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmHarness, SITE, until } from './testing/alarm-harness';

let h: AlarmHarness;

beforeAll(async () => {
  h = await AlarmHarness.start();
}, 120_000);

afterAll(async () => {
  await h.stop();
}, 60_000);

const t0 = Date.now() - 120_000;
const PUMP = 'PU4/pump-mismatch';
const ZONE = 'J1169/pressure-low-low';
const LATER = 'J292/pressure-low-low';
const OUTSIDE = 'J310/pressure-low-low';
const REASON = 'by design: downstream of PU4 out of service';

const state = async (key: string) => (await h.alarmRow(key))?.state;
const twinStatus = (pump: string) => h.twin.snapshot(SITE).state[pump]?.status?.v;

/** Two low samples 20 s apart: the default low-low rule (15 s on-delay) raises. */
async function lowPressure(junction: string, from: number): Promise<void> {
  await h.publish(junction, from, { pressure: 4 });
  await h.publish(junction, from + 20_000, { pressure: 4 });
  await until(
    async () => (await h.alarmRow(`${junction}/pressure-low-low`))?.condition === true,
    `${junction} low`,
  );
}

describe('suppression by design (C-Town, pump PU4 out of service)', () => {
  it('suppresses what PU4 cuts off once PU5 is off too, also alarms raised later; releases them on return', async () => {
    await h.publish('PU4', t0, { status: 0 });
    await h.publish('PU5', t0, { status: 1 });
    await until(() => twinStatus('PU5') === 1, 'pump states in the twin');
    await lowPressure('J1169', t0);
    await lowPressure('J310', t0);
    expect(await state(ZONE)).toBe('unack_active');

    const out = await h.engine.act(
      SITE,
      PUMP,
      { type: 'remove_from_service', reason: 'bearing replacement' },
      'admin',
    );
    expect(out).toMatchObject({ ok: true, alarm: { state: 'out_of_service' } });
    // PU5 still runs: the zone is supplied, nothing is suppressed
    expect(await state(ZONE)).toBe('unack_active');

    await h.publish('PU5', t0 + 21_000, { status: 0 });
    await until(async () => (await state(ZONE)) === 'suppressed', 'suppression once PU5 stops');
    expect(await h.alarmRow(ZONE)).toMatchObject({ condition: true });
    expect((await h.eventsOf(ZONE)).at(-1)).toMatchObject({
      event: 'suppress',
      who: 'system',
      why: REASON,
      fromState: 'unack_active',
      toState: 'suppressed',
    });
    expect(await state(OUTSIDE)).toBe('unack_active');

    const announcedBefore = h.events.flatMap((e) => e.announced);
    await lowPressure('J292', t0 + 30_000);
    expect(await state(LATER)).toBe('suppressed');
    expect(
      (await h.eventsOf(LATER)).map((e) => [e.event, e.fromState, e.toState, e.who, e.announced]),
    ).toEqual([
      ['suppress', 'normal', 'suppressed', 'system', false],
      ['condition_active', 'suppressed', 'suppressed', 'system', false],
    ]);
    expect(h.events.flatMap((e) => e.announced)).toEqual(announcedBefore);

    const back = await h.engine.act(SITE, PUMP, { type: 'return_to_service' }, 'admin');
    expect(back).toMatchObject({ ok: true, alarm: { state: 'normal' } });
    expect(await state(ZONE)).toBe('unack_active');
    expect(await state(LATER)).toBe('unack_active');
    expect((await h.eventsOf(LATER)).at(-1)).toMatchObject({
      event: 'unsuppress',
      who: 'system',
      toState: 'unack_active',
      announced: true,
    });
  });

  it('groups the zone’s low pressures under PU4 when it trips with PU5 off', async () => {
    await h.publish('PU4', t0 + 40_000, { command: 1, power: 0 });
    await h.publish('PU4', t0 + 71_000, { command: 1, power: 0 });
    await until(async () => (await state(PUMP)) === 'unack_active', 'the pump mismatch');
    await until(
      () => (h.engine.view(SITE)?.groups.length ?? 0) > 0,
      'the group in the engine view',
    );
    const view = h.engine.view(SITE);
    expect(view?.groups).toEqual([
      {
        parentKey: PUMP,
        cause: { kind: 'pump_trip', linkId: 'PU4' },
        childKeys: [ZONE, LATER],
        affectedNodes: 35,
      },
    ]);
    const byKey = new Map(view?.alarms.map((a) => [a.key, a]));
    expect(byKey.get(ZONE)?.parentKey).toBe(PUMP);
    expect(byKey.get(PUMP)?.childKeys).toEqual([ZONE, LATER]);
    expect(byKey.get(OUTSIDE)?.parentKey).toBeNull();
    const last = h.events.at(-1);
    expect(last?.groups).toEqual(view?.groups);
    console.log(
      `grouping the announced alarms of C-Town: ${JSON.stringify(h.engine.stats().groupingMs)} ms`,
    );
  });
});
