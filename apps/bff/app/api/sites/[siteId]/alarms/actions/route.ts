import { AlarmBulkActionRequestSchema, SiteIdSchema } from '@twinhelm/contracts';
import { alarmServicesOf } from '../../../../../../src/alarms/alarm-services';
import { authedRoute, parseInput, parseJson, readText } from '../../../../../../src/http/route';

/** Up to 500 keys and one action: well under 256 KB. */
const MAX_BULK_BODY_BYTES = 256 * 1024;

/** { keys, action }: one action on several alarms (a root-cause group), a result per key. */
export const POST = authedRoute<{ siteId: string }>(async ({ req, context, principal, params }) => {
  const siteId = parseInput(SiteIdSchema, params.siteId, 'site id');
  const body = parseJson(await readText(req, MAX_BULK_BODY_BYTES));
  const request = parseInput(AlarmBulkActionRequestSchema, body, 'body');
  return alarmServicesOf(context).actOnAlarms(principal, { siteId, request });
});
