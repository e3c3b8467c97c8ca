import {
  CreateScenarioRequestSchema,
  CreateScenarioResponseSchema,
  RecommendationDecisionRequestSchema,
  ScenarioCompareQuerySchema,
  ScenarioComparisonSchema,
  ScenarioDetailSchema,
  ScenarioFramesQuerySchema,
  ScenarioFramesSchema,
  ScenarioListSchema,
  ScenarioResultResponseSchema,
  ScenarioSeriesQuerySchema,
  ScenarioSeriesSchema,
  ScenarioStatusSchema,
  SiteIdSchema,
} from '@twinhelm/contracts';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { RecommendationRankSchema, ScenarioListQuerySchema } from '../scenarios/route-inputs';

type Op = (
  summary: string,
  permission: string | null,
  schema: z.ZodType | null,
  extra?: Partial<ZodOpenApiOperationObject>,
  status?: string,
) => ZodOpenApiOperationObject;

const siteParams = z.object({ siteId: SiteIdSchema });
const idParams = z.object({ id: z.uuid() });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/**
 * The what-if routes (src/scenarios), in the document built by openapi-document.ts. Result,
 * series and frames answer 409 while the scenario has no result.
 */
export function scenarioPaths(op: Op): ZodOpenApiPathsObject {
  return {
    '/api/sites/{siteId}/scenarios': {
      get: op('A site’s what-if scenarios, newest first', 'scenario:read', ScenarioListSchema, {
        requestParams: { path: siteParams, query: ScenarioListQuerySchema },
      }),
      post: op(
        'Queue a what-if scenario (validated against the active network; nothing stored when refused)',
        'scenario:run',
        CreateScenarioResponseSchema,
        { requestParams: { path: siteParams }, requestBody: json(CreateScenarioRequestSchema) },
        '202',
      ),
    },
    '/api/sites/{siteId}/scenarios/compare': {
      get: op('KPIs of scenarios side by side', 'scenario:read', ScenarioComparisonSchema, {
        requestParams: { path: siteParams, query: ScenarioCompareQuerySchema },
      }),
    },
    '/api/scenarios/{id}': {
      get: op('One scenario without its series', 'scenario:read', ScenarioDetailSchema, {
        requestParams: { path: idParams },
      }),
    },
    '/api/scenarios/{id}/result': {
      get: op(
        'The whole result (every node and link; large)',
        'scenario:read',
        ScenarioResultResponseSchema,
        {
          requestParams: { path: idParams },
        },
      ),
    },
    '/api/scenarios/{id}/series': {
      get: op('Series and ensemble bands of some assets', 'scenario:read', ScenarioSeriesSchema, {
        requestParams: { path: idParams, query: ScenarioSeriesQuerySchema },
      }),
    },
    '/api/scenarios/{id}/frames': {
      get: op(
        'One metric of every asset at every time (3D time scrubber)',
        'scenario:read',
        ScenarioFramesSchema,
        {
          requestParams: { path: idParams, query: ScenarioFramesQuerySchema },
        },
      ),
    },
    '/api/scenarios/{id}/cancel': {
      post: op(
        'Cancel a queued or running scenario (its creator or an administrator)',
        'scenario:run',
        z.object({ id: z.string(), status: ScenarioStatusSchema }),
        { requestParams: { path: idParams } },
      ),
    },
    '/api/scenarios/{id}/recommendations/{rank}/decision': {
      post: op(
        'Approve or reject one recommendation (stored and audited)',
        'scenario:run',
        z.object({
          id: z.string(),
          rank: z.number().int(),
          decision: z.enum(['approved', 'rejected']),
        }),
        {
          requestParams: { path: idParams.extend({ rank: RecommendationRankSchema }) },
          requestBody: json(RecommendationDecisionRequestSchema),
        },
      ),
    },
  };
}
