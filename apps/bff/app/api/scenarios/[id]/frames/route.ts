import { ScenarioFramesQuerySchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../../../src/http/route';
import { rawJsonResponse } from '../../../../../src/scenarios/raw-json';

export const GET = authedRoute<{ id: string }>(async ({ req, context, principal, params }) => {
  const { metric } = parseInput(ScenarioFramesQuerySchema, queryOf(req), 'query');
  return rawJsonResponse(
    await context.services.getScenarioFrames(principal, { id: params.id, metric }),
  );
});
