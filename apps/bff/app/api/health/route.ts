import { publicRoute } from '../../../src/http/route';

export const GET = publicRoute(({ context }) => context.services.health());
