import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  consoleHref,
  loginHref,
  parseAlarmKey,
  parseConsoleParams,
  safeNextPath,
} from './url-state';

const params = (query: string) => new URLSearchParams(query);

describe('parseConsoleParams', () => {
  it('reads the site and asset', () => {
    expect(parseConsoleParams(params('site=ctown&asset=T1'))).toEqual({
      ok: true,
      siteId: 'ctown',
      assetId: 'T1',
      scenarioId: null,
      alarmKey: null,
    });
  });
  it('has no asset when none is given', () => {
    expect(parseConsoleParams(params('site=ctown'))).toEqual({
      ok: true,
      siteId: 'ctown',
      assetId: null,
      scenarioId: null,
      alarmKey: null,
    });
  });
  it('says what to do without a site', () => {
    const res = parseConsoleParams(params(''));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/site list/);
  });
  it('rejects a malformed site id with its value in the message', () => {
    const res = parseConsoleParams(params('site=Bad%20Site'));
    expect(res).toEqual({ ok: false, error: expect.stringContaining('"Bad Site"') as unknown });
  });
  it('drops a malformed asset id', () => {
    expect(parseConsoleParams(params('site=ctown&asset=a%2Fb'))).toEqual({
      ok: true,
      siteId: 'ctown',
      assetId: null,
      scenarioId: null,
      alarmKey: null,
    });
  });
});

describe('alarm links', () => {
  it('opens an alarm by key, keeping the asset', () => {
    const href = consoleHref('ctown', 'PU8', null, 'PU8/pump-mismatch');
    expect(href).toBe('/console?site=ctown&asset=PU8&alarm=PU8%2Fpump-mismatch');
    expect(parseConsoleParams(params(href.split('?')[1]!))).toMatchObject({
      ok: true,
      assetId: 'PU8',
      alarmKey: 'PU8/pump-mismatch',
    });
  });
  it('drops a malformed alarm key, not the page', () => {
    for (const bad of ['PU8', '/pump-mismatch', 'PU8/', 'PU8/Pump Mismatch'])
      expect(
        parseConsoleParams(params(`site=ctown&alarm=${encodeURIComponent(bad)}`)),
      ).toMatchObject({ ok: true, alarmKey: null });
  });
  it('reads any well-formed key back, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const key = parseAlarmKey(raw);
        expect(key === null || key === raw).toBe(true);
      }),
    );
  });
});

describe('consoleHref', () => {
  it('round-trips through parseConsoleParams', () => {
    const href = consoleHref('ctown', 'PU4');
    expect(href).toBe('/console?site=ctown&asset=PU4');
    expect(parseConsoleParams(params(href.split('?')[1]!))).toEqual({
      ok: true,
      siteId: 'ctown',
      assetId: 'PU4',
      scenarioId: null,
      alarmKey: null,
    });
  });
  it('encodes awkward asset ids', () => {
    const href = consoleHref('ctown', 'J&1=2');
    expect(parseConsoleParams(params(href.split('?')[1]!))).toEqual({
      ok: true,
      siteId: 'ctown',
      assetId: 'J&1=2',
      scenarioId: null,
      alarmKey: null,
    });
  });
  it('omits an empty asset', () => {
    expect(consoleHref('ctown', null)).toBe('/console?site=ctown');
  });
  it('links to a scenario, and drops a scenario id that is not one', () => {
    const id = '3f2b8c4e-1d2a-4b5c-9e8f-0a1b2c3d4e5f';
    const href = consoleHref('ctown', null, id);
    expect(href).toBe(`/console?site=ctown&scenario=${id}`);
    expect(parseConsoleParams(params(href.split('?')[1]!))).toEqual({
      ok: true,
      siteId: 'ctown',
      assetId: null,
      scenarioId: id,
      alarmKey: null,
    });
    expect(parseConsoleParams(params('site=ctown&scenario=1%3B%20drop'))).toMatchObject({
      scenarioId: null,
    });
  });
});

describe('safeNextPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/login?next=/x', '/'],
    ['/console?site=ctown&asset=T1', '/console?site=ctown&asset=T1'],
    ['/', '/'],
    ['/\nx', '/'],
  ])('%s → %s', (input, out) => {
    expect(safeNextPath(input)).toBe(out);
  });
  it('always yields a same-origin path', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeNextPath(s);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(new URL(out, 'https://app.example').origin).toBe('https://app.example');
      }),
    );
  });
});

describe('loginHref', () => {
  it('carries the current page', () => {
    expect(loginHref({ pathname: '/console', search: '?site=ctown&asset=T1' })).toBe(
      '/login?next=%2Fconsole%3Fsite%3Dctown%26asset%3DT1',
    );
  });
  it('does not nest the login page', () => {
    expect(loginHref({ pathname: '/login', search: '?next=%2F' })).toBe('/login');
    expect(loginHref({ pathname: '/', search: '' })).toBe('/login');
  });
});
