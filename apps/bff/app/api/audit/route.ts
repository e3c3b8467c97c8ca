import { AuditQuerySchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../src/http/route';

export const GET = authedRoute(({ req, context, principal }) =>
  context.services.listAudit(principal, parseInput(AuditQuerySchema, queryOf(req), 'query')),
);
