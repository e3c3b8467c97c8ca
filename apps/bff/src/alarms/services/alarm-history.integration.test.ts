import {
  AlarmEventsResponseSchema,
  AlarmKpisResponseSchema,
  type Principal,
  type Role,
} from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eventsRoute from '../../../app/api/sites/[siteId]/alarm-events/route';
import * as kpisRoute from '../../../app/api/sites/[siteId]/alarm-kpis/route';
import { callRoute } from '../../scenarios/testing/call-route';
import { createAlarmTestContext, type AlarmTestContext } from './testing/alarm-test-context';

const H = 3_600_000;
let a: AlarmTestContext;
let END = 0;
const operator: Principal = { kind: 'user', id: 'u', name: 'ada', role: 'operator' };

const events = (query: string, role: Role = 'viewer') =>
  callRoute(eventsRoute.GET, { role, params: { siteId: 'ctown' }, query });
const kpis = (query: string, role: Role = 'manager', siteId = 'ctown') =>
  callRoute(kpisRoute.GET, { role, params: { siteId }, query });
const message = async (res: Response) =>
  ((await res.json()) as { error: { message: string } }).error.message;

/** The history: 48 h after the context's start; the KPI period is the last 24 h of it. */
beforeAll(async () => {
  a = await createAlarmTestContext();
  END = a.t.now.value + 48 * H;
  const at = (hoursBeforeEnd: number) => END - hoursBeforeEnd * H;
  const ack = async (key: string, hoursBeforeEnd: number) => {
    a.t.now.value = at(hoursBeforeEnd);
    await a.services.actOnAlarm(operator, {
      siteId: 'ctown',
      key,
      action: { type: 'acknowledge' },
    });
  };
  const { engine } = a;
  // A tank alarm raised, acknowledged and cleared long before the period.
  await engine.condition('T1/level-low-low', true, { value: 0.5 }, at(40));
  await ack('T1/level-low-low', 39);
  await engine.condition('T1/level-low-low', false, { value: 2 }, at(38));
  // Standing: raised 30 h before the end, never acknowledged nor cleared.
  await engine.condition('J511/pressure-low', true, { value: 18 }, at(30));
  // Raised before the period, acknowledged 2 h later inside it.
  await engine.condition('T1/level-low-low', true, { value: 0.5 }, at(25));
  await ack('T1/level-low-low', 23);
  await engine.condition('T1/level-low-low', false, { value: 2 }, at(22));
  // Stale data for an hour.
  await engine.condition('T1/stale', true, {}, at(5));
  await engine.condition('T1/stale', false, {}, at(4));
  // Chattering: four activations within a minute.
  for (let i = 0; i < 4; i++) {
    await engine.condition('J511/pressure-low-low', true, { value: 9 }, at(3) + i * 10_000);
    await engine.condition(
      'J511/pressure-low-low',
      false,
      { value: 12 },
      at(3) + i * 10_000 + 5_000,
    );
  }
  // A pump trip acknowledged after a minute; latched when it clears.
  await engine.condition('PU1/pump-mismatch', true, { command: 1, feedback: 0 }, at(2));
  await ack('PU1/pump-mismatch', 2 - 1 / 60);
  await engine.condition('PU1/pump-mismatch', false, {}, at(1));
  const flood = (startedH: number, endedH: number | null) => ({
    siteId: 'ctown',
    startedAt: new Date(at(startedH)),
    endedAt: endedH === null ? null : new Date(at(endedH)),
    peakCount: 12,
    windowMs: 600_000,
  });
  await a.t.db.prisma.alarmFlood.createMany({
    data: [flood(26, 23), flood(10, 9.5), flood(1, null), flood(50, 49)],
  });
  a.t.now.value = END;
}, 120_000);
afterAll(async () => {
  await a.t.db.drop();
});

