import type { Principal, ScenarioDetail } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId, unknownScenario } from '../scenario-ids';
import { DETAIL_COLUMNS, detailOf, type DetailRow } from '../scenario-views';

/** One scenario: status, inputs, KPIs, violations, recommendations, decisions; no series. */
export async function getScenario(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string },
): Promise<ScenarioDetail> {
  requirePermission(principal, 'scenario:read');
  const id = checkScenarioId(input.id);
  const { rows } = await scenarioDeps(deps).sql.query<DetailRow>(
    `SELECT ${DETAIL_COLUMNS} FROM scenario s WHERE s.id = $1::uuid`,
    [id],
  );
  const row = rows[0];
  if (!row) throw unknownScenario(input.id);
  return detailOf(row);
}
