import {
  AlarmActionRequestSchema,
  AlarmActionResponseSchema,
  AlarmBulkActionRequestSchema,
  AlarmBulkActionResponseSchema,
  AlarmDetailResponseSchema,
  AlarmEventsQuerySchema,
  AlarmEventsResponseSchema,
  AlarmKpisQuerySchema,
  AlarmKpisResponseSchema,
  AlarmListQuerySchema,
  AlarmListResponseSchema,
  AlarmRuleIdSchema,
  ApiErrorSchema,
  AssetIdSchema,
  SiteIdSchema,
} from '@twinhelm/contracts';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';

type Op = (
  summary: string,
  permission: string | null,
  schema: z.ZodType | null,
  extra?: Partial<ZodOpenApiOperationObject>,
  status?: string,
) => ZodOpenApiOperationObject;

const siteParams = z.object({ siteId: SiteIdSchema });
const alarmParams = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
});
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ApiErrorSchema) });
const UNAVAILABLE = { '503': error('the alarm engine is not running, or not yet for this site') };
const ACTION_PERMISSIONS =
  'alarm:act (acknowledge, shelve, unshelve, comment, assign, reset) or alarm:service (remove_from_service, return_to_service); suppress and unsuppress are the system’s only (403)';

/** Adds responses beyond the common 400/401/403/404 to an operation. */
function also(
  operation: ZodOpenApiOperationObject,
  responses: Record<string, ReturnType<typeof error>>,
): ZodOpenApiOperationObject {
  return { ...operation, responses: { ...operation.responses, ...responses } };
}

/** The alarm routes (src/alarms), in the document built by openapi-document.ts. */
export function alarmPaths(op: Op): ZodOpenApiPathsObject {
  return {
    '/api/sites/{siteId}/alarms': {
      get: also(
        op(
          'The site’s alarms as the engine holds them (default every alarm not in normal; state=all|announced|<state>), by priority then time, with root-cause groups, counts per state and the flood state',
          'alarm:read',
          AlarmListResponseSchema,
          { requestParams: { path: siteParams, query: AlarmListQuerySchema } },
        ),
        UNAVAILABLE,
      ),
    },
    '/api/sites/{siteId}/alarms/actions': {
      post: also(
        op(
          'One action on several alarms (a root-cause group): a result per key, each audited; refused keys do not stop the others',
          ACTION_PERMISSIONS,
          AlarmBulkActionResponseSchema,
          {
            requestParams: { path: siteParams },
            requestBody: json(AlarmBulkActionRequestSchema),
          },
        ),
        UNAVAILABLE,
      ),
    },
    '/api/sites/{siteId}/alarms/{assetId}/{ruleId}': {
      get: also(
        op(
          'One alarm with its newest 200 events (newest first)',
          'alarm:read',
          AlarmDetailResponseSchema,
          { requestParams: { path: alarmParams } },
        ),
        UNAVAILABLE,
      ),
    },
    '/api/sites/{siteId}/alarms/{assetId}/{ruleId}/actions': {
      post: also(
        op(
          'An action on one alarm (shelve: until epoch ms, after now, at most 24 h away); stored as an alarm event and audited as alarm.<type>',
          ACTION_PERMISSIONS,
          AlarmActionResponseSchema,
          { requestParams: { path: alarmParams }, requestBody: json(AlarmActionRequestSchema) },
        ),
        { '409': error('the lifecycle refuses the action in the alarm’s state'), ...UNAVAILABLE },
      ),
    },
    '/api/sites/{siteId}/alarm-events': {
      get: op(
        'The stored alarm history, newest first: optionally one alarm (key) and [from, to); paged with before = the previous page’s next',
        'alarm:read',
        AlarmEventsResponseSchema,
        { requestParams: { path: siteParams, query: AlarmEventsQuerySchema } },
      ),
    },
    '/api/sites/{siteId}/alarm-kpis': {
      get: op(
        'Alarm KPIs (ISA-18.2 / EEMUA 191) over [from, to) (default the last 24 h, at most 31 days) for a number of operator positions',
        'alarm:read',
        AlarmKpisResponseSchema,
        { requestParams: { path: siteParams, query: AlarmKpisQuerySchema } },
      ),
    },
  };
}