describe('GET alarm-kpis', () => {
  it('computes the last 24 h by default, with state carried in from before the period', async () => {
    const res = await kpis('');
    expect(res.status).toBe(200);
    const body = AlarmKpisResponseSchema.parse(await res.json());
    expect(body).toMatchObject({
      siteId: 'ctown',
      from: END - 24 * H,
      to: END,
      operators: 1,
      announced: 6,
      byPriority: { critical: 0, high: 5, medium: 0, low: 1 },
      peakPer10Min: 4,
      meanTimeToAckS: (7200 + 60) / 2,
      acknowledged: 2,
      unacknowledged: 3,
      floods: 2,
    });
    expect(body.alarmsPerOperatorHour).toBeCloseTo(6 / 24);
    expect(body.floodShare).toBeCloseTo(2.5 / 24);
    expect(body.standing).toEqual([
      expect.objectContaining({
        alarmKey: 'J511/pressure-low',
        since: END - 30 * H,
        ongoing: true,
        activeS: 30 * 3600,
      }),
    ]);
    expect(body.chattering).toEqual([
      expect.objectContaining({
        alarmKey: 'J511/pressure-low-low',
        activations: 4,
        maxPerMinute: 4,
      }),
    ]);
    expect(body.staleData).toEqual([
      expect.objectContaining({ alarmKey: 'T1/stale', activeS: 3600, ongoing: false }),
    ]);
  });

  it('takes a period in epoch ms or ISO-8601 and divides by the operator positions', async () => {
    const from = new Date(END - 6 * H).toISOString();
    const body = AlarmKpisResponseSchema.parse(
      await (await kpis(`from=${from}&to=${END}&operators=2`)).json(),
    );
    expect(body).toMatchObject({
      from: END - 6 * H,
      to: END,
      operators: 2,
      announced: 6,
      floods: 1,
    });
    expect(body.alarmsPerOperatorHour).toBeCloseTo(6 / 12);
    expect(body.floodShare).toBeCloseTo(1 / 6);
  });

  it('refuses bad periods and operator counts (400) and unknown sites (404)', async () => {
    const cases: [string, RegExp][] = [
      [
        'from=yesterday',
        /^invalid query: from: "yesterday" is not a time: give epoch milliseconds/,
      ],
      ['operators=0', /^invalid query: operators: expected the number of operator positions/],
      ['operators=two', /^invalid query: operators: /],
      [`from=${END - 40 * 24 * H}`, /is 40 days long; KPIs cover at most 31 days/],
      [`from=${END}&to=${END - H}`, /^from \(.+\) must be before to/],
    ];
    for (const [query, expected] of cases) {
      const res = await kpis(query);
      expect(res.status, query).toBe(400);
      expect(await message(res)).toMatch(expected);
    }
    const unknown = await kpis('', 'manager', 'c-town');
    expect(unknown.status).toBe(404);
    expect(await message(unknown)).toBe('c-town: unknown site (did you mean ctown?)');
  });
});

describe('GET alarm-events', () => {
  it('pages one alarm’s history newest first', async () => {
    const first = AlarmEventsResponseSchema.parse(
      await (await events('key=J511/pressure-low-low&limit=3')).json(),
    );
    expect(first.events.map((e) => e.event)).toEqual([
      'condition_clear',
      'condition_active',
      'condition_clear',
    ]);
    expect(first.next).not.toBeNull();
    const rest = AlarmEventsResponseSchema.parse(
      await (await events(`key=J511/pressure-low-low&limit=10&before=${first.next}`)).json(),
    );
    expect(rest.events).toHaveLength(5);
    expect(rest.next).toBeNull();
    const whens = [...first.events, ...rest.events].map((e) => e.when);
    expect(whens).toEqual([...whens].sort((x, y) => y - x));
    expect(rest.events.at(-1)).toMatchObject({
      from: 'normal',
      to: 'unack_active',
      announced: true,
      values: { value: 9 },
    });
  });

  it('filters the whole site by [from, to) and shows who acknowledged', async () => {
    const window = AlarmEventsResponseSchema.parse(
      await (await events(`from=${END - 5 * H}&to=${END - 4 * H}`)).json(),
    );
    expect(window.events.map((e) => [e.alarmKey, e.event])).toEqual([
      ['T1/stale', 'condition_active'],
    ]);
    const acks = AlarmEventsResponseSchema.parse(
      await (await events(`key=PU1/pump-mismatch`)).json(),
    ).events.filter((e) => e.event === 'acknowledge');
    expect(acks).toEqual([
      expect.objectContaining({ who: 'ada', from: 'unack_active', to: 'ack_active' }),
    ]);
  });

  it('refuses bad values saying which and the form expected, and unknown keys with the nearest', async () => {
    const cases: [string, RegExp][] = [
      ['from=noon', /^invalid query: from: "noon" is not a time/],
      ['limit=0', /^invalid query: limit: expected a whole number from 1 to 500/],
      ['before=last', /^invalid query: before: expected the `next` value/],
      ['key=J511', /^invalid query: key: expected <assetId>\/<ruleId>/],
      [`from=${END}&to=${END - H}`, /^from \(.+\) must be before to/],
    ];
    for (const [query, expected] of cases) {
      const res = await events(query);
      expect(res.status, query).toBe(400);
      expect(await message(res)).toMatch(expected);
    }
    const unknown = await events('key=J511/pressure-lowlow');
    expect(unknown.status).toBe(404);
    expect(await message(unknown)).toBe(
      'J511/pressure-lowlow: no alarm with this key in site ctown (did you mean J511/pressure-low-low, J511/pressure-low?)',
    );
  });
});
