import { randomUUID } from 'node:crypto';
import type { AlarmAdvice } from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postAdvice } from '../../app/api/sites/[siteId]/alarm-advice/route';
import { GET as getAdviceRoute } from '../../app/api/sites/[siteId]/alarm-advice/[id]/route';
import { POST as postDecision } from '../../app/api/sites/[siteId]/alarm-advice/[id]/decision/route';
import { callRoute } from '../scenarios/testing/call-route';
import { principal } from '../services/testing/test-context';
import { insertAdvice } from './advice-store';
import { createAdviceTestContext, type AdviceTestContext } from './testing/advice-test-context';

const operator = principal('operator');
const site = { siteId: 'ctown' };

/** The status and message of a refused request. */
async function refusal(res: Response): Promise<{ status: number; message: string }> {
  const body = (await res.json()) as { error?: { message?: string } };
  return { status: res.status, message: body.error?.message ?? '' };
}

describe('alarm advice: the what-if built from the alarms, and bad input refused', () => {
  let t: AdviceTestContext;
  let done: AlarmAdvice;
  const post = (body: unknown, role: 'operator' | 'viewer' = 'operator', siteId = 'ctown') =>
    callRoute(postAdvice, { role, params: { siteId }, body });
  const decide = (id: string, body: unknown) =>
    callRoute(postDecision, { role: 'operator', params: { ...site, id }, body });

  beforeAll(async () => {
    // One run per what-if (no ensemble): these tests need a finished advice, not its bands.
    t = await createAdviceTestContext({ members: 1 });
    await t.insertAlarm({
      assetId: 'PU1',
      ruleId: 'pump-mismatch',
      kind: 'mismatch',
      metric: 'command',
      values: { command: 1, feedback: 0 },
    });
    const { id } = await t.advice.services.requestAdvice(operator, {
      ...site,
      alarmKey: 'PU1/pump-mismatch',
    });
    done = await t.untilEnded(id);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it("a suspected burst: placed at the pipe's junction end, sized, with the active trip held off", async () => {
    await t.insertAlarm({
      assetId: 'P1',
      ruleId: 'flow-high',
      kind: 'threshold',
      metric: 'flow',
      sense: 'high',
      values: { value: 55, setpoint: 40 },
    });
    const { id } = await t.advice.services.requestAdvice(operator, {
      ...site,
      alarmKey: 'P1/flow-high',
    });
    const advice = await t.advice.services.getAdvice(operator, { ...site, id });
    expect(advice).toMatchObject({
      cause: 'burst',
      quantity: { assetId: 'P1', metric: 'flow', extreme: 'max', limit: 40 },
      perturbations: [
        {
          type: 'burst',
          assetId: 'J174',
          size: { kind: 'coefficient', lpsPerSqrtM: 2.739 },
          startS: 0,
          endS: 14_400,
        },
        { type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 14_400 },
      ],
    });
    expect(advice.assumptions.join('\n')).toMatch(/placed at J174 .* 15 L\/s at 30 m/);
    const pressure = await t.insertAlarm({
      assetId: 'J10',
      ruleId: 'pressure-low-low',
      kind: 'threshold',
      metric: 'pressure',
      sense: 'low',
      values: { value: 8, setpoint: 10 },
    });
    const low = await t.advice.services.requestAdvice(operator, { ...site, alarmKey: pressure });
    expect(await t.advice.services.getAdvice(operator, { ...site, id: low.id })).toMatchObject({
      cause: 'pressure_low',
      quantity: { assetId: 'J10', metric: 'pressure', extreme: 'min', limit: 10 },
    });
  });

  it('an unknown alarm: 404 with the nearest keys; an unknown site: 404 with the nearest ids', async () => {
    const unknown = await refusal(await post({ alarmKey: 'PU1/pump-mismatc' }));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toMatch(
      /no such alarm at site ctown \(did you mean PU1\/pump-mismatch\?\)/,
    );
    const site = await refusal(await post({ alarmKey: 'PU1/pump-mismatch' }, 'operator', 'ctwon'));
    expect(site).toMatchObject({ status: 404 });
    expect(site.message).toMatch(/unknown site \(did you mean ctown\?\)/);
  });

  it('an alarm without an operational cause, or no longer active: 409 saying why', async () => {
    await t.insertAlarm({ assetId: 'J10', ruleId: 'stale', kind: 'stale' });
    const stale = await refusal(await post({ alarmKey: 'J10/stale' }));
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/stale data: .*nothing to simulate/);
    await t.insertAlarm({
      assetId: 'PU3',
      ruleId: 'vibration-high',
      kind: 'threshold',
      metric: 'vibration',
      sense: 'high',
    });
    expect((await refusal(await post({ alarmKey: 'PU3/vibration-high' }))).message).toMatch(
      /machine's condition \(vibration\)/,
    );
    await t.insertAlarm({
      assetId: 'J10',
      ruleId: 'pressure-low',
      kind: 'threshold',
      metric: 'pressure',
      sense: 'low',
      condition: false,
      state: 'unack_rtn',
    });
    const cleared = await refusal(await post({ alarmKey: 'J10/pressure-low' }));
    expect(cleared.status).toBe(409);
    expect(cleared.message).toMatch(/J10\/pressure-low is not active \(state unack_rtn/);
  });

  it('wrong body types and roles: 400 naming the field, 403', async () => {
    const bodies = [
      { alarmKey: 5 },
      {},
      { alarmKey: 'PU1' },
      { alarmKey: 'PU1/pump-mismatch', extra: 1 },
      'not json',
    ];
    for (const body of bodies) expect((await post(body)).status).toBe(400);
    expect((await refusal(await post({ alarmKey: 5 }))).message).toMatch(/invalid body: alarmKey/);
    expect((await post({ alarmKey: 'PU1/pump-mismatch' }, 'viewer')).status).toBe(403);
    const decisions = [
      { rank: '1', decision: 'approved' },
      { rank: 1, decision: 'ok' },
      { rank: 0, decision: 'rejected' },
      { decision: 'approved' },
    ];
    for (const body of decisions) expect((await decide(done.id, body)).status).toBe(400);
  });

  it('a decision on an unknown rank, advice or an advice not done yet: 404, 404, 409', async () => {
    expect(done.status).toBe('done');
    const ranks = done.recommendations.map((r) => r.rank).join(', ');
    const rank = await refusal(await decide(done.id, { rank: 99, decision: 'approved' }));
    expect(rank.status).toBe(404);
    expect(rank.message).toContain(`has no recommendation of rank 99: its ranks are ${ranks}`);
    expect(
      (await refusal(await decide('nope', { rank: 1, decision: 'approved' }))).message,
    ).toMatch(/no such advice at site ctown/);
    const missing = await callRoute(getAdviceRoute, {
      role: 'viewer',
      params: { ...site, id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.status).toBe(404);

    const pending = randomUUID();
    await insertAdvice(t.scenarios.sql, {
      id: pending,
      siteId: 'ctown',
      alarmKey: 'PU1/pump-mismatch',
      assetId: 'PU1',
      ruleId: 'pump-mismatch',
      cause: 'pump_trip',
      horizonS: 14_400,
      members: 1,
      scenarioId: randomUUID(),
      perturbations: [],
      assumptions: [],
      quantity: null,
      requestedBy: 'operator',
      principal: operator,
      requestedAt: t.now.value,
    });
    await t.scenarios.sql.query(
      `UPDATE alarm_advice SET stage = 'effects', status = 'running', effect_scenarios = '[]'
       WHERE id = $1::uuid`,
      [pending],
    );
    const early = await refusal(await decide(pending, { rank: 1, decision: 'rejected' }));
    expect(early.status).toBe(409);
    expect(early.message).toMatch(/is running: decide once it is done/);
    // Asking again while it runs answers the advice in progress instead of a second run.
    const again = await post({ alarmKey: 'PU1/pump-mismatch' });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).toBe(pending);
  });
});
