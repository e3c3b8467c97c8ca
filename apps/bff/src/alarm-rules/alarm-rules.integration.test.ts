import type { AlarmRuleInput } from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ruleRoute from '../../app/api/sites/[siteId]/alarm-rules/[assetId]/[ruleId]/route';
import * as siteRoute from '../../app/api/sites/[siteId]/alarm-rules/route';
import { callRoute, useRouteContext } from '../scenarios/testing/call-route';
import { CTOWN } from '../scenarios/testing/ctown';
import { createTestContext, principal, type TestContext } from '../services/testing/test-context';
import type { SiteAlarmRules } from './services/get-alarm-rules';
import type { AlarmRuleHistory } from './services/get-alarm-rule-history';
import type { AlarmRuleChange } from './services/put-alarm-rule';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  await t.context.services.importNetwork(principal('admin'), {
    siteId: 'ctown',
    name: 'C-Town',
    inp: CTOWN,
  });
  useRouteContext(t.context);
}, 120_000);

afterAll(async () => {
  await t.db.drop();
});

const pressureLow = (setpoint: number): AlarmRuleInput => ({
  id: 'pressure-low',
  version: 1,
  kind: 'threshold',
  metric: 'pressure',
  limit: 'l',
  setpoint,
  deadband: 1,
  onDelayS: 60,
  offDelayS: 30,
  priority: 'medium',
  consequence: 'Customers here get weak supply; upper floors may lose water.',
  response: 'Check the supplying pumps, tanks and valves upstream; raise supply or close a loss.',
});

const site = { siteId: 'ctown' };
const rule = (assetId: string, ruleId: string) => ({ siteId: 'ctown', assetId, ruleId });
const put = (role: 'planner' | 'viewer' | 'operator', body: unknown) =>
  callRoute(siteRoute.PUT, { role, params: site, method: 'PUT', body });
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const changes = () =>
  t.db.prisma.auditLog.findMany({ where: { action: 'alarm-rule.change' }, orderBy: { id: 'asc' } });
const stored = () => t.db.prisma.alarmRuleVersion.count();

async function effective(assetId: string) {
  const res = await callRoute(siteRoute.GET, { role: 'viewer', params: site });
  expect(res.status).toBe(200);
  const body = await json<SiteAlarmRules>(res);
  return body.assets.find((a) => a.assetId === assetId);
}

