import { AlarmRuleIdSchema, AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';

export type ConsoleParams =
  | {
      ok: true;
      siteId: string;
      assetId: string | null;
      scenarioId: string | null;
      /** An alarm to open (`<assetId>/<ruleId>`). */
      alarmKey: string | null;
    }
  | { ok: false; error: string };

const SCENARIO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<assetId>/<ruleId>` when both parts are well formed, else null. */
export function parseAlarmKey(key: string | null): string | null {
  if (key === null) return null;
  const slash = key.lastIndexOf('/');
  if (slash <= 0) return null;
  const asset = AssetIdSchema.safeParse(key.slice(0, slash));
  const rule = AlarmRuleIdSchema.safeParse(key.slice(slash + 1));
  return asset.success && rule.success ? key : null;
}

/**
 * Reads ?site=<id>[&asset=<id>][&scenario=<id>][&alarm=<assetId>/<ruleId>] of /console; a
 * malformed asset, scenario or alarm is dropped, not fatal. A scenario id opens the what-if panel
 * on that scenario, an alarm key the alarm's panel (links for a wall screen or a colleague).
 */
export function parseConsoleParams(params: Pick<URLSearchParams, 'get'>): ConsoleParams {
  const site = params.get('site');
  if (site === null || site === '') {
    return {
      ok: false,
      error: 'No site chosen: open the console from the site list (/console?site=<id>).',
    };
  }
  const parsedSite = SiteIdSchema.safeParse(site);
  if (!parsedSite.success) {
    return {
      ok: false,
      error: `"${site}" is not a site id (lower-case letters, digits, "_" and "-"). Pick a site from the list.`,
    };
  }
  const asset = params.get('asset');
  const assetId = asset !== null && AssetIdSchema.safeParse(asset).success ? asset : null;
  const scenario = params.get('scenario');
  const scenarioId = scenario !== null && SCENARIO_ID.test(scenario) ? scenario : null;
  const alarmKey = parseAlarmKey(params.get('alarm'));
  return { ok: true, siteId: parsedSite.data, assetId, scenarioId, alarmKey };
}

/** /console?site=<id>[&asset=<id>][&scenario=<id>][&alarm=<key>] */
export function consoleHref(
  siteId: string,
  assetId?: string | null,
  scenarioId?: string | null,
  alarmKey?: string | null,
): string {
  const params = new URLSearchParams({ site: siteId });
  if (assetId) params.set('asset', assetId);
  if (scenarioId) params.set('scenario', scenarioId);
  if (alarmKey) params.set('alarm', alarmKey);
  return `/console?${params.toString()}`;
}

/**
 * The path to return to after signing in: only same-origin paths ("/…", not "//host" or
 * "/\host"), never the login page itself; anything else falls back to "/".
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  const path = next.split(/[?#]/, 1)[0] ?? '/';
  if (path === '/login' || path.startsWith('/login/')) return '/';
  return next;
}

/** /login?next=<current path and query>; the login page itself maps to plain /login. */
export function loginHref(current: { pathname: string; search: string }): string {
  const next = safeNextPath(`${current.pathname}${current.search}`);
  return next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`;
}
