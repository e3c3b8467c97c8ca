// The alarm API over H1's real engine (startAlarmEngine) and PostgreSQL, C-Town imported:
// samples raise an alarm → the routes list it, acknowledge it (audited) → samples clear it →
// its events and the KPIs read back from the database; a shelf and its expiry.
import {
  AlarmActionResponseSchema,
  AlarmDetailResponseSchema,
  AlarmEventsResponseSchema,
  AlarmKpisResponseSchema,
  AlarmListResponseSchema,
  type Sample,
} from '@twinhelm/contracts';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eventsRoute from '../../../app/api/sites/[siteId]/alarm-events/route';
import * as kpisRoute from '../../../app/api/sites/[siteId]/alarm-kpis/route';
import * as listRoute from '../../../app/api/sites/[siteId]/alarms/route';
import * as alarmRoute from '../../../app/api/sites/[siteId]/alarms/[assetId]/[ruleId]/route';
import * as actRoute from '../../../app/api/sites/[siteId]/alarms/[assetId]/[ruleId]/actions/route';
import { pgSql } from '../../db/sql-pg';
import { callRoute, useRouteContext } from '../../scenarios/testing/call-route';
import { CTOWN } from '../../scenarios/testing/ctown';
import {
  createTestContext,
  principal,
  type TestContext,
} from '../../services/testing/test-context';
import { quietPool } from '../../testing/test-database';
import { createTwinState } from '../../twin/twin-state';
import { createAlarmServices } from './create-alarm-services';
import { startAlarmEngine, type AlarmEngine } from '../start-alarm-engine';

const SITE = 'ctown';
const KEY = 'J310/pressure-low-low';
const SHELVED = 'J1169/pressure-low-low';
const MIN = 60_000;
let t: TestContext;
let pool: pg.Pool;
let engine: AlarmEngine;
let t0 = 0;
let seq = 0;

const params = (key: string) => {
  const [assetId = '', ruleId = ''] = key.split('/');
  return { siteId: SITE, assetId, ruleId };
};
/** Pressure samples of one junction, pushed as the ingest's onDurable hook pushes them. */
async function pressure(assetId: string, points: [number, number][]): Promise<void> {
  const samples: Sample[] = points.map(([ts, value]) => ({
    siteId: SITE,
    assetId,
    metric: 'pressure',
    ts,
    value,
    seq: ++seq,
  }));
  engine.push(samples);
  await engine.idle();
}

beforeAll(async () => {
  t = await createTestContext();
  await t.context.services.importNetwork(principal('admin'), { siteId: SITE, inp: CTOWN });
  pool = quietPool(t.db.url, { max: 4 });
  const clock = () => t.now.value;
  engine = await startAlarmEngine({
    prisma: t.db.prisma,
    sql: pgSql(pool),
    twin: createTwinState(),
    clock,
    tickMs: 0,
    log: () => undefined,
  });
  useRouteContext({
    ...t.context,
    alarms: createAlarmServices({ prisma: t.db.prisma, engine, clock, log: () => undefined }),
  });
  t0 = t.now.value - 10 * MIN;
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await pool?.end();
  await t?.db.drop();
});

