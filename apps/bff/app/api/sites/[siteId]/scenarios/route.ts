import { CreateScenarioRequestSchema, SiteIdSchema } from '@twinhelm/contracts';
import {
  authedRoute,
  parseInput,
  parseJson,
  queryOf,
  readText,
} from '../../../../../src/http/route';
import {
  MAX_SCENARIO_BODY_BYTES,
  ScenarioListQuerySchema,
} from '../../../../../src/scenarios/route-inputs';

export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  context.services.listScenarios(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    ...parseInput(ScenarioListQuerySchema, queryOf(req), 'query'),
  }),
);

/** Queues a what-if: 202 { id }; follow it with scenario:progress or GET /api/scenarios/:id. */
export const POST = authedRoute<{ siteId: string }>(
  async ({ req, context, principal, params }) => {
    const siteId = parseInput(SiteIdSchema, params.siteId, 'site id');
    const body = parseJson(await readText(req, MAX_SCENARIO_BODY_BYTES));
    const request = parseInput(CreateScenarioRequestSchema, body, 'body');
    return context.services.createScenario(principal, { siteId, request });
  },
  { status: 202 },
);
