import type { Principal } from '@twinhelm/contracts';
import { requirePermission } from '../../services/require-permission';
import type { ServiceDeps } from '../../services/service-deps';
import type { RawJson } from '../raw-json';
import { scenarioDeps } from '../scenario-deps';
import { checkScenarioId } from '../scenario-ids';
import { scenarioJson } from './scenario-json';

type FrameMetric = 'pressure' | 'head' | 'demand' | 'flow' | 'velocity' | 'level';

/** Where each metric lives in a ScenarioResult. */
const GROUP: Record<FrameMetric, 'nodes' | 'links' | 'tanks'> = {
  pressure: 'nodes',
  head: 'nodes',
  demand: 'nodes',
  flow: 'links',
  velocity: 'links',
  level: 'tanks',
};

/**
 * One metric of every asset at every report time (ScenarioFrames), for painting the prediction
 * on the 3D scene with a time scrubber; built by PostgreSQL from the stored result.
 */
export async function getScenarioFrames(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string; metric: FrameMetric },
): Promise<RawJson> {
  requirePermission(principal, 'scenario:read');
  const id = checkScenarioId(input.id);
  return scenarioJson(
    scenarioDeps(deps),
    input.id,
    `WITH r AS MATERIALIZED (SELECT id, status, result FROM scenario WHERE id = $1::uuid)
     SELECT r.status, CASE WHEN r.result IS NULL THEN NULL ELSE jsonb_build_object(
       'id', r.id::text,
       'metric', $2::text,
       'times', r.result -> 'times',
       'startClockS', COALESCE(r.result -> 'startClockS', '0'::jsonb),
       'values', COALESCE((SELECT jsonb_object_agg(e.key, e.value -> $2::text)
                           FROM jsonb_each(r.result -> $3::text) AS e
                           WHERE e.value ? $2::text), '{}'::jsonb)
     )::text END AS body
     FROM r`,
    [id, input.metric, GROUP[input.metric]],
  );
}
