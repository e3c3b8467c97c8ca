import { ResidualQuerySchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../../../src/http/route';
import { nowcastServicesOf } from '../../../../../src/nowcast/nowcast-services';

/** ?assetId=&metric=&from=&to= (epoch ms): stored measured − modelled history of one sensor. */
export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  nowcastServicesOf(context).queryResiduals(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    query: parseInput(ResidualQuerySchema, queryOf(req), 'query'),
  }),
);
