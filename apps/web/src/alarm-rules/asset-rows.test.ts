import { AlarmRuleSchema, type AssetEffectiveRules } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { assetRows, typeCounts } from './asset-rows';

const stale = AlarmRuleSchema.parse({
  id: 'stale',
  version: 1,
  kind: 'stale',
  missedIntervals: 3,
  priority: 'low',
  consequence: 'c',
  response: 'r',
});
const asset = (assetId: string, assetType: AssetEffectiveRules['assetType'], changed = false) => ({
  assetId,
  assetType,
  rules: [
    changed
      ? {
          rule: { ...stale, enabled: false, version: 2 },
          source: 'override' as const,
          override: { version: 1, changedBy: 'planner', changedAt: 1 },
        }
      : { rule: stale, source: 'default' as const, override: null },
  ],
});
const SITE = [asset('J10', 'junction'), asset('T1', 'tank'), asset('J2', 'junction', true)];

describe('asset rows', () => {
  it('counts asset types in catalogue order', () => {
    expect(typeCounts(SITE)).toEqual([
      { type: 'junction', count: 2 },
      { type: 'tank', count: 1 },
    ]);
  });

  it('lists one type in natural order with overrides and switched-off rules, up to a limit', () => {
    const names = new Map([['J2', 'Hill street']]);
    expect(assetRows(SITE, 'junction', names, 10)).toEqual({
      total: 2,
      rows: [
        {
          assetId: 'J2',
          name: 'Hill street',
          assetType: 'junction',
          rules: 1,
          overridden: 1,
          disabled: 1,
        },
        { assetId: 'J10', name: null, assetType: 'junction', rules: 1, overridden: 0, disabled: 0 },
      ],
    });
    expect(assetRows(SITE, null, names, 1)).toMatchObject({ total: 3, rows: [{ assetId: 'J2' }] });
  });
});
