import {
  AlarmAdviceDecisionResponseSchema,
  AlarmAdviceSchema,
  type AlarmAdvice,
} from '@twinhelm/contracts';
import type { PlantAction } from '@twinhelm/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postDecision } from '../../app/api/sites/[siteId]/alarm-advice/[id]/decision/route';
import { callRoute } from '../scenarios/testing/call-route';
import { principal } from '../services/testing/test-context';
import { interpolate } from './judge-check';
import { assetTypesIn, plantCarryOut } from '../simulator-control/carry-out';
import { plantActionsOf } from '../simulator-control/plant-actions-of';
import type { SimulatorControl } from '../simulator-control/simulator-control';
import { createAdviceTestContext, type AdviceTestContext } from './testing/advice-test-context';

const operator = principal('operator');
const site = { siteId: 'ctown' };

/** The demo plant as the BFF sees it: records what it is asked; fails when told to. */
function fakePlant() {
  const calls: PlantAction[][] = [];
  const plant = { calls, failing: false };
  const simulator: SimulatorControl = {
    siteId: 'ctown',
    injectFault: () => Promise.reject(new Error('not used')),
    clearFault: () => Promise.reject(new Error('not used')),
    faults: () => Promise.reject(new Error('not used')),
    applyActions(actions) {
      if (plant.failing)
        return Promise.reject(
          Object.assign(new Error('the simulator did not answer within 10 s'), {
            code: 'unavailable',
          }),
        );
      calls.push([...actions]);
      return Promise.resolve({ siteId: 'ctown', plantTimeS: 36_000, settings: [] });
    },
  };
  return Object.assign(plant, { simulator });
}

