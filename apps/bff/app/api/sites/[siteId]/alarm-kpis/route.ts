import { AlarmKpisQuerySchema, SiteIdSchema } from '@twinhelm/contracts';
import { alarmServicesOf } from '../../../../../src/alarms/alarm-services';
import { authedRoute, parseInput, queryOf } from '../../../../../src/http/route';

/** ?from&to&operators: alarm KPIs over a period (default the last 24 h, at most 31 days). */
export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  alarmServicesOf(context).getAlarmKpis(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    query: parseInput(AlarmKpisQuerySchema, queryOf(req), 'query'),
  }),
);
