import { CreateApiTokenRequestSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, parseJson, readText } from '../../../src/http/route';

export const GET = authedRoute(({ context, principal }) => context.services.listTokens(principal));

export const POST = authedRoute(
  async ({ req, context, principal }) =>
    context.services.createToken(
      principal,
      parseInput(CreateApiTokenRequestSchema, parseJson(await readText(req, 64 * 1024)), 'body'),
    ),
  { status: 201 },
);
