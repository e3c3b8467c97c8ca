import {
  AlarmActionResponseSchema,
  AlarmBulkActionResponseSchema,
  AlarmDetailResponseSchema,
  AlarmListResponseSchema,
  type Role,
} from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as listRoute from '../../../app/api/sites/[siteId]/alarms/route';
import * as bulkRoute from '../../../app/api/sites/[siteId]/alarms/actions/route';
import * as alarmRoute from '../../../app/api/sites/[siteId]/alarms/[assetId]/[ruleId]/route';
import * as actRoute from '../../../app/api/sites/[siteId]/alarms/[assetId]/[ruleId]/actions/route';
import { setAppContext } from '../../app-context';
import { callRoute } from '../../scenarios/testing/call-route';
import { createAlarmServices } from './create-alarm-services';
import { createAlarmTestContext, type AlarmTestContext } from './testing/alarm-test-context';

let a: AlarmTestContext;
const HOUR = 3_600_000;
type ErrorBody = { error: { code: string; message: string; details?: { path: string }[] } };

const list = async (query = '', siteId = 'ctown', role: Role = 'viewer') =>
  callRoute(listRoute.GET, { role, params: { siteId }, query });
const alarmKey = (key: string) => {
  const [assetId = '', ruleId = ''] = key.split('/');
  return { siteId: 'ctown', assetId, ruleId };
};
const act = (role: Role, key: string, body: unknown) =>
  callRoute(actRoute.POST, { role, params: alarmKey(key), body });
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const audits = () =>
  a.t.db.prisma.auditLog.findMany({
    where: { action: { startsWith: 'alarm.' } },
    orderBy: { id: 'asc' },
  });

beforeAll(async () => {
  a = await createAlarmTestContext();
  await a.engine.condition('J511/pressure-low', true, { value: 18, setpoint: 20 });
  a.t.now.value += 1000;
  await a.engine.condition('T1/level-low-low', true, { value: 0.5, setpoint: 1 });
  a.t.now.value += 1000;
  await a.engine.condition('PU1/pump-mismatch', true);
  await a.engine.condition('PU1/pump-mismatch', false);
}, 120_000);
afterAll(async () => {
  await a.t.db.drop();
});

describe('GET alarms', () => {
  it('lists every alarm not in normal, critical first, with counts and flood state', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const body = AlarmListResponseSchema.parse(await res.json());
    expect(body.alarms.map((x) => [x.key, x.state])).toEqual([
      ['T1/level-low-low', 'unack_active'],
      ['PU1/pump-mismatch', 'unack_rtn'],
      ['J511/pressure-low', 'unack_active'],
    ]);
    expect(body.counts).toMatchObject({ unack_active: 2, unack_rtn: 1, normal: 0 });
    expect(body.flood).toMatchObject({ active: false });
    expect(body.alarms[0]).toMatchObject({
      response: 'Check upstream.',
      announcedAt: a.t.now.value - 1000,
    });
  });

  it('filters by state, priority and asset', async () => {
    const keys = async (query: string) =>
      AlarmListResponseSchema.parse(await (await list(query)).json()).alarms.map((x) => x.key);
    expect(await keys('state=unack_rtn')).toEqual(['PU1/pump-mismatch']);
    expect(await keys('priority=medium')).toEqual(['J511/pressure-low']);
    expect(await keys('assetId=T1')).toEqual(['T1/level-low-low']);
    expect(await keys('state=announced&priority=critical')).toEqual(['T1/level-low-low']);
    expect(await keys('state=all')).toHaveLength(3);
  });

  it('refuses a bad filter (400), an unknown site (404, nearest) and a site the engine does not run (503)', async () => {
    const bad = await list('state=open');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/^invalid query: state: /);
    const unknown = await list('', 'ctwn');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toBe('ctwn: unknown site (did you mean ctown?)');
    const idle = await list('', 'idle');
    expect(idle.status).toBe(503);
    expect((await errorOf(idle)).message).toMatch(
      /^idle: the alarm engine does not run this site yet/,
    );
  });

  it('answers 503 when the server runs no alarm services', async () => {
    setAppContext({ ...a.context, alarms: undefined });
    const res = await list();
    setAppContext(a.context);
    expect(res.status).toBe(503);
    expect((await errorOf(res)).message).toMatch(/^alarms are not available in this server/);
  });
});

