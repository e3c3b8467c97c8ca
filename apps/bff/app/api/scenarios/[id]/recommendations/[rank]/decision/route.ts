import { RecommendationDecisionRequestSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, parseJson, readText } from '../../../../../../../src/http/route';
import {
  MAX_SCENARIO_BODY_BYTES,
  RecommendationRankSchema,
} from '../../../../../../../src/scenarios/route-inputs';

export const POST = authedRoute<{ id: string; rank: string }>(
  async ({ req, context, principal, params }) =>
    context.services.decideRecommendation(principal, {
      id: params.id,
      rank: parseInput(RecommendationRankSchema, params.rank, 'rank'),
      body: parseInput(
        RecommendationDecisionRequestSchema,
        parseJson(await readText(req, MAX_SCENARIO_BODY_BYTES)),
        'body',
      ),
    }),
);
