import { SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput } from '../../../../../src/http/route';
import { nowcastServicesOf } from '../../../../../src/nowcast/nowcast-services';

/** The site's latest nowcast: modelled values everywhere, residuals where measured. */
export const GET = authedRoute<{ siteId: string }>(({ context, principal, params }) =>
  nowcastServicesOf(context).getNowcast(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
  }),
);
