import { AlarmRuleIdSchema, AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';
import { alarmServicesOf } from '../../../../../../../src/alarms/alarm-services';
import { authedRoute, parseInput } from '../../../../../../../src/http/route';

type Params = { siteId: string; assetId: string; ruleId: string };

/** One alarm with its newest 200 events. */
export const GET = authedRoute<Params>(({ context, principal, params }) =>
  alarmServicesOf(context).getAlarm(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    key: `${parseInput(AssetIdSchema, params.assetId, 'asset id')}/${parseInput(AlarmRuleIdSchema, params.ruleId, 'rule id')}`,
  }),
);
