import type { Principal } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import type { RawJson } from '../raw-json';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId } from '../scenario-ids';
import { scenarioJson } from './scenario-json';

/** The whole stored ScenarioResult (every node and link), passed through as JSON text. */
export async function getScenarioResult(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string },
): Promise<RawJson> {
  requirePermission(principal, 'scenario:read');
  const id = checkScenarioId(input.id);
  return scenarioJson(
    scenarioDeps(deps),
    input.id,
    `SELECT status, result::text AS body FROM scenario WHERE id = $1::uuid`,
    [id],
  );
}
