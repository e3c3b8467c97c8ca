import type { Principal } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import type { RawJson } from '../raw-json';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId } from '../scenario-ids';
import { scenarioJson } from './scenario-json';

/**
 * Series and bands of some assets (ScenarioSeries), cut out of the stored result by PostgreSQL
 * (jsonb operators): the multi-MB result never reaches the event loop. Assets the result does
 * not hold are left out; the client compares with what it asked for.
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
    `WITH r AS MATERIALIZED (SELECT id, status, result FROM scenario WHERE id = $1::uuid)
     SELECT r.status, CASE WHEN r.result IS NULL THEN NULL ELSE jsonb_build_object(
       'id', r.id::text,
       'times', r.result -> 'times',
       'startClockS', COALESCE(r.result -> 'startClockS', '0'::jsonb),
       'assets', COALESCE((
         SELECT jsonb_object_agg(a, jsonb_build_object(
           'kind', CASE WHEN r.result -> 'tanks' ? a THEN 'tank'
                        WHEN r.result -> 'pumps' ? a THEN 'pump'
                        WHEN r.result -> 'nodes' ? a THEN 'node' ELSE 'link' END,
           'series', COALESCE(r.result -> 'nodes' -> a, '{}'::jsonb)
                  || COALESCE(r.result -> 'tanks' -> a, '{}'::jsonb)
                  || COALESCE(r.result -> 'links' -> a, '{}'::jsonb)
                  || COALESCE(r.result -> 'pumps' -> a, '{}'::jsonb),
           'bands', COALESCE(r.result -> 'bands' -> 'nodes' -> a, '{}'::jsonb)
                 || COALESCE(r.result -> 'bands' -> 'tanks' -> a, '{}'::jsonb)
                 || COALESCE(r.result -> 'bands' -> 'links' -> a, '{}'::jsonb)))
         FROM unnest($2::text[]) AS a
         WHERE r.result -> 'nodes' ? a OR r.result -> 'links' ? a), '{}'::jsonb)
     )::text END AS body
     FROM r`,
    [id, input.assets],
  );
}