describe('GET one alarm', () => {
  it('returns the alarm and its stored events, newest first', async () => {
    const res = await callRoute(alarmRoute.GET, {
      role: 'viewer',
      params: alarmKey('PU1/pump-mismatch'),
    });
    expect(res.status).toBe(200);
    const body = AlarmDetailResponseSchema.parse(await res.json());
    expect(body.alarm.state).toBe('unack_rtn');
    expect(body.events.map((e) => [e.event, e.from, e.to])).toEqual([
      ['condition_clear', 'unack_active', 'unack_rtn'],
      ['condition_active', 'normal', 'unack_active'],
    ]);
  });

  it('names the nearest alarm keys for an unknown one and refuses a malformed rule id', async () => {
    const res = await callRoute(alarmRoute.GET, {
      role: 'viewer',
      params: alarmKey('J511/pressure-lw'),
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe(
      'J511/pressure-lw: no alarm with this key in site ctown (did you mean J511/pressure-low?)',
    );
    const bad = await callRoute(alarmRoute.GET, {
      role: 'viewer',
      params: alarmKey('J511/Pressure Low'),
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/^invalid rule id: /);
  });
});

describe('POST an action', () => {
  it('lets an operator acknowledge (stored as an event, audited) and refuses a second (409)', async () => {
    const res = await act('operator', 'J511/pressure-low', {
      type: 'acknowledge',
      comment: 'on it',
    });
    expect(res.status).toBe(200);
    const { alarm } = AlarmActionResponseSchema.parse(await res.json());
    expect(alarm).toMatchObject({ state: 'ack_active', ackedBy: 'token:operator' });
    const [entry] = await audits();
    expect(entry).toMatchObject({
      actor: 'token:operator',
      action: 'alarm.acknowledge',
      target: 'J511/pressure-low',
      detail: { siteId: 'ctown', from: 'unack_active', to: 'ack_active', comment: 'on it' },
    });
    const again = await act('operator', 'J511/pressure-low', { type: 'acknowledge' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/J511\/pressure-low.*acknowledged/);
    expect(await audits()).toHaveLength(1);
  });

  it('refuses a viewer (403), an operator taking an alarm out of service (403), anyone suppressing (403)', async () => {
    const viewer = await act('viewer', 'T1/level-low-low', { type: 'acknowledge' });
    expect(viewer.status).toBe(403);
    expect((await errorOf(viewer)).message).toMatch(/^role viewer lacks permission alarm:act/);
    const operator = await act('operator', 'T1/level-low-low', {
      type: 'remove_from_service',
      reason: 'sensor swap',
    });
    expect(operator.status).toBe(403);
    expect((await errorOf(operator)).message).toMatch(
      /^role operator lacks permission alarm:service/,
    );
    const suppress = await act('admin', 'T1/level-low-low', {
      type: 'suppress',
      reason: 'by design',
    });
    expect(suppress.status).toBe(403);
    expect((await errorOf(suppress)).message).toMatch(/^suppress is done by the system only/);
    expect(await audits()).toHaveLength(1);
  });

  it('refuses bodies of the wrong shape with the path, and shelf times out of range', async () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'shelve', until: 'soon', reason: 'x' }, /^invalid body: until: /],
      [{ type: 'shelve', until: a.t.now.value + HOUR }, /^invalid body: reason: /],
      [{ type: 'ack' }, /^invalid body: type: Invalid discriminator value/],
      [[1, 2], /^invalid body: /],
      ['{not json', /^body is not valid JSON/],
      [
        { type: 'shelve', until: a.t.now.value - 1, reason: 'x' },
        /^shelve: until .* is not in the future/,
      ],
      [
        { type: 'shelve', until: a.t.now.value + 25 * HOUR, reason: 'x' },
        /a shelf lasts at most 24 h/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await act('operator', 'T1/level-low-low', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(res)).message).toMatch(message);
    }
  });

  it('shelves for at most 24 h, and lets an admin take an alarm out of service and back', async () => {
    const until = a.t.now.value + HOUR;
    const shelved = await act('operator', 'T1/level-low-low', {
      type: 'shelve',
      until,
      reason: 'tank cleaning',
    });
    expect(AlarmActionResponseSchema.parse(await shelved.json()).alarm).toMatchObject({
      state: 'shelved',
      shelvedUntil: until,
    });
    const out = await act('admin', 'T1/level-low-low', {
      type: 'remove_from_service',
      reason: 'level sensor replaced',
    });
    expect(out.status).toBe(200);
    const back = await act('admin', 'T1/level-low-low', { type: 'return_to_service' });
    expect(AlarmActionResponseSchema.parse(await back.json()).alarm.state).toBe('unack_active');
    const entries = (await audits()).slice(1);
    expect(entries.map((e) => [e.action, e.detail])).toEqual([
      [
        'alarm.shelve',
        { siteId: 'ctown', from: 'unack_active', to: 'shelved', until, reason: 'tank cleaning' },
      ],
      [
        'alarm.remove_from_service',
        { siteId: 'ctown', from: 'shelved', to: 'out_of_service', reason: 'level sensor replaced' },
      ],
      ['alarm.return_to_service', { siteId: 'ctown', from: 'out_of_service', to: 'unack_active' }],
    ]);
  });

  it('answers 404 with the engine’s sentence for an alarm key without a rule', async () => {
    const res = await act('operator', 'J511/pressure-hgh', { type: 'acknowledge' });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toMatch(/^J511\/pressure-hgh: no enabled rule/);
  });

  it('keeps the action and logs loudly when the audit write fails', async () => {
    const failing = new Proxy(a.t.db.prisma, {
      get: (target, name, receiver) =>
        name === 'auditLog'
          ? { create: () => Promise.reject(new Error('audit_log is unavailable')) }
          : (Reflect.get(target, name, receiver) as unknown),
    });
    const services = createAlarmServices({ ...a.deps, prisma: failing });
    const before = (await audits()).length;
    const result = await services.actOnAlarm(
      { kind: 'user', id: 'u', name: 'ada', role: 'operator' },
      {
        siteId: 'ctown',
        key: 'PU1/pump-mismatch',
        action: { type: 'comment', text: 'checking the breaker' },
      },
    );
    expect(result.alarm.state).toBe('unack_rtn');
    expect(await audits()).toHaveLength(before);
    expect(a.logs.at(-1)?.level).toBe('error');
    expect(a.logs.at(-1)?.message).toMatch(
      /^AUDIT WRITE FAILED: ada did alarm.comment on ctown\/PU1\/pump-mismatch .*audit_log is unavailable/,
    );
  });
});

