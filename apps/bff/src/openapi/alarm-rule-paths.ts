import {
  AlarmRuleIdSchema,
  AlarmRuleOverrideSchema,
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
const ruleParams = z.object({
  siteId: SiteIdSchema,
  assetId: AssetIdSchema,
  ruleId: AlarmRuleIdSchema,
});
const body = {
  requestParams: { path: siteParams },
  requestBody: { content: { 'application/json': { schema: AlarmRuleOverrideSchema } } },
};
const put = (summary: string) => ({
  summary,
  permission: 'alarm-rules:manage',
});

/** The alarm-rule routes (src/alarm-rules), in the document built by openapi-document.ts. */
export function alarmRulePaths(op: Op): ZodOpenApiPathsObject {
  const change = put(
    'Override one asset’s alarm rule ({ assetId, rule }): checked against the site’s whole rule set (400 with every problem, nothing stored), then stored as a new version and audited',
  );
  return {
    '/api/sites/{siteId}/alarm-rules': {
      get: op(
        'The effective alarm rules of every asset (defaults plus overrides, with each override’s version)',
        'alarm-rules:read',
        null,
        { requestParams: { path: siteParams } },
      ),
      put: op(change.summary, change.permission, null, body),
      post: op(change.summary, change.permission, null, body),
    },
    '/api/sites/{siteId}/alarm-rules/{assetId}/{ruleId}': {
      get: op('Every stored version of one asset’s rule, oldest first', 'alarm-rules:read', null, {
        requestParams: { path: ruleParams },
      }),
      delete: op(
        'Revert one asset’s rule to its default (a new version marked reverted, audited); 409 when already at its default',
        'alarm-rules:manage',
        null,
        { requestParams: { path: ruleParams } },
      ),
    },
  };
}
