import {
  ApiErrorSchema,
  ApiTokenListSchema,
  ApiTokenSchema,
  AssetIdSchema,
  AssetListSchema,
  AssetWithLatestSchema,
  AuditPageSchema,
  AuditQuerySchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  HealthSchema,
  ImportNetworkBodySchema,
  ImportNetworkResultSchema,
  MeSchema,
  NetworkModelSchema,
  RejectedListSchema,
  RejectedQuerySchema,
  SiteIdSchema,
  SiteListSchema,
  SiteSummarySchema,
  TelemetryRangeQuerySchema,
  TelemetrySeriesSchema,
} from '@twinhelm/contracts';
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { nowcastPaths } from '../nowcast/nowcast-paths';
import { simulatorPaths } from '../simulator-control/simulator-paths';
import { alarmAdvicePaths } from './alarm-advice-paths';
import { alarmPaths } from './alarm-paths';
import { alarmRulePaths } from './alarm-rule-paths';
import { scenarioPaths } from './scenario-paths';

/** OpenAPI 3.1 for every /api route, generated from the contracts' zod schemas. */
const SECURED: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
const siteParams = z.object({ siteId: SiteIdSchema });
const assetParams = z.object({ siteId: SiteIdSchema, assetId: AssetIdSchema });

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ApiErrorSchema } },
});
const ERRORS = {
  '400': error('bad input: the message and details say what and where'),
  '401': error('no session or token, or it expired or was revoked: sign in again'),
  '403': error('the role lacks the permission'),
  '404': error('unknown site or asset; the message suggests the nearest ids'),
};

function op(
  summary: string,
  permission: string | null,
  schema: z.ZodType | null,
  extra: Partial<ZodOpenApiOperationObject> = {},
  status = '200',
): ZodOpenApiOperationObject {
  const ok = schema
    ? { description: 'OK', content: { 'application/json': { schema } } }
    : { description: 'done, no content' };
  const responses: ZodOpenApiResponsesObject =
    permission === null ? { [status]: ok } : { [status]: ok, ...ERRORS };
  return {
    summary,
    ...(permission === null
      ? { security: [] }
      : { security: SECURED, description: `Requires: ${permission}.` }),
    responses,
    ...extra,
  };
}

export function buildOpenApiDocument(version: string) {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Twinhelm API',
      version,
      description: 'The BFF of Twinhelm: twins of water networks. See docs and apps/bff/README.md.',
    },
    security: SECURED,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'next-auth session (sign in at /api/auth)',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token (thk_…) from POST /api/tokens',
        },
      },
    },
    paths: {
      '/api/health': { get: op('Service health (database, broker, ingest)', null, HealthSchema) },
      '/api/openapi.json': { get: op('This document', null, null) },
      '/api/me': { get: op('The signed-in principal', 'any signed-in user or token', MeSchema) },
      '/api/sites': { get: op('List sites', 'twin:read', SiteListSchema) },
      '/api/sites/{siteId}': {
        get: op('One site', 'twin:read', SiteSummarySchema, {
          requestParams: { path: siteParams },
        }),
      },
      '/api/sites/{siteId}/network': {
        get: op('The active network model', 'twin:read', NetworkModelSchema, {
          requestParams: { path: siteParams },
        }),
        post: op(
          'Import an EPANET .inp file as the active network',
          'network:import',
          ImportNetworkResultSchema,
          {
            requestParams: { path: siteParams },
            requestBody: {
              content: {
                'application/json': { schema: ImportNetworkBodySchema },
                'text/plain': { schema: z.string().meta({ description: 'the .inp file text' }) },
              },
            },
          },
        ),
      },
      '/api/sites/{siteId}/assets': {
        get: op('Assets with latest values and freshness', 'twin:read', AssetListSchema, {
          requestParams: { path: siteParams },
        }),
      },
      '/api/sites/{siteId}/assets/{assetId}': {
        get: op('One asset', 'twin:read', AssetWithLatestSchema, {
          requestParams: { path: assetParams },
        }),
      },
      '/api/sites/{siteId}/assets/{assetId}/telemetry': {
        get: op('Downsampled history of one metric', 'telemetry:read', TelemetrySeriesSchema, {
          requestParams: { path: assetParams, query: TelemetryRangeQuerySchema },
        }),
      },
      '/api/rejected': {
        get: op('Rejected telemetry with counts', 'rejected:read', RejectedListSchema, {
          requestParams: { query: RejectedQuerySchema },
        }),
      },
      '/api/audit': {
        get: op('The audit log, newest first', 'audit:read', AuditPageSchema, {
          requestParams: { query: AuditQuerySchema },
        }),
      },
      '/api/tokens': {
        get: op('List API tokens', 'tokens:manage', ApiTokenListSchema),
        post: op(
          'Create an API token (shown once)',
          'tokens:manage',
          CreatedApiTokenSchema,
          {
            requestBody: {
              content: { 'application/json': { schema: CreateApiTokenRequestSchema } },
            },
          },
          '201',
        ),
      },
      '/api/tokens/{id}': {
        delete: op(
          'Revoke an API token',
          'tokens:manage',
          null,
          { requestParams: { path: z.object({ id: ApiTokenSchema.shape.id }) } },
          '204',
        ),
      },
      ...scenarioPaths(op),
      ...nowcastPaths(op),
      ...alarmRulePaths(op),
      ...alarmPaths(op),
      ...alarmAdvicePaths(op),
      ...simulatorPaths(op),
    },
  });
}
