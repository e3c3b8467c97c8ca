import { SiteIdSchema } from '@twinhelm/contracts';
import { adviceServicesOf } from '../../../../../../src/alarm-advice/advice-services';
import { authedRoute, parseInput } from '../../../../../../src/http/route';

/** One advice: status, recommendations with their effect on the alarm's quantity, checks. */
export const GET = authedRoute<{ siteId: string; id: string }>(({ context, principal, params }) =>
  adviceServicesOf(context).getAdvice(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    id: params.id,
  }),
);
