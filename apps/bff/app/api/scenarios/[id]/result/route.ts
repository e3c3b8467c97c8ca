import { authedRoute } from '../../../../../src/http/route';
import { rawJsonResponse } from '../../../../../src/scenarios/raw-json';

export const GET = authedRoute<{ id: string }>(async ({ context, principal, params }) =>
  rawJsonResponse(await context.services.getScenarioResult(principal, { id: params.id })),
);
