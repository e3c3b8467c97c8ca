import {
  ScenarioKpisSchema,
  ScenarioStatusSchema,
  type Principal,
  type ScenarioComparisonSchema,
} from '@twinhelm/contracts';
import type { z } from 'zod';
import { badRequest } from '../../http/http-error';
import { loadSite } from '../../services/load-site';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId } from '../scenario-ids';

type ScenarioComparison = z.infer<typeof ScenarioComparisonSchema>;

/** KPIs of some scenarios of one site side by side, in the order asked. */
export async function compareScenarios(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string; ids: string[] },
): Promise<ScenarioComparison> {
  requirePermission(principal, 'scenario:read');
  await loadSite(deps, input.siteId);
  const ids = input.ids.map(checkScenarioId);
  const { rows } = await scenarioDeps(deps).sql.query<{
    id: string;
    name: string;
    status: string;
    kpis: unknown;
    violation_count: number | null;
  }>(
    `SELECT s.id::text AS id, s.name, s.status, s.kpis,
            jsonb_array_length(s.violations) AS violation_count
     FROM scenario s WHERE s.site_id = $1 AND s.id = ANY($2::uuid[])`,
    [input.siteId, ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw badRequest(
      `compare: ${missing.join(', ')}: not scenario(s) of site ${input.siteId}: list them with GET /api/sites/${input.siteId}/scenarios`,
      missing.map((id) => ({ path: 'ids', message: `${id}: unknown scenario in this site` })),
    );
  return {
    scenarios: ids.flatMap((id) => {
      const r = byId.get(id);
      return r
        ? [
            {
              id: r.id,
              name: r.name,
              status: ScenarioStatusSchema.parse(r.status),
              kpis: r.kpis === null ? null : ScenarioKpisSchema.parse(r.kpis),
              violationCount: r.violation_count,
            },
          ]
        : [];
    }),
  };
}
