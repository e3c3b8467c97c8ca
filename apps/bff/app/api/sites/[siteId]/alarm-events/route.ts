import { AlarmEventsQuerySchema, SiteIdSchema } from '@twinhelm/contracts';
import { alarmServicesOf } from '../../../../../src/alarms/alarm-services';
import { authedRoute, parseInput, queryOf } from '../../../../../src/http/route';

/** ?key&from&to&limit&before: the stored alarm history, newest first. */
export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  alarmServicesOf(context).queryAlarmEvents(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    query: parseInput(AlarmEventsQuerySchema, queryOf(req), 'query'),
  }),
);
