// The live alarm engine against PostgreSQL and a real Mosquitto, fed by the real ingest's
// onDurable hook on C-Town: raise → acknowledge → clear, shelving and its expiry, restart.
import { defaultRulesFor } from '@twinhelm/alarms';
import { AlarmChangesEventSchema, type AlarmRule } from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principal } from '../services/testing/test-context';
import { AlarmHarness, SITE, until } from './testing/alarm-harness';

let h: AlarmHarness;

beforeAll(async () => {
  h = await AlarmHarness.start();
}, 120_000);

afterAll(async () => {
  await h.stop();
}, 60_000);

const lowLowOf = (assetId: string): AlarmRule => {
  const rule = defaultRulesFor({ id: assetId, type: 'junction' }).find(
    (r) => r.id === 'pressure-low-low',
  );
  if (!rule) throw new Error('junctions have a pressure-low-low rule');
  return rule;
};

const RAISED = 'J310/pressure-low-low';
const SHELVED = 'J1169/pressure-low-low';
const t0 = Date.now() - 60_000;

describe('alarm engine (C-Town, PostgreSQL, Mosquitto, ingest)', () => {
  it('raises on a sample beyond the limit, stores the acknowledgement, clears when the value returns', async () => {
    // no on-delay for this junction (also proves a rule change reloads the engine)
    await h.t.context.services.putAlarmRule(principal('planner'), {
      siteId: SITE,
      override: { assetId: 'J310', rule: { ...lowLowOf('J310'), onDelayS: 0, offDelayS: 0 } },
    });
    expect(h.engine.view(SITE)?.alarms.find((a) => a.key === RAISED)).toBeUndefined();

    const published = await h.publish('J310', t0, { pressure: 5 });
    await until(async () => (await h.alarmRow(RAISED))?.state === 'unack_active', 'the raise');
    console.log(`publish → alarm row stored: ${Date.now() - published} ms (poll every 10 ms)`);
    const raised = await h.alarmRow(RAISED);
    expect(raised).toMatchObject({ condition: true, priority: 'high' });
    expect(raised?.text).toMatch(/pressure 5/);
    expect(raised?.announcedAt?.getTime()).toBe(t0);

    const acked = await h.engine.act(
      SITE,
      RAISED,
      { type: 'acknowledge', comment: 'crew on the way' },
      'operator-7',
    );
    expect(acked).toMatchObject({
      ok: true,
      alarm: { state: 'ack_active', ackedBy: 'operator-7' },
    });
    // act resolves once stored
    expect((await h.alarmRow(RAISED))?.state).toBe('ack_active');

    await h.publish('J310', t0 + 1000, { pressure: 11.5 });
    await until(async () => (await h.alarmRow(RAISED))?.state === 'normal', 'the clear');

    const events = await h.eventsOf(RAISED);
    expect(
      events.map((e) => [e.event, e.fromState, e.toState, e.who, e.announced, e.at.getTime()]),
    ).toEqual([
      ['condition_active', 'normal', 'unack_active', 'system', true, t0],
      ['acknowledge', 'unack_active', 'ack_active', 'operator-7', false, expect.any(Number)],
      ['condition_clear', 'ack_active', 'normal', 'system', false, t0 + 1000],
    ]);
    expect(events[0]?.why).toMatch(/pressure 5/);
    expect(events[0]?.values).toMatchObject({ value: 5 });
    expect(events[1]?.why).toBe('crew on the way');
    expect(events[2]?.values).toMatchObject({ value: 11.5 });

    const view = h.engine.view(SITE)?.alarms.find((a) => a.key === RAISED);
    expect(view).toMatchObject({
      state: 'normal',
      announcedAt: t0,
      parentKey: null,
      childKeys: [],
    });
    expect(view?.response).toMatch(/\w/);
    expect(view?.consequence).toMatch(/\w/);

    const pushed = h.events.filter((e) => e.alarms.some((a) => a.key === RAISED));
    for (const event of pushed) AlarmChangesEventSchema.parse(event);
    expect(pushed.map((e) => e.alarms.find((a) => a.key === RAISED)?.state)).toEqual([
      'unack_active',
      'ack_active',
      'normal',
    ]);
    expect(pushed[0]?.announced).toEqual([RAISED]);
    const seqs = h.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    console.log('engine stats', JSON.stringify(h.engine.stats()));
  });

  it('a shelved alarm raised meanwhile is not announced, and the clock unshelves it on time', async () => {
    const until0 = h.clock.now() + 3000;
    const shelved = await h.engine.act(
      SITE,
      SHELVED,
      { type: 'shelve', until: until0, reason: 'transmitter being replaced' },
      'operator-7',
    );
    expect(shelved).toMatchObject({ ok: true, alarm: { state: 'shelved', shelvedUntil: until0 } });

    // the default low-low rule holds 15 s: two samples 20 s apart raise it
    await h.publish('J1169', t0, { pressure: 4 });
    await h.publish('J1169', t0 + 20_000, { pressure: 4 });
    await until(async () => (await h.alarmRow(SHELVED))?.condition === true, 'the raise');
    expect((await h.alarmRow(SHELVED))?.state).toBe('shelved');
    expect(h.events.some((e) => e.announced.includes(SHELVED))).toBe(false);

    h.clock.offsetMs += 5000;
    await until(async () => (await h.alarmRow(SHELVED))?.state === 'unack_active', 'the expiry');
    const events = await h.eventsOf(SHELVED);
    expect(events.map((e) => [e.event, e.fromState, e.toState, e.who, e.announced])).toEqual([
      ['shelve', 'normal', 'shelved', 'operator-7', false],
      ['condition_active', 'shelved', 'shelved', 'system', false],
      ['shelf_expired', 'shelved', 'unack_active', 'system', true],
    ]);
    expect(events[0]?.why).toBe('transmitter being replaced');
    expect(events[2]?.at.getTime()).toBeGreaterThanOrEqual(until0);
    expect(h.events.some((e) => e.announced.includes(SHELVED))).toBe(true);
  });

  it('a restart keeps every alarm, and a replay of the same samples adds no event', async () => {
    const before = h.engine.view(SITE);
    const eventsBefore = await h.t.db.prisma.alarmEvent.count();
    await h.stopEngine();
    await h.startEngine();
    const after = h.engine.view(SITE);
    expect(after?.alarms).toEqual(before?.alarms);
    expect(after?.counts).toEqual(before?.counts);
    expect(after?.seq).toBeGreaterThan(before?.seq ?? 0);

    const duplicatesBefore = h.ingest.status.ingest().duplicates;
    await h.publish('J310', t0, { pressure: 5 });
    await h.publish('J310', t0 + 1000, { pressure: 11.5 });
    await h.publish('J1169', t0, { pressure: 4 });
    await h.publish('J1169', t0 + 20_000, { pressure: 4 });
    await until(() => h.ingest.status.ingest().duplicates === duplicatesBefore + 4, 'the replay');
    await h.engine.idle();
    expect(await h.t.db.prisma.alarmEvent.count()).toBe(eventsBefore);

    // the restored condition clears when the plant recovers (for the rule's 30 s off-delay)
    await h.publish('J1169', t0 + 30_000, { pressure: 30 });
    await h.publish('J1169', t0 + 60_000, { pressure: 30 });
    await until(async () => (await h.alarmRow(SHELVED))?.state === 'unack_rtn', 'the recovery');
    expect((await h.eventsOf(SHELVED)).at(-1)).toMatchObject({
      event: 'condition_clear',
      fromState: 'unack_active',
      toState: 'unack_rtn',
    });
  });

  it('holds changes in order while the database is down, and stores and pushes them after', async () => {
    const key = 'J511/pressure-low-low';
    const failuresBefore = h.engine.stats().writeFailures;
    const pushedBefore = h.events.length;
    h.databaseDown = true;
    try {
      await h.publish('J511', t0, { pressure: 3 });
      await h.publish('J511', t0 + 20_000, { pressure: 3 });
      await h.publish('J511', t0 + 30_000, { pressure: 25 });
      await h.publish('J511', t0 + 60_000, { pressure: 25 });
      await until(() => h.engine.stats().writeFailures >= failuresBefore + 3, 'failed writes');
      expect(h.engine.stats().pendingWrites).toBeGreaterThan(0);
      expect(await h.alarmRow(key)).toBeNull();
      expect(h.events.length).toBe(pushedBefore);
    } finally {
      h.databaseDown = false;
    }
    await h.engine.idle();
    expect(await h.alarmRow(key)).toMatchObject({ state: 'unack_rtn', condition: false });
    expect((await h.eventsOf(key)).map((e) => [e.event, e.at.getTime()])).toEqual([
      ['condition_active', t0 + 20_000],
      ['condition_clear', t0 + 60_000],
    ]);
    const pushed = h.events
      .slice(pushedBefore)
      .flatMap((e) => e.alarms.filter((a) => a.key === key));
    expect(pushed.at(-1)?.state).toBe('unack_rtn');
    console.log('after the outage', JSON.stringify(h.engine.stats()));
  });

  it('answers unknown sites and keys with 404 and the nearest keys, lifecycle refusals with 409', async () => {
    const refusal = async (siteId: string, key: string) => {
      const outcome = await h.engine.act(siteId, key, { type: 'acknowledge' }, 'operator-7');
      if (outcome.ok) throw new Error(`${key}: expected a refusal`);
      return { status: outcome.status, error: outcome.error };
    };
    const site = await refusal('ctwn', RAISED);
    expect(site.status).toBe(404);
    expect(site.error).toMatch(/^ctwn: no alarms here/);
    const key = await refusal(SITE, 'J310/pressure-lowlow');
    expect(key.status).toBe(404);
    expect(key.error).toContain('(did you mean J310/pressure-low-low');
    const lifecycle = await refusal(SITE, RAISED);
    expect(lifecycle.status).toBe(409);
    expect(lifecycle.error).toMatch(/normal, nothing to acknowledge/);
  });
});
