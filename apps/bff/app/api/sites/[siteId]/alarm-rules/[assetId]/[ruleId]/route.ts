import { AlarmRuleIdSchema, AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput } from '../../../../../../../src/http/route';

type Params = { siteId: string; assetId: string; ruleId: string };

const inputOf = (params: Params) => ({
  siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
  assetId: parseInput(AssetIdSchema, params.assetId, 'asset id'),
  ruleId: parseInput(AlarmRuleIdSchema, params.ruleId, 'rule id'),
});

/** Every stored version of one asset's rule, oldest first, with its default. */
export const GET = authedRoute<Params>(({ context, principal, params }) =>
  context.services.getAlarmRuleHistory(principal, inputOf(params)),
);

/** Reverts the rule to its default as a new version marked reverted, audited. */
export const DELETE = authedRoute<Params>(({ context, principal, params }) =>
  context.services.revertAlarmRule(principal, inputOf(params)),
);
