import type { Principal, ScenarioSummary } from '@twinhelm/contracts';
import { loadSite } from '../../services/load-site';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { scenarioDeps } from '../scenario-deps';
import { SUMMARY_COLUMNS, summaryOf, type SummaryRow } from '../scenario-views';

export interface ListScenariosInput {
  siteId: string;
  limit: number;
  /** Only scenarios created before this time (epoch ms): the last createdAt of the previous page. */
  before?: number;
}

/** A site's scenarios, newest first, one page of `limit`. */
export async function listScenarios(
  deps: ServiceDeps,
  principal: Principal,
  input: ListScenariosInput,
): Promise<{ scenarios: ScenarioSummary[] }> {
  requirePermission(principal, 'scenario:read');
  await loadSite(deps, input.siteId);
  const { rows } = await scenarioDeps(deps).sql.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM scenario s
     WHERE s.site_id = $1 AND ($3::float8 IS NULL OR s.created_at < to_timestamp($3::float8 / 1000))
     ORDER BY s.created_at DESC, s.id DESC LIMIT $2`,
    [input.siteId, input.limit, input.before ?? null],
  );
  return { scenarios: rows.map(summaryOf) };
}
