import { ImportNetworkBodySchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, parseJson, readText } from '../../../../../src/http/route';

const MAX_INP_BYTES = 50 * 1024 * 1024;

export const GET = authedRoute<{ siteId: string }>(({ context, principal, params }) =>
  context.services.getNetwork(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
  }),
);

/** Body: JSON { name?, inp } or the .inp file itself as text/plain. */
export const POST = authedRoute<{ siteId: string }>(async ({ req, context, principal, params }) => {
  const siteId = parseInput(SiteIdSchema, params.siteId, 'site id');
  const text = await readText(req, MAX_INP_BYTES);
  const isJson = (req.headers.get('content-type') ?? '').includes('application/json');
  const body = parseInput(
    ImportNetworkBodySchema,
    isJson ? parseJson(text) : { inp: text },
    'body',
  );
  return context.services.importNetwork(principal, { siteId, ...body });
});
