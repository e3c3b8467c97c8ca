import { randomUUID } from 'node:crypto';
import type { CreateScenarioRequest, LiveState, Principal } from '@twinhelm/contracts';
import { liveStateFromTwin } from '@twinhelm/solver';
import { badRequest, notFound } from '../../http/http-error';
import { actorOf, appendAudit } from '../../services/audit';
import { loadSite } from '../../services/load-site';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { scenarioDeps } from '../scenario-deps';
import { requestProblems } from './validate-request';

/**
 * Queues a what-if on the site's active network: validates it (400 with every problem, nothing
 * stored), binds the twin's current state when asked, stores the scenario as queued with its
 * inputs (request, live state, model version, seed), audits it and wakes the runner. → { id }.
 */
export async function createScenario(
  deps: ServiceDeps,
  principal: Principal,
  /** liveState: bind this one instead of the twin's now (runs that must share a baseline's). */
  input: { siteId: string; request: CreateScenarioRequest; liveState?: LiveState },
): Promise<{ id: string }> {
  requirePermission(principal, 'scenario:run');
  const s = scenarioDeps(deps);
  const { siteId, request } = input;
  const site = await loadSite(deps, siteId);
  const network = await s.networks.of(siteId);
  if (!network)
    throw notFound(
      `${siteId}: no network imported yet: POST an .inp file to /api/sites/${siteId}/network first`,
    );
  const estimated = s.demandMultipliersOf?.(siteId);
  const timeOfDayS = s.timeOfDayOf?.(siteId);
  const liveState =
    input.liveState ??
    (request.bindLiveState
      ? {
          ...liveStateFromTwin(deps.twin.snapshot(siteId).state, network.assets, {
            nowMs: deps.clock(),
            utcOffsetMin: s.utcOffsetMin,
          }),
          ...(estimated ? { demandMultipliers: estimated } : {}),
          ...(timeOfDayS !== undefined ? { timeOfDayS } : {}),
        }
      : null);
  const problems = requestProblems(request, network, s.maxSteps, liveState);
  const first = problems[0];
  if (first)
    throw badRequest(
      `invalid scenario: ${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s), see details)` : ''}`,
      problems,
    );
  const id = randomUUID();
  const actor = actorOf(principal);
  const members = request.scenario.ensemble?.members ?? 1;
  const name = request.name ?? `What-if on ${site.name}`;
  await deps.prisma.$transaction(async (tx) => {
    await tx.scenario.create({
      data: {
        id,
        siteId,
        name,
        status: 'queued',
        request,
        ...(liveState ? { liveState } : {}),
        modelHash: network.hash,
        seed: request.scenario.seed,
        members,
        createdBy: actor,
      },
    });
    await appendAudit(tx, {
      actor,
      action: 'scenario.create',
      target: id,
      detail: {
        siteId,
        name,
        modelVersion: network.hash,
        perturbations: request.scenario.perturbations.length,
        members,
        bindLiveState: request.bindLiveState,
        recommend: request.recommend,
      },
    });
  });
  s.hub.publish({ id, siteId, status: 'queued', progress: 0, phase: null });
  s.runner.wake();
  return { id };
}
