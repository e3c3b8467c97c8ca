import { authedRoute } from '../../../src/http/route';

export const GET = authedRoute(({ context, principal }) => context.services.listSites(principal));
