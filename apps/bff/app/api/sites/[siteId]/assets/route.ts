import { SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput } from '../../../../../src/http/route';

export const GET = authedRoute<{ siteId: string }>(({ context, principal, params }) =>
  context.services.listAssets(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
  }),
);
