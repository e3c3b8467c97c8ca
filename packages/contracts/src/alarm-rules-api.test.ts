import { describe, expect, it } from 'vitest';
import {
  AlarmRuleChangeResponseSchema,
  AlarmRuleHistoryResponseSchema,
  SiteAlarmRulesResponseSchema,
} from './alarm-rules-api';

const stale = {
  id: 'stale',
  version: 1,
  kind: 'stale',
  missedIntervals: 3,
  priority: 'low',
  consequence: 'The twin shows old values.',
  response: 'Check the outstation.',
};
const lowered = {
  ...stale,
  id: 'pressure-low',
  kind: 'threshold',
  metric: 'pressure',
  limit: 'l',
  setpoint: 18,
  version: 2,
  changedBy: 'planner',
  changedAt: 1_700_000_000_000,
};

describe('alarm rule API answers', () => {
  it('reads the site’s effective rules, filling the rule defaults', () => {
    const parsed = SiteAlarmRulesResponseSchema.parse({
      siteId: 'ctown',
      assets: [
        {
          assetId: 'J2',
          assetType: 'junction',
          rules: [
            { rule: stale, source: 'default', override: null },
            {
              rule: lowered,
              source: 'override',
              override: { version: 1, changedBy: 'planner', changedAt: 1_700_000_000_000 },
            },
          ],
        },
      ],
    });
    expect(parsed.assets[0]?.rules[0]?.rule).toMatchObject({ enabled: true, onDelayS: 0 });
  });

  it('reads a history with a revert that removed an added rule, and a change', () => {
    const version = {
      assetId: 'J2',
      ruleId: 'pressure-low',
      version: 2,
      rule: null,
      reverted: true,
      changedBy: 'admin',
      changedAt: 1,
    };
    const history = { siteId: 'ctown', assetId: 'J2', ruleId: 'pressure-low', default: null };
    expect(
      AlarmRuleHistoryResponseSchema.parse({ ...history, versions: [version] }).versions,
    ).toHaveLength(1);
    const change = { ...history, version: 2, before: lowered, after: null, reverted: true };
    expect(AlarmRuleChangeResponseSchema.safeParse(change).success).toBe(true);
    expect(AlarmRuleChangeResponseSchema.safeParse({ ...change, version: 0 }).success).toBe(false);
  });
});
