import { AlarmListQuerySchema, SiteIdSchema } from '@twinhelm/contracts';
import { alarmServicesOf } from '../../../../../src/alarms/alarm-services';
import { authedRoute, parseInput, queryOf } from '../../../../../src/http/route';

/** ?state=all|announced|<state>&priority&assetId: the site's alarms (default: not normal). */
export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  alarmServicesOf(context).listAlarms(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    query: parseInput(AlarmListQuerySchema, queryOf(req), 'query'),
  }),
);
