import { AlarmAdviceSchema, type AlarmAdvice } from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postAdvice } from '../../app/api/sites/[siteId]/alarm-advice/route';
import { GET as getAdviceRoute } from '../../app/api/sites/[siteId]/alarm-advice/[id]/route';
import { POST as postDecision } from '../../app/api/sites/[siteId]/alarm-advice/[id]/decision/route';
import { callRoute } from '../scenarios/testing/call-route';
import { principal } from '../services/testing/test-context';
import { interpolate } from './judge-check';
import { createAdviceTestContext, type AdviceTestContext } from './testing/advice-test-context';

const operator = principal('operator');
const site = { siteId: 'ctown' };

describe('alarm advice on C-Town: a tripped pump → ranked actions → approval → check', () => {
  let t: AdviceTestContext;
  let done: AlarmAdvice;
  beforeAll(async () => {
    t = await createAdviceTestContext();
    await t.insertAlarm({
      assetId: 'PU1',
      ruleId: 'pump-mismatch',
      kind: 'mismatch',
      metric: 'command',
      latched: true,
      values: { command: 1, feedback: 0, feedbackMin: 1 },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('simulates the trip from the current state and gives each recommendation its effect and uncertainty', async () => {
    const started = performance.now();
    const res = await callRoute(postAdvice, {
      role: 'operator',
      params: site,
      body: { alarmKey: 'PU1/pump-mismatch' },
    });
    expect(res.status).toBe(202);
    const { id, scenarioId } = (await res.json()) as { id: string; scenarioId: string };
    done = await t.untilEnded(id);
    const base = await t.services.getScenario(operator, { id: scenarioId });
    console.log(
      `[alarm-advice] baseline what-if (20 members + candidates): ${Math.round((base.finishedAt ?? 0) - base.createdAt)} ms`,
    );
    console.log(
      `[alarm-advice] C-Town PU1 trip, ${t.config.horizonS / 3600} h, ${t.config.members} members: request → recommendations with effects in ${Math.round(performance.now() - started)} ms`,
    );
    expect(AlarmAdviceSchema.parse(done)).toEqual(done);
    expect(done).toMatchObject({ status: 'done', cause: 'pump_trip', scenarioId, error: null });
    expect(done.perturbations).toEqual([
      { type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 14_400 },
    ]);
    expect(done.quantity).toMatchObject({ assetId: 'T1', metric: 'level', extreme: 'min' });
    expect(done.baseline?.times).toHaveLength(17);
    expect(done.baseline?.p5).toHaveLength(17);
    expect(done.recommendations.length).toBeGreaterThan(0);
    for (const r of done.recommendations) {
      expect(r.scenarioId).not.toBeNull();
      expect(r.effectError).toBeNull();
      expect(r.effect?.extremeRange?.p5).toBeLessThanOrEqual(r.effect?.extremeRange?.p95 ?? NaN);
      expect(r.effect?.violationProbability).toBeGreaterThanOrEqual(0);
      expect(r.actions.length).toBeGreaterThan(0);
    }
    const scenario = await t.services.getScenario(operator, { id: scenarioId });
    expect(scenario.ensemble?.members).toBe(20);
    expect(scenario.request.recommend).toBe(true);
    expect(t.events).toContainEqual(expect.objectContaining({ adviceId: id, status: 'done' }));
    const read = await callRoute(getAdviceRoute, { role: 'viewer', params: { ...site, id } });
    expect(((await read.json()) as AlarmAdvice).recommendations).toHaveLength(
      done.recommendations.length,
    );
  }, 240_000);

  it('audits an approval with the scenario and the alarm key, and checks it afterwards', async () => {
    const best = done.recommendations[0];
    if (!best?.effect) throw new Error('no recommendation to approve');
    const approvedAt = t.now.value;
    const res = await callRoute(postDecision, {
      role: 'operator',
      params: { ...site, id: done.id },
      body: { rank: best.rank, decision: 'approved', comment: 'starting it' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: done.id,
      rank: best.rank,
      decision: 'approved',
      checkDueAt: approvedAt + 240_000,
    });
    const audit = await t.services.listAudit(principal('admin'), {
      action: 'alarm.advice.approve',
      limit: 5,
    });
    expect(audit.entries[0]).toMatchObject({
      actor: 'token:operator',
      target: done.id,
      detail: {
        alarmKey: 'PU1/pump-mismatch',
        scenarioId: done.scenarioId,
        rank: best.rank,
        actions: best.actions,
        deltas: best.deltas,
        comment: 'starting it',
      },
    });
    const scenarioAudit = await t.services.listAudit(principal('admin'), {
      action: 'recommendation.approve',
      limit: 5,
    });
    expect(scenarioAudit.entries[0]).toMatchObject({
      target: done.scenarioId,
      detail: { rank: best.rank },
    });

    // Measurements that follow the prediction: wall seconds × 60 = plant seconds.
    const { times, values } = best.effect;
    const samples = Array.from({ length: 25 }, (_, i) => {
      const wallS = i * 10;
      return {
        ts: approvedAt + wallS * 1000,
        value: interpolate(times, values, wallS * 60) + 0.02,
      };
    });
    await insertLevels(samples);
    expect(await t.advice.startChecker(3_600_000).runOnce()).toBe(0);
    t.now.value = approvedAt + 241_000;
    expect(await t.advice.startChecker(3_600_000).runOnce()).toBe(1);
    const after = await t.advice.services.getAdvice(operator, { ...site, id: done.id });
    const check = after.recommendations.find((r) => r.rank === best.rank)?.check;
    expect(check).toMatchObject({
      verdict: 'as_predicted',
      assetId: 'T1',
      metric: 'level',
      timeScale: 60,
    });
    expect(check?.numbers).toMatchObject({ points: 25, withinBand: 1 });
    expect(check?.numbers?.meanAbsError).toBeCloseTo(0.02, 3);
    expect(after.recommendations.find((r) => r.rank === best.rank)?.decisions).toEqual([
      expect.objectContaining({
        decision: 'approved',
        by: 'token:operator',
        comment: 'starting it',
      }),
    ]);
    const checked = await t.services.listAudit(principal('admin'), {
      action: 'recommendation.check',
      limit: 5,
    });
    expect(checked.entries[0]).toMatchObject({
      actor: 'system',
      detail: { verdict: 'as_predicted', alarmKey: 'PU1/pump-mismatch' },
    });
    expect(t.events.at(-1)).toMatchObject({
      adviceId: done.id,
      check: { verdict: 'as_predicted' },
    });
  }, 60_000);

  it('marks a recommendation deviated when the level does something else, no_data without samples', async () => {
    const [, second, third] = done.recommendations;
    expect(second?.effect).toBeTruthy();
    if (!second?.effect) return;
    t.now.value += 3_600_000;
    const approvedAt = t.now.value;
    const approve = (rank: number) =>
      t.advice.services.decideAdvice(operator, {
        ...site,
        id: done.id,
        body: { rank, decision: 'approved' },
      });
    await approve(second.rank);
    const max = Math.max(...second.effect.values);
    await insertLevels(
      Array.from({ length: 20 }, (_, i) => ({ ts: approvedAt + i * 12_000, value: max + 1.5 })),
    );
    t.now.value = approvedAt + 241_000;
    expect(await t.advice.startChecker(3_600_000).runOnce()).toBe(1);
    let after = await t.advice.services.getAdvice(operator, { ...site, id: done.id });
    const check = after.recommendations.find((r) => r.rank === second.rank)?.check;
    expect(check?.verdict).toBe('deviated');
    expect(check?.numbers).toMatchObject({ points: 20, withinBand: 0 });
    expect(check?.numbers?.maxAbsError).toBeGreaterThan(1);

    if (!third) return;
    t.now.value += 3_600_000;
    await approve(third.rank);
    t.now.value += 241_000;
    expect(await t.advice.startChecker(3_600_000).runOnce()).toBe(1);
    after = await t.advice.services.getAdvice(operator, { ...site, id: done.id });
    expect(after.recommendations.find((r) => r.rank === third.rank)?.check).toMatchObject({
      verdict: 'no_data',
      numbers: { points: 0, withinBand: null },
    });
  }, 60_000);

  it('records a rejection with its comment and schedules no check', async () => {
    const last = done.recommendations.at(-1);
    if (!last) return;
    const answer = await t.advice.services.decideAdvice(operator, {
      ...site,
      id: done.id,
      body: { rank: last.rank, decision: 'rejected', comment: 'V45 is under maintenance' },
    });
    expect(answer).toMatchObject({ decision: 'rejected', checkDueAt: null });
    const audit = await t.services.listAudit(principal('admin'), {
      action: 'alarm.advice.reject',
      limit: 1,
    });
    expect(audit.entries[0]).toMatchObject({
      detail: {
        alarmKey: 'PU1/pump-mismatch',
        scenarioId: done.scenarioId,
        rank: last.rank,
        comment: 'V45 is under maintenance',
      },
    });
  }, 60_000);

  async function insertLevels(samples: { ts: number; value: number }[]): Promise<void> {
    await t.pgPool.query(
      `INSERT INTO telemetry_sample (site_id, asset_id, metric, ts, value, seq)
       SELECT 'ctown', 'T1', 'level', to_timestamp(ts / 1000.0), value, row_number() OVER ()
       FROM unnest($1::float8[], $2::float8[]) AS s(ts, value)`,
      [samples.map((s) => s.ts), samples.map((s) => s.value)],
    );
  }
});
