import {
  AlarmAdviceListQuerySchema,
  CreateAlarmAdviceRequestSchema,
  SiteIdSchema,
} from '@twinhelm/contracts';
import { adviceServicesOf } from '../../../../../src/alarm-advice/advice-services';
import {
  authedRoute,
  parseInput,
  parseJson,
  queryOf,
  readText,
} from '../../../../../src/http/route';

const MAX_BODY_BYTES = 64 * 1024;

/** A site's advice, newest first; ?alarmKey=<assetId>/<ruleId> for one alarm's. */
export const GET = authedRoute<{ siteId: string }>(({ req, context, principal, params }) =>
  adviceServicesOf(context).listAdvice(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    ...parseInput(AlarmAdviceListQuerySchema, queryOf(req), 'query'),
  }),
);

/** Asks for recommended actions for an active alarm: 202 { id, scenarioId }. */
export const POST = authedRoute<{ siteId: string }>(
  async ({ req, context, principal, params }) => {
    const siteId = parseInput(SiteIdSchema, params.siteId, 'site id');
    const body = parseInput(
      CreateAlarmAdviceRequestSchema,
      parseJson(await readText(req, MAX_BODY_BYTES)),
      'body',
    );
    return adviceServicesOf(context).requestAdvice(principal, { siteId, alarmKey: body.alarmKey });
  },
  { status: 202 },
);
