import { authedRoute } from '../../../../../src/http/route';

export const POST = authedRoute<{ id: string }>(({ context, principal, params }) =>
  context.services.cancelScenario(principal, { id: params.id }),
);
