import type { Principal, ScenarioStatus } from '@twinhelm/contracts';
import { forbidden, HttpError } from '../../http/http-error';
import { actorOf, appendAudit } from '../../services/audit';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId, unknownScenario } from '../scenario-ids';
import { end } from '../scenario-store';

/**
 * Cancels a queued or running scenario (its creator or an administrator). A queued one ends at
 * once; a running one is aborted through its AbortSignal and ends as cancelled when the engine
 * stops (at the next hydraulic step). → the status it has now.
 */
export async function cancelScenario(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string },
): Promise<{ id: string; status: ScenarioStatus }> {
  requirePermission(principal, 'scenario:run');
  const s = scenarioDeps(deps);
  const id = checkScenarioId(input.id);
  const actor = actorOf(principal);
  const { rows } = await s.sql.query<{ site_id: string; status: string; created_by: string }>(
    `SELECT site_id, status, created_by FROM scenario WHERE id = $1::uuid`,
    [id],
  );
  const row = rows[0];
  if (!row) throw unknownScenario(input.id);
  if (row.created_by !== actor && principal.role !== 'admin')
    throw forbidden(
      `scenario ${id} was started by ${row.created_by}: only they or an administrator may cancel it`,
    );
  if (row.status !== 'queued' && row.status !== 'running')
    throw new HttpError(409, 'conflict', `scenario ${id} has already ended (${row.status})`);
  const reason = `cancelled by ${actor}`;
  // Queued rows may be claimed meanwhile: abort whatever runs here, end the rest directly.
  const aborting = s.runner.abort(id, reason);
  if (!aborting && (await end(s.sql, id, 'cancelled', { kind: 'cancelled', message: reason })))
    s.hub.publish({ id, siteId: row.site_id, status: 'cancelled', progress: 0, phase: null });
  await appendAudit(deps.prisma, {
    actor,
    action: 'scenario.cancel',
    target: id,
    detail: { siteId: row.site_id, was: row.status },
  });
  return { id, status: aborting ? 'running' : 'cancelled' };
}
