import { RejectedQuerySchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../src/http/route';

export const GET = authedRoute(({ req, context, principal }) =>
  context.services.listRejected(principal, parseInput(RejectedQuerySchema, queryOf(req), 'query')),
);