describe('POST bulk actions', () => {
  it('acknowledges a group key by key, reporting refusals without stopping', async () => {
    const keys = [
      'PU1/pump-mismatch',
      'J511/pressure-low',
      'J511/pressure-lw',
      'PU1/pump-mismatch',
    ];
    const res = await callRoute(bulkRoute.POST, {
      role: 'operator',
      params: { siteId: 'ctown' },
      body: { keys, action: { type: 'acknowledge' } },
    });
    expect(res.status).toBe(200);
    const { results } = AlarmBulkActionResponseSchema.parse(await res.json());
    expect(results.map((r) => [r.key, r.ok])).toEqual([
      ['PU1/pump-mismatch', true],
      ['J511/pressure-low', false],
      ['J511/pressure-lw', false],
    ]);
    expect(results[0]).toMatchObject({ alarm: { state: 'latched' } });
    const last = (await audits()).at(-1);
    expect(last).toMatchObject({
      action: 'alarm.acknowledge',
      target: 'PU1/pump-mismatch',
      detail: { from: 'unack_rtn', to: 'latched' },
    });
  });

  it('refuses a viewer and an empty key list before doing anything; reports an engine failure per key', async () => {
    const viewer = await callRoute(bulkRoute.POST, {
      role: 'viewer',
      params: { siteId: 'ctown' },
      body: { keys: ['PU1/pump-mismatch'], action: { type: 'reset' } },
    });
    expect(viewer.status).toBe(403);
    const empty = await callRoute(bulkRoute.POST, {
      role: 'operator',
      params: { siteId: 'ctown' },
      body: { keys: [], action: { type: 'reset' } },
    });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).message).toBe('invalid body: keys: name at least one alarm');
    a.engine.failNext = new Error('connection refused');
    const res = await callRoute(bulkRoute.POST, {
      role: 'operator',
      params: { siteId: 'ctown' },
      body: { keys: ['PU1/pump-mismatch'], action: { type: 'reset' } },
    });
    const { results } = AlarmBulkActionResponseSchema.parse(await res.json());
    expect(results).toEqual([
      {
        key: 'PU1/pump-mismatch',
        ok: false,
        error:
          'PU1/pump-mismatch: not done: the alarm engine failed (the server log has the details); try again',
      },
    ]);
    expect(a.logs.at(-1)?.message).toMatch(/connection refused/);
  });
});