describe('alarm advice in demo mode: an approval is carried out by the virtual plant', () => {
  let t: AdviceTestContext;
  let done: AlarmAdvice;
  const plant = fakePlant();
  beforeAll(async () => {
    t = await createAdviceTestContext(
      { members: 2 },
      {
        carryOut: plantCarryOut({
          siteId: 'ctown',
          simulator: () => plant.simulator,
          assetTypes: (siteId, ids) => assetTypesIn(t.scenarios.sql, siteId, ids),
        }),
      },
    );
    // the demo plant's own time of day (simulator-control/plant-clock.ts) starts the runs
    t.scenarios.timeOfDayOf = (siteId) => (siteId === 'ctown' ? 7200 : undefined);
    await t.insertAlarm({
      assetId: 'PU1',
      ruleId: 'pump-mismatch',
      kind: 'mismatch',
      metric: 'command',
      latched: true,
      values: { command: 1, feedback: 0, feedbackMin: 1 },
    });
    const created = await t.advice.services.requestAdvice(operator, {
      ...site,
      alarmKey: 'PU1/pump-mismatch',
    });
    done = await t.untilEnded(created.id);
    expect(done.recommendations.length).toBeGreaterThanOrEqual(2);
    const base = await t.services.getScenario(operator, { id: created.scenarioId });
    expect(base.liveState?.timeOfDayS).toBe(7200);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const audits = async () =>
    (await t.services.listAudit(principal('admin'), { action: 'simulator.actions', limit: 20 }))
      .entries;

  it('a rejection asks nothing of the plant', async () => {
    const second = done.recommendations[1];
    if (!second) throw new Error('no second recommendation');
    const answer = await t.advice.services.decideAdvice(operator, {
      ...site,
      id: done.id,
      body: { rank: second.rank, decision: 'rejected', comment: 'not now' },
    });
    expect(answer).not.toHaveProperty('carriedOut');
    expect(plant.calls).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it('an approval has the plant carry out the mapped actions, stored and audited', async () => {
    const best = done.recommendations[0];
    if (!best) throw new Error('no recommendation');
    const res = await callRoute(postDecision, {
      role: 'operator',
      params: { ...site, id: done.id },
      body: { rank: best.rank, decision: 'approved' },
    });
    expect(res.status).toBe(200);
    const answer = AlarmAdviceDecisionResponseSchema.parse(await res.json());
    const expected = plantActionsOf(best.actions, () => 'pump').actions;
    expect(expected.length).toBeGreaterThan(0);
    expect(plant.calls).toEqual([expected]);
    expect(answer.carriedOut).toMatchObject({
      outcome: 'carried_out',
      by: 'token:operator',
      plantTimeS: 36_000,
      skipped: [],
    });
    console.log(`[alarm-advice] rank ${best.rank} "${best.title}": ${answer.carriedOut?.summary}`);
    expect(answer.carriedOut?.summary).toMatch(/^Demo plant: PU\d+ .* for 4 h/);

    const view = AlarmAdviceSchema.parse(
      await t.advice.services.getAdvice(operator, { ...site, id: done.id }),
    );
    expect(view.recommendations.find((r) => r.rank === best.rank)?.carriedOut).toEqual(
      answer.carriedOut,
    );
    expect(view.recommendations.find((r) => r.rank !== best.rank)?.carriedOut).toBeNull();
    const [entry] = await audits();
    expect(entry).toMatchObject({
      actor: 'token:operator',
      target: `ctown/${done.id}`,
      detail: {
        adviceId: done.id,
        scenarioId: done.scenarioId,
        rank: best.rank,
        outcome: 'carried_out',
        actions: expected,
        skipped: [],
      },
    });

    // approving it again acts no more
    const again = await t.advice.services.decideAdvice(operator, {
      ...site,
      id: done.id,
      body: { rank: best.rank, decision: 'approved' },
    });
    expect(again.carriedOut).toEqual(answer.carriedOut);
    expect(plant.calls).toHaveLength(1);
    expect(await audits()).toHaveLength(1);
  }, 60_000);

  it('a failing plant leaves the approval recorded and says why', async () => {
    const second = done.recommendations[1];
    if (!second) throw new Error('no second recommendation');
    plant.failing = true;
    const answer = await t.advice.services.decideAdvice(operator, {
      ...site,
      id: done.id,
      body: { rank: second.rank, decision: 'approved', comment: 'changed my mind' },
    });
    expect(answer).toMatchObject({ decision: 'approved', rank: second.rank });
    expect(answer.carriedOut).toMatchObject({
      outcome: 'failed',
      summary:
        'Demo plant: not carried out (the simulator did not answer within 10 s); the approval stands.',
      done: [],
      skipped: second.actions.map((a) => ({ text: a.description })),
    });
    const view = await t.advice.services.getAdvice(operator, { ...site, id: done.id });
    const rec = view.recommendations.find((r) => r.rank === second.rank);
    expect(rec?.decisions.map((d) => d.decision)).toEqual(['rejected', 'approved']);
    expect(rec?.carriedOut?.outcome).toBe('failed');
    const [entry] = await audits();
    expect(entry).toMatchObject({
      actor: 'operator',
      detail: { adviceId: done.id, rank: second.rank, outcome: 'failed', actions: [] },
    });
    const approvals = await t.services.listAudit(principal('admin'), {
      action: 'alarm.advice.approve',
      limit: 5,
    });
    expect(approvals.entries[0]).toMatchObject({ detail: { rank: second.rank } });
  }, 60_000);

  it('checks a level that moved on before the approval from where it stood then', async () => {
    const before = await t.advice.services.getAdvice(operator, { ...site, id: done.id });
    const check = before.recommendations[0]?.check;
    if (!check) throw new Error('no check for the approved recommendation');
    const { times, values } = check.predicted;
    const moved = -0.6;
    // the plant drained 0.6 m more than the advice's start state before the operator approved
    const samples = [{ ts: check.approvedAt - 1000, value: (values[0] ?? 0) + moved }];
    for (let wallS = 0; wallS <= 240; wallS += 10)
      samples.push({
        ts: check.approvedAt + wallS * 1000,
        value: Math.max(0, interpolate(times, values, wallS * 60) + moved),
      });
    await t.pgPool.query(
      `INSERT INTO telemetry_sample (site_id, asset_id, metric, ts, value, seq)
       SELECT 'ctown', $3, 'level', to_timestamp(ts / 1000.0), value, row_number() OVER ()
       FROM unnest($1::float8[], $2::float8[]) AS s(ts, value)`,
      [samples.map((x) => x.ts), samples.map((x) => x.value), check.assetId],
    );
    t.now.value = check.dueAt + 1000;
    expect(await t.advice.startChecker(3_600_000).runOnce()).toBeGreaterThanOrEqual(1);
    const after = await t.advice.services.getAdvice(operator, { ...site, id: done.id });
    const judged = after.recommendations[0]?.check;
    expect(judged).toMatchObject({ verdict: 'as_predicted', numbers: { points: 25 } });
    expect(judged?.numbers?.startOffset).toBeCloseTo(moved, 6);
    expect(judged?.numbers?.maxAbsError).toBeLessThan(1e-6);
  }, 60_000);
});
