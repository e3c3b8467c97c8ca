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
 * on the 3D scene with a time scrubber; built by PostgreSQL from the stored result (a `json`
 * column: one pass over the document, then over the metric's group; the series are copied as
 * text, never converted).
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
    `WITH r AS MATERIALIZED (
       SELECT id, status, result IS NOT NULL AS done, result, times, start_clock_s
       FROM scenario WHERE id = $1::uuid),
     grp AS MATERIALIZED (SELECT t.value FROM r, json_each(r.result) AS t WHERE t.key = $3::text)
     SELECT r.status, CASE WHEN NOT r.done THEN NULL ELSE json_build_object(
       'id', r.id::text,
       'metric', $2::text,
       'times', r.times,
       'startClockS', COALESCE(r.start_clock_s, 0),
       'values', COALESCE((SELECT json_object_agg(e.key, v.series)
                           FROM grp, json_each(grp.value) AS e,
                                LATERAL (SELECT e.value -> $2::text AS series) AS v
                           WHERE v.series IS NOT NULL), '{}')
     )::text END AS body
     FROM r`,
    [id, input.metric, GROUP[input.metric]],
  );
}
