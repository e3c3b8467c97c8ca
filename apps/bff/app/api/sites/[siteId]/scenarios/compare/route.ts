import { ScenarioCompareQuerySchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../../../../src/http/route';

export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  context.services.compareScenarios(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    ids: parseInput(ScenarioCompareQuerySchema, queryOf(req), 'query').ids,
  }),
);
