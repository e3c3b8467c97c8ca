import {
  AlarmAdviceDecisionRequestSchema,
  AlarmAdviceDecisionResponseSchema,
  AlarmAdviceListQuerySchema,
  AlarmAdviceListResponseSchema,
  AlarmAdviceSchema,
  CreateAlarmAdviceRequestSchema,
  CreateAlarmAdviceResponseSchema,
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
const adviceParams = z.object({ siteId: SiteIdSchema, id: z.uuid() });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The alarm-advice routes (src/alarm-advice), in the document built by openapi-document.ts. */
export function alarmAdvicePaths(op: Op): ZodOpenApiPathsObject {
  return {
    '/api/sites/{siteId}/alarm-advice': {
      get: op(
        'A site’s alarm advice, newest first (the last 20; one alarm’s with alarmKey)',
        'scenario:read',
        AlarmAdviceListResponseSchema,
        { requestParams: { path: siteParams, query: AlarmAdviceListQuerySchema } },
      ),
      post: op(
        'Ask for recommended actions for an active alarm: a what-if from the current state with the alarm’s cause, an ensemble and recommendations (202; follow scenario:progress and alarm:advice). 404 unknown alarm (nearest keys named); 409 when the alarm has no operational cause to simulate (stale data, residual, machine condition, inactive)',
        'scenario:run',
        CreateAlarmAdviceResponseSchema,
        { requestParams: { path: siteParams }, requestBody: json(CreateAlarmAdviceRequestSchema) },
        '202',
      ),
    },
    '/api/sites/{siteId}/alarm-advice/{id}': {
      get: op(
        'One advice: status, each recommendation with its simulated effect on the alarm’s quantity next to the baseline’s, P5–P95, decisions and the check afterwards',
        'scenario:read',
        AlarmAdviceSchema,
        { requestParams: { path: adviceParams } },
      ),
    },
    '/api/sites/{siteId}/alarm-advice/{id}/decision': {
      post: op(
        'Approve or reject one recommendation (audited with the scenario that justified it and the alarm key); an approval schedules the check against measured telemetry. 409 while the advice is not done; 404 unknown rank',
        'scenario:run',
        AlarmAdviceDecisionResponseSchema,
        {
          requestParams: { path: adviceParams },
          requestBody: json(AlarmAdviceDecisionRequestSchema),
        },
      ),
    },
  };
}