describe('alarm API over the real engine (C-Town, PostgreSQL)', () => {
  it('lists an alarm raised by samples, acknowledges it (audited), and shows its history once cleared', async () => {
    // the default low-low rule holds for 15 s: two samples 20 s apart raise it
    await pressure('J310', [
      [t0, 5],
      [t0 + 20_000, 5],
    ]);
    const listed = AlarmListResponseSchema.parse(
      await (await callRoute(listRoute.GET, { role: 'viewer', params: { siteId: SITE } })).json(),
    );
    expect(listed.alarms.map((a) => [a.key, a.state])).toEqual([[KEY, 'unack_active']]);

    const viewer = await callRoute(actRoute.POST, {
      role: 'viewer',
      params: params(KEY),
      body: { type: 'acknowledge' },
    });
    expect(viewer.status).toBe(403);
    const acked = await callRoute(actRoute.POST, {
      role: 'operator',
      params: params(KEY),
      body: { type: 'acknowledge', comment: 'crew on the way' },
    });
    expect(acked.status).toBe(200);
    expect(AlarmActionResponseSchema.parse(await acked.json()).alarm.state).toBe('ack_active');
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'alarm.acknowledge' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'token:operator',
        target: KEY,
        detail: {
          siteId: SITE,
          from: 'unack_active',
          to: 'ack_active',
          comment: 'crew on the way',
        },
      }),
    ]);

    // the off-delay is 30 s
    await pressure('J310', [
      [t0 + 30_000, 30],
      [t0 + 70_000, 30],
    ]);
    const detail = AlarmDetailResponseSchema.parse(
      await (await callRoute(alarmRoute.GET, { role: 'viewer', params: params(KEY) })).json(),
    );
    expect(detail.alarm.state).toBe('normal');
    expect(detail.events.map((e) => [e.event, e.from, e.to, e.who])).toEqual([
      ['condition_clear', 'ack_active', 'normal', 'system'],
      ['acknowledge', 'unack_active', 'ack_active', 'token:operator'],
      ['condition_active', 'normal', 'unack_active', 'system'],
    ]);
    expect(detail.events[2]?.values).toMatchObject({ value: 5 });

    const history = AlarmEventsResponseSchema.parse(
      await (
        await callRoute(eventsRoute.GET, {
          role: 'viewer',
          params: { siteId: SITE },
          query: `key=${KEY}&limit=2`,
        })
      ).json(),
    );
    expect(history.events.map((e) => e.event)).toEqual(['condition_clear', 'acknowledge']);
    expect(history.next).not.toBeNull();
  });

  it('computes the KPIs from what the engine stored', async () => {
    // the period is [now − 24 h, now): the acknowledgement (at the clock's now) is in a minute later
    t.now.value += MIN;
    const res = await callRoute(kpisRoute.GET, { role: 'manager', params: { siteId: SITE } });
    expect(res.status).toBe(200);
    const kpis = AlarmKpisResponseSchema.parse(await res.json());
    expect(kpis).toMatchObject({
      siteId: SITE,
      announced: 1,
      byPriority: { high: 1 },
      acknowledged: 1,
      unacknowledged: 0,
      // raised at the second sample (t0 + 20 s), acknowledged at the clock's now (t0 + 10 min)
      meanTimeToAckS: (10 * MIN - 20_000) / 1000,
      floods: 0,
      floodShare: 0,
    });
  });

  it('shelves an alarm; once the shelf has expired, unshelving is refused with the lifecycle’s reason', async () => {
    const until = t.now.value + 30 * MIN;
    const shelved = await callRoute(actRoute.POST, {
      role: 'operator',
      params: params(SHELVED),
      body: { type: 'shelve', until, reason: 'transmitter being replaced' },
    });
    expect(AlarmActionResponseSchema.parse(await shelved.json()).alarm).toMatchObject({
      state: 'shelved',
      shelvedUntil: until,
    });
    t.now.value = until + MIN;
    engine.tick(t.now.value);
    await engine.idle();
    const detail = AlarmDetailResponseSchema.parse(
      await (await callRoute(alarmRoute.GET, { role: 'viewer', params: params(SHELVED) })).json(),
    );
    expect(detail.alarm.state).toBe('normal');
    expect(detail.events[0]).toMatchObject({ event: 'shelf_expired', who: 'system' });
    const late = await callRoute(actRoute.POST, {
      role: 'operator',
      params: params(SHELVED),
      body: { type: 'unshelve' },
    });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(
      /J1169\/pressure-low-low/,
    );
    const expired = await callRoute(actRoute.POST, {
      role: 'operator',
      params: params(SHELVED),
      body: { type: 'shelve', until: t.now.value - 1, reason: 'again' },
    });
    expect(expired.status).toBe(400);
  });
});
