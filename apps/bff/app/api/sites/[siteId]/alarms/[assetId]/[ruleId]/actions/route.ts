import {
  AlarmActionRequestSchema,
  AlarmRuleIdSchema,
  AssetIdSchema,
  SiteIdSchema,
} from '@twinhelm/contracts';
import { alarmServicesOf } from '../../../../../../../../src/alarms/alarm-services';
import {
  authedRoute,
  parseInput,
  parseJson,
  readText,
} from '../../../../../../../../src/http/route';

type Params = { siteId: string; assetId: string; ruleId: string };

/** One action (a comment or reason is a few hundred bytes). */
const MAX_ACTION_BODY_BYTES = 64 * 1024;

/** Acknowledge, shelve, unshelve, comment, assign, reset; out of / back in service (admin). */
export const POST = authedRoute<Params>(async ({ req, context, principal, params }) => {
  const siteId = parseInput(SiteIdSchema, params.siteId, 'site id');
  const key = `${parseInput(AssetIdSchema, params.assetId, 'asset id')}/${parseInput(AlarmRuleIdSchema, params.ruleId, 'rule id')}`;
  const body = parseJson(await readText(req, MAX_ACTION_BODY_BYTES));
  const action = parseInput(AlarmActionRequestSchema, body, 'body');
  return alarmServicesOf(context).actOnAlarm(principal, { siteId, key, action });
});
