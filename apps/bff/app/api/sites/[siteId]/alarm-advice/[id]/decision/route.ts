import { AlarmAdviceDecisionRequestSchema, SiteIdSchema } from '@twinhelm/contracts';
import { adviceServicesOf } from '../../../../../../../src/alarm-advice/advice-services';
import { authedRoute, parseInput, parseJson, readText } from '../../../../../../../src/http/route';

const MAX_BODY_BYTES = 64 * 1024;

/** Approves or rejects one recommendation { rank, decision, comment? }; approvals get a check. */
export const POST = authedRoute<{ siteId: string; id: string }>(
  async ({ req, context, principal, params }) =>
    adviceServicesOf(context).decideAdvice(principal, {
      siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
      id: params.id,
      body: parseInput(
        AlarmAdviceDecisionRequestSchema,
        parseJson(await readText(req, MAX_BODY_BYTES)),
        'body',
      ),
    }),
);
