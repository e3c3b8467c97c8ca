import {
  NowcastSchema,
  ResidualQuerySchema,
  ResidualSeriesSchema,
  SiteIdSchema,
} from '@twinhelm/contracts';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';

type Op = (
  summary: string,
  permission: string | null,
  schema: z.ZodType | null,
  extra?: Partial<ZodOpenApiOperationObject>,
) => ZodOpenApiOperationObject;

const siteParams = z.object({ siteId: SiteIdSchema });

/** The nowcast routes, for the document built by openapi-document.ts (`...nowcastPaths(op)`). */
export function nowcastPaths(op: Op): ZodOpenApiPathsObject {
  return {
    '/api/sites/{siteId}/nowcast': {
      get: op(
        'The site’s latest nowcast: modelled values for every asset (marked modelled), residuals where measured, each tank’s predicted time to empty; 404 says why there is none yet',
        'scenario:read',
        NowcastSchema,
        { requestParams: { path: siteParams } },
      ),
    },
    '/api/sites/{siteId}/residuals': {
      get: op(
        'Stored measured − modelled history of one sensor (default the last 24 h, at most 31 days)',
        'scenario:read',
        ResidualSeriesSchema,
        { requestParams: { path: siteParams, query: ResidualQuerySchema } },
      ),
    },
  };
}
