import {
  AssetIdSchema,
  InjectFaultRequestSchema,
  SimulatorFaultsResponseSchema,
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

/** The simulator-control routes, for the document built by openapi-document.ts. */
export function simulatorPaths(op: Op): ZodOpenApiPathsObject {
  return {
    '/api/sites/{siteId}/simulator/faults': {
      get: op(
        'Demo plant simulator: the faults in force (seeded and injected); 503 when this server runs no simulator',
        'simulator:control',
        SimulatorFaultsResponseSchema,
        { requestParams: { path: siteParams } },
      ),
      post: op(
        'Demo plant simulator: trip a pump or a station now (forced closed while its command stays on; durationS in plant seconds, until cleared without it); audited',
        'simulator:control',
        SimulatorFaultsResponseSchema,
        {
          requestParams: { path: siteParams },
          requestBody: { content: { 'application/json': { schema: InjectFaultRequestSchema } } },
        },
        '202',
      ),
    },
    '/api/sites/{siteId}/simulator/faults/{assetId}': {
      delete: op(
        'Demo plant simulator: end an asset’s fault now; 404 when it has none; audited',
        'simulator:control',
        SimulatorFaultsResponseSchema,
        { requestParams: { path: z.object({ siteId: SiteIdSchema, assetId: AssetIdSchema }) } },
      ),
    },
  };
}
