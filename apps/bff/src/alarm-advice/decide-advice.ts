import type { AlarmAdviceDecisionRequest, PlantCarryOut, Principal } from '@twinhelm/contracts';
import type { Prisma } from '../generated/prisma/client';
import { HttpError, notFound } from '../http/http-error';
import { decideRecommendation } from '../scenarios/services/decide-recommendation';
import { getScenario } from '../scenarios/services/get-scenario';
import { actorOf, appendAudit } from '../services/audit';
import { requirePermission } from '../services/require-permission';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import { carryOutApproval } from './carry-out-approval';
import { loadAdviceRow } from './get-advice';
import { insertCheck } from './check-store';
import { CHECK_TOLERANCE, predictedWindow } from './judge-check';

/**
 * An operator's approval or rejection of one recommendation of a done advice: the scenario's
 * own decision (decideRecommendation: ScenarioDecision + audit recommendation.approve/reject
 * naming the scenario that justified it), then an audit entry alarm.advice.approve/reject with
 * the alarm key, both scenarios, the actions, the KPI deltas and the predicted effect and, for
 * an approval, the check: the predicted course over the check window, due after it. In demo
 * mode an approval then has the virtual plant carry the actions out (carryOutApproval).
 */
export async function decideAdvice(
  deps: AlarmAdviceDeps,
  principal: Principal,
  input: { siteId: string; id: string; body: AlarmAdviceDecisionRequest },
): Promise<{
  id: string;
  rank: number;
  decision: 'approved' | 'rejected';
  checkDueAt: number | null;
  carriedOut?: PlantCarryOut;
}> {
  requirePermission(principal, 'scenario:run');
  const row = await loadAdviceRow(deps, input.siteId, input.id);
  const { rank, decision, comment } = input.body;
  if (row.status !== 'done')
    throw new HttpError(
      409,
      'conflict',
      `advice ${row.id} is ${row.status}${row.error ? ` (${row.error})` : ''}: decide once it is done`,
    );
  const base = await getScenario(deps.services, principal, { id: row.scenario_id });
  const ranks = base.recommendations?.recommendations.map((r) => r.rank) ?? [];
  const recommendation = base.recommendations?.recommendations.find((r) => r.rank === rank);
  if (!recommendation)
    throw notFound(
      `advice ${row.id} has no recommendation of rank ${rank}: its ranks are ${ranks.join(', ') || `none (${row.note ?? 'nothing improved on doing nothing'})`}`,
    );
  await decideRecommendation(deps.services, principal, {
    id: row.scenario_id,
    rank,
    body: { decision, ...(comment ? { comment } : {}) },
  });
  const { config } = deps;
  const approvedAt = deps.services.clock();
  const actor = actorOf(principal);
  const effect = row.effects?.byRank[String(rank)]?.effect ?? null;
  const run = row.effect_scenarios?.find((e) => e.rank === rank);
  const quantity = row.quantity;
  const checkable = decision === 'approved' && effect !== null && run && quantity;
  const dueAt = checkable ? approvedAt + config.checkS * 1000 : null;
  const windowS = Math.min(row.horizon_s, config.checkS * config.timeScale);
  await deps.services.prisma.$transaction(async (tx) => {
    await appendAudit(tx, {
      actor,
      action: decision === 'approved' ? 'alarm.advice.approve' : 'alarm.advice.reject',
      target: row.id,
      detail: {
        siteId: row.site_id,
        adviceId: row.id,
        alarmKey: row.alarm_key,
        scenarioId: row.scenario_id,
        effectScenarioId: run?.scenarioId ?? null,
        rank,
        title: recommendation.title,
        actions: recommendation.actions as unknown as Prisma.InputJsonArray,
        deltas: recommendation.deltas as unknown as Prisma.InputJsonObject,
        predicted: effect
          ? {
              quantity: row.quantity?.label ?? null,
              extreme: effect.extreme,
              end: effect.end,
              baselineExtreme: row.effects?.baseline?.extreme ?? null,
            }
          : null,
        ...(comment ? { comment } : {}),
        ...(dueAt !== null ? { checkDueAt: new Date(dueAt).toISOString() } : {}),
      },
    });
  });
  if (checkable && dueAt !== null)
    await insertCheck(sqlOf(deps), {
      adviceId: row.id,
      siteId: row.site_id,
      rank,
      assetId: quantity.assetId,
      metric: quantity.metric,
      scenarioId: run.scenarioId,
      approvedBy: actor,
      approvedAt,
      dueAt,
      timeScale: config.timeScale,
      tolerance: CHECK_TOLERANCE[quantity.metric] ?? 1,
      predicted: predictedWindow(effect, windowS),
    });
  const carriedOut =
    decision === 'approved'
      ? await carryOutApproval(deps, {
          row,
          rank,
          actions: recommendation.actions,
          actor,
          effectScenarioId: run?.scenarioId ?? null,
        })
      : undefined;
  return { id: row.id, rank, decision, checkDueAt: dueAt, ...(carriedOut ? { carriedOut } : {}) };
}
