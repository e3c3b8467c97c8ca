import { authedRoute } from '../../../../src/http/route';

export const DELETE = authedRoute<{ id: string }>(({ context, principal, params }) =>
  context.services.revokeToken(principal, { id: params.id }),
);
