import { ScenarioSeriesQuerySchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../../../src/http/route';
import { rawJsonResponse } from '../../../../../src/scenarios/raw-json';

export const GET = authedRoute<{ id: string }>(async ({ req, context, principal, params }) => {
  const { assets } = parseInput(ScenarioSeriesQuerySchema, queryOf(req), 'query');
  return rawJsonResponse(
    await context.services.getScenarioSeries(principal, { id: params.id, assets }),
  );
});