describe('alarm rules API (C-Town)', () => {
  it('GET returns the C-Town defaults for every asset', async () => {
    const j = await effective('J511');
    expect(j?.assetType).toBe('junction');
    const low = j?.rules.find((r) => r.rule.id === 'pressure-low');
    expect(low).toMatchObject({ source: 'default', override: null, rule: { setpoint: 20 } });
    const tank = await effective('T1');
    expect(tank?.rules.map((r) => r.rule.id)).toContain('time-to-empty');
    const pump = await effective('PU1');
    expect(pump?.rules.some((r) => r.rule.kind === 'mismatch')).toBe(true);
  });

  it("stores a planner's overrides as versions 1 and 2, lists both, audits both", async () => {
    const first = await put('planner', { assetId: 'J511', rule: pressureLow(25) });
    expect(first.status).toBe(200);
    const v1 = await json<AlarmRuleChange>(first);
    expect(v1).toMatchObject({ version: 1, before: { setpoint: 20 }, after: { setpoint: 25 } });
    expect(v1.after?.version).toBe(2);
    const second = await put('planner', { assetId: 'J511', rule: pressureLow(22) });
    expect((await json<AlarmRuleChange>(second)).version).toBe(2);

    const low = (await effective('J511'))?.rules.find((r) => r.rule.id === 'pressure-low');
    expect(low).toMatchObject({
      source: 'override',
      override: { version: 2, changedBy: 'token:planner' },
      rule: { setpoint: 22, version: 3, changedBy: 'token:planner' },
    });
    const history = await callRoute(ruleRoute.GET, {
      role: 'viewer',
      params: rule('J511', 'pressure-low'),
    });
    const h = await json<AlarmRuleHistory>(history);
    expect(h.default).toMatchObject({ setpoint: 20 });
    const setpoint = (v: AlarmRuleHistory['versions'][number]) =>
      v.rule?.kind === 'threshold' ? v.rule.setpoint : null;
    expect(h.versions.map((v) => [v.version, setpoint(v)])).toEqual([
      [1, 25],
      [2, 22],
    ]);
    const audit = await changes();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.detail).toMatchObject({ version: 1, before: { setpoint: 20 } });
    expect(audit[1]?.detail).toMatchObject({ version: 2, after: { setpoint: 22 } });
    expect(audit[1]?.actor).toBe('token:planner');
  });

  it('refuses a low limit above its high limit with the reason, storing nothing', async () => {
    const before = await stored();
    const res = await put('planner', { assetId: 'J511', rule: pressureLow(5) });
    expect(res.status).toBe(400);
    const body = await json<{ error: { message: string; details: { message: string }[] } }>(res);
    expect(body.error.message).toContain('J511: pressure: the low-low limit (10');
    expect(body.error.message).toContain('must be below the low limit (5');
    expect(body.error.details.length).toBeGreaterThan(0);
    expect(await stored()).toBe(before);
  });

  it('refuses a change that changes nothing', async () => {
    const res = await put('planner', { assetId: 'J511', rule: pressureLow(22) });
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain(
      'nothing changed',
    );
  });

  it('answers 404 with the nearest ids for an unknown asset or rule', async () => {
    const res = await put('planner', { assetId: 'J5111', rule: pressureLow(25) });
    expect(res.status).toBe(404);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain(
      'did you mean J511',
    );
    const r = await callRoute(ruleRoute.GET, {
      role: 'viewer',
      params: rule('J511', 'pressure-lo'),
    });
    expect(r.status).toBe(404);
    expect((await json<{ error: { message: string } }>(r)).error.message).toContain(
      'did you mean pressure-low',
    );
  });

  it('refuses viewers and operators (403) and wrong body types (400)', async () => {
    const before = await stored();
    expect((await put('viewer', { assetId: 'J511', rule: pressureLow(25) })).status).toBe(403);
    expect((await put('operator', { assetId: 'J511', rule: pressureLow(25) })).status).toBe(403);
    const bad = await put('planner', {
      assetId: 'J511',
      rule: { ...pressureLow(25), setpoint: 'high' },
    });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toContain(
      'rule.setpoint',
    );
    expect((await put('planner', 'not json{')).status).toBe(400);
    expect((await put('planner', { assetId: 'J511' })).status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('DELETE reverts to the default as a new, audited version', async () => {
    const res = await callRoute(ruleRoute.DELETE, {
      role: 'planner',
      method: 'DELETE',
      params: rule('J511', 'pressure-low'),
    });
    expect(res.status).toBe(200);
    const change = await json<AlarmRuleChange>(res);
    expect(change).toMatchObject({
      version: 3,
      reverted: true,
      after: { setpoint: 20, version: 4 },
    });
    const low = (await effective('J511'))?.rules.find((r) => r.rule.id === 'pressure-low');
    expect(low).toMatchObject({
      source: 'reverted',
      override: { version: 3 },
      rule: { setpoint: 20 },
    });
    const audit = await changes();
    expect(audit.at(-1)?.detail).toMatchObject({ version: 3, reverted: true });
    const again = await callRoute(ruleRoute.DELETE, {
      role: 'planner',
      method: 'DELETE',
      params: rule('J511', 'pressure-low'),
    });
    expect(again.status).toBe(409);
    const viewer = await callRoute(ruleRoute.DELETE, {
      role: 'viewer',
      method: 'DELETE',
      params: rule('J511', 'pressure-low'),
    });
    expect(viewer.status).toBe(403);
  });

  it('answers simultaneous changes of one rule with stored versions or 409, never a 500', async () => {
    const before = await t.db.prisma.alarmRuleVersion.count({
      where: { assetId: 'J411', ruleId: 'pressure-low' },
    });
    const answers = await Promise.all(
      [14, 15, 16, 17, 18].map((setpoint) =>
        put('planner', { assetId: 'J411', rule: pressureLow(setpoint) }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const ok = statuses.filter((s) => s === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1);
    const versions = await t.db.prisma.alarmRuleVersion.findMany({
      where: { assetId: 'J411', ruleId: 'pressure-low' },
      select: { version: true },
    });
    expect(versions.length - before).toBe(ok);
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
    for (const refused of answers.filter((r) => r.status === 409)) {
      expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(
        /changed by someone else meanwhile/,
      );
    }
  });
});
