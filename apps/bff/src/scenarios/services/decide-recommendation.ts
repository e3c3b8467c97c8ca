import {
  RecommendationSetSchema,
  type Principal,
  type RecommendationDecisionRequest,
} from '@twinhelm/contracts';
import type { Prisma } from '../../generated/prisma/client';
import { HttpError, notFound } from '../../http/http-error';
import { actorOf, appendAudit } from '../../services/audit';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId, unknownScenario } from '../scenario-ids';

/**
 * Records an operator's or planner's approval or rejection of one recommendation of a finished
 * scenario: a ScenarioDecision row and an audit entry (recommendation.approve / .reject) with
 * the scenario, the rank, the recommended actions and their KPI deltas, in one transaction.
 */
export async function decideRecommendation(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string; rank: number; body: RecommendationDecisionRequest },
): Promise<{ id: string; rank: number; decision: 'approved' | 'rejected' }> {
  requirePermission(principal, 'scenario:run');
  const id = checkScenarioId(input.id);
  const { rows } = await scenarioDeps(deps).sql.query<{
    site_id: string;
    status: string;
    recommendations: unknown;
  }>(`SELECT site_id, status, recommendations FROM scenario WHERE id = $1::uuid`, [id]);
  const row = rows[0];
  if (!row) throw unknownScenario(input.id);
  if (row.recommendations === null)
    throw new HttpError(
      409,
      'conflict',
      `scenario ${id} has no recommendations (${row.status}): create it with recommend: true; they are searched when the scenario has violations`,
    );
  const set = RecommendationSetSchema.parse(row.recommendations);
  const recommendation = set.recommendations.find((r) => r.rank === input.rank);
  if (!recommendation)
    throw notFound(
      `scenario ${id} has no recommendation of rank ${input.rank}: its ranks are ${set.recommendations.map((r) => r.rank).join(', ') || 'none (nothing improved on doing nothing)'}`,
    );
  const actor = actorOf(principal);
  const { decision, comment } = input.body;
  await deps.prisma.$transaction(async (tx) => {
    await tx.scenarioDecision.create({
      data: {
        scenarioId: id,
        rank: input.rank,
        decision,
        decidedBy: actor,
        comment: comment ?? null,
      },
    });
    await appendAudit(tx, {
      actor,
      action: decision === 'approved' ? 'recommendation.approve' : 'recommendation.reject',
      target: id,
      detail: {
        siteId: row.site_id,
        scenarioId: id,
        rank: input.rank,
        title: recommendation.title,
        actions: recommendation.actions as unknown as Prisma.InputJsonArray,
        deltas: recommendation.deltas as unknown as Prisma.InputJsonObject,
        ...(comment ? { comment } : {}),
      },
    });
  });
  return { id, rank: input.rank, decision };
}
