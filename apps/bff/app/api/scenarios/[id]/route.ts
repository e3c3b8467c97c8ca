import { authedRoute } from '../../../../src/http/route';

export const GET = authedRoute<{ id: string }>(({ context, principal, params }) =>
  context.services.getScenario(principal, { id: params.id }),
);
