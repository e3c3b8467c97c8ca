import { AlarmRuleOverrideSchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, parseJson, readText } from '../../../../../src/http/route';

/** Largest override body accepted (one rule: a few hundred bytes). */
const MAX_RULE_BODY_BYTES = 64 * 1024;

/** The effective alarm rules of every asset: defaults plus stored overrides, with versions. */
export const GET = authedRoute<{ siteId: string }>(({ context, principal, params }) =>
  context.services.getAlarmRules(principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
  }),
);

/** Overrides one asset's rule ({ assetId, rule }): stored as a new version, audited. */
export const PUT = authedRoute<{ siteId: string }>(async ({ req, context, principal, params }) => {
  const siteId = parseInput(SiteIdSchema, params.siteId, 'site id');
  const body = parseJson(await readText(req, MAX_RULE_BODY_BYTES));
  const override = parseInput(AlarmRuleOverrideSchema, body, 'body');
  return context.services.putAlarmRule(principal, { siteId, override });
});

export const POST = PUT;
