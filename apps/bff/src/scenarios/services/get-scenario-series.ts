import type { Principal } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import type { RawJson } from '../raw-json';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId } from '../scenario-ids';
import { scenarioJson } from './scenario-json';

/**
 * Series and bands of some assets (ScenarioSeries), cut out of the stored result by PostgreSQL:
 * the multi-MB result never reaches the event loop. The result is a `json` column (text), so it
 * is read in one pass (json_each of the document, then of each group) and only the assets
 * asked for are built up. Assets the result does not hold are left out; the client compares
 * with what it asked for.
 */
export async function getScenarioSeries(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string; assets: string[] },
): Promise<RawJson> {
  requirePermission(principal, 'scenario:read');
  const id = checkScenarioId(input.id);
  return scenarioJson(
    scenarioDeps(deps),
    input.id,
    `WITH r AS MATERIALIZED (
       SELECT id, status, result IS NOT NULL AS done, result, times, start_clock_s
       FROM scenario WHERE id = $1::uuid),
     top AS MATERIALIZED (
       SELECT t.key, t.value FROM r, json_each(r.result) AS t
       WHERE t.key IN ('nodes', 'links', 'pumps', 'tanks', 'bands')),
     hit AS MATERIALIZED (
       SELECT top.key AS grp, e.key AS asset, e.value FROM top, json_each(top.value) AS e
       WHERE top.key <> 'bands' AND e.key = ANY($2::text[])
       UNION ALL
       SELECT 'bands', e.key, e.value
       FROM top, json_each(top.value) AS b, json_each(b.value) AS e
       WHERE top.key = 'bands' AND b.key IN ('nodes', 'tanks', 'links', 'pumps')
         AND e.key = ANY($2::text[])),
     asset AS (
       SELECT h.asset,
         CASE WHEN bool_or(h.grp = 'tanks') THEN 'tank' WHEN bool_or(h.grp = 'pumps') THEN 'pump'
              WHEN bool_or(h.grp = 'nodes') THEN 'node' ELSE 'link' END AS kind,
         COALESCE(json_object_agg(m.key, m.value) FILTER (WHERE h.grp <> 'bands'), '{}') AS series,
         COALESCE(json_object_agg(m.key, m.value) FILTER (WHERE h.grp = 'bands'), '{}') AS bands
       FROM hit AS h, json_each(h.value) AS m
       GROUP BY h.asset
       HAVING bool_or(h.grp IN ('nodes', 'links')))
     SELECT r.status, CASE WHEN NOT r.done THEN NULL ELSE json_build_object(
       'id', r.id::text,
       'times', r.times,
       'startClockS', COALESCE(r.start_clock_s, 0),
       'assets', COALESCE((
         SELECT json_object_agg(a.asset,
           json_build_object('kind', a.kind, 'series', a.series, 'bands', a.bands))
         FROM asset AS a), '{}')
     )::text END AS body
     FROM r`,
    [id, input.assets],
  );
}
