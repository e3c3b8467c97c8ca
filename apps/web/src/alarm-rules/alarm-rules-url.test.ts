import { describe, expect, it } from 'vitest';
import { alarmRulesHref, parseAlarmRulesParams } from './alarm-rules-url';

const parse = (query: string) => parseAlarmRulesParams(new URLSearchParams(query));

describe('alarm rules URL', () => {
  it('reads site, type, asset and rule', () => {
    expect(parse('site=ctown&type=tank&asset=T1&rule=level-low')).toEqual({
      ok: true,
      view: { siteId: 'ctown', assetId: 'T1', assetType: 'tank', ruleId: 'level-low' },
    });
  });

  it('without a site offers the site list; a bad site id says what one looks like', () => {
    expect(parse('')).toEqual({
      ok: true,
      view: { siteId: null, assetId: null, assetType: null, ruleId: null },
    });
    const bad = parse('site=C%20Town');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/"C Town" is not a site id/);
  });

  it('drops a malformed asset, type or rule (and a rule without an asset)', () => {
    expect(parse('site=ctown&type=boiler&asset=a/b&rule=Bad Rule')).toEqual({
      ok: true,
      view: { siteId: 'ctown', assetId: null, assetType: null, ruleId: null },
    });
    expect(parse('site=ctown&rule=stale').ok && parse('site=ctown&rule=stale')).toMatchObject({
      view: { ruleId: null },
    });
  });

  it('builds links that parse back to the same view', () => {
    const view = { siteId: 'ctown', assetId: 'J2', assetType: null, ruleId: 'pressure-low' };
    const href = alarmRulesHref(view);
    expect(href).toBe('/alarm-rules?site=ctown&asset=J2&rule=pressure-low');
    expect(parse(href.split('?')[1] ?? '')).toEqual({ ok: true, view });
    expect(alarmRulesHref({})).toBe('/alarm-rules');
  });
});
